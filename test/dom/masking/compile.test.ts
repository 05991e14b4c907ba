import { describe, expect, it } from 'vitest';
import { compileMasking, DEFAULT_MASKING_PRESETS, isMasked, MASK_ATTRIBUTE, MASKING_PRESETS } from '../../../src/config/public-masking';
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

  it('all-inputs mode names every category and lists a selector for every kind of field', () => {
    const c = compileMasking({ maskType: 'all-inputs', selectors: ['.balance'] })!;
    expect(c.mode).toBe('all-inputs');
    expect(c.categories).toEqual([...MASKING_PRESETS]);
    expect(c.selectors.slice(0, 2)).toEqual(['[data-zoom-cobrowse-mask]', '[data-zoom-cobrowse-mask] *']);
    expect(c.selectors.at(-1)).toBe('.balance');
    // What a visitor can type or pick in, whatever it is built from: each is masked, nothing else is.
    document.body.innerHTML = `
      <input name="a" type="text"><input type="password"><input type="checkbox"><textarea></textarea>
      <select><option>1</option></select><div contenteditable="true"><p id="typed">draft</p></div><div contenteditable>x</div>
      <div role="textbox">y</div><div role="combobox">z</div><div role="spinbutton">3</div><input type="search">
      <p id="plain">text</p><div contenteditable="false" id="not-editable">no</div>`;
    for (const el of document.body.querySelectorAll('input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role], #typed')) {
      expect(isMasked(el, c), el.outerHTML).toBe(true);
    }
    expect(isMasked(document.getElementById('plain')!, c)).toBe(false);
    expect(isMasked(document.getElementById('not-editable')!, c)).toBe(false);
    document.body.innerHTML = '';
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
