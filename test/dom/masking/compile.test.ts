import { describe, expect, it } from 'vitest';
import { compileMasking, DEFAULT_MASKING_PRESETS, MASK_ATTRIBUTE, MASKING_PRESETS } from '../../../src/config/public-masking';
import { CobrowseConfigError } from '../../../src/shared/config-error';

describe('compileMasking', () => {
  it('uses payment + credentials when the config says nothing', () => {
    const c = compileMasking(undefined)!;
    expect(DEFAULT_MASKING_PRESETS).toEqual(['payment', 'credentials']);
    expect(c.mode).toBe('custom');
    expect(c.presets).toEqual(['payment', 'credentials']);
    expect(c.categories).toEqual(['payment', 'credentials']);
    expect(compileMasking({})).toEqual(c);
  });

  it('returns null for masking: false (explicitly off)', () => {
    expect(compileMasking(false)).toBeNull();
  });

  it('always includes the opt-in attribute and its descendants while masking is on', () => {
    expect(MASK_ATTRIBUTE).toBe('data-zoom-cobrowse-mask');
    for (const config of [undefined, { presets: [] }, { maskType: 'all-inputs' as const }]) {
      expect(compileMasking(config)!.selectors.slice(0, 2)).toEqual(['[data-zoom-cobrowse-mask]', '[data-zoom-cobrowse-mask] *']);
    }
  });

  it('with no presets, masks only the opt-in attribute and custom selectors', () => {
    const c = compileMasking({ presets: [], selectors: ['#ssn', '.secret input'] })!;
    expect(c.selectors).toEqual(['[data-zoom-cobrowse-mask]', '[data-zoom-cobrowse-mask] *', '#ssn', '.secret input']);
    expect(c.categories).toEqual([]);
  });

  it('dedupes presets and lists categories in display order', () => {
    const c = compileMasking({ presets: ['banking', 'payment', 'banking'] })!;
    expect(c.presets).toEqual(['banking', 'payment']);
    expect(c.categories).toEqual(['payment', 'banking']);
  });

  it("all-inputs mode names every category and also lists input/textarea/select as selectors", () => {
    const c = compileMasking({ maskType: 'all-inputs', selectors: ['.balance'] })!;
    expect(c.mode).toBe('all-inputs');
    expect(c.categories).toEqual([...MASKING_PRESETS]);
    expect(c.selectors).toEqual(['[data-zoom-cobrowse-mask]', '[data-zoom-cobrowse-mask] *', 'input', 'textarea', 'select', '.balance']);
  });

  it('puts each preset into flat selectors: no commas, all parse here, no SDK vocabulary', () => {
    const c = compileMasking({ presets: [...MASKING_PRESETS] })!;
    expect(new Set(c.selectors).size).toBe(c.selectors.length);
    for (const s of c.selectors) {
      expect(s).not.toContain(',');
      expect(() => document.querySelector(s), s).not.toThrow();
    }
    expect(() => document.querySelectorAll(c.selectors.join(','))).not.toThrow();
    expect(JSON.stringify(c)).not.toMatch(/piiMask|custom_input|all_input/);
  });

  it('keeps the default rule set small enough for the SDK to match on every node', () => {
    expect(compileMasking(undefined)!.selectors.length).toBeLessThan(300);
    expect(compileMasking({ presets: [...MASKING_PRESETS] })!.selectors.length).toBeLessThan(800);
  });

  it('validates what it is given', () => {
    expect(() => compileMasking({ presets: ['card' as never] })).toThrow(CobrowseConfigError);
  });
});
