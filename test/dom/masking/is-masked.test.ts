import { describe, expect, it } from 'vitest';
import { compileMasking, isMasked, MASKING_PRESETS, type MaskingPreset } from '../../../src/config/public-masking';
import { platforms, traps } from './cases';

function el(markup: string): Element {
  document.body.innerHTML = markup;
  return document.body.querySelector('[data-t]') ?? document.body.firstElementChild!;
}

/** Which single presets mask this element. */
function maskedBy(markup: string): MaskingPreset[] {
  const e = el(markup);
  return MASKING_PRESETS.filter((p) => isMasked(e, compileMasking({ presets: [p] })));
}

describe('presets on their own (happy-dom)', () => {
  it.each(traps)('%s → %j', (markup, expected) => {
    expect(maskedBy(markup)).toEqual(expected);
  });
});

describe('field names from real platforms', () => {
  it.each(platforms)('%s → %j', (markup, expected) => {
    expect(maskedBy(markup)).toEqual(expected);
  });
});

describe('isMasked', () => {
  it('is false for everything when masking is off', () => {
    expect(isMasked(el('<input type="password" data-zoom-cobrowse-mask>'), null)).toBe(false);
  });

  it('masks the opt-in element and everything inside it, with no presets', () => {
    const c = compileMasking({ presets: [] });
    document.body.innerHTML = '<div data-zoom-cobrowse-mask=""><p id="p">Balance</p><input id="i"></div><input id="o">';
    expect(['p', 'i', 'o'].map((id) => isMasked(document.getElementById(id)!, c))).toEqual([true, true, false]);
  });

  it('masks custom selectors', () => {
    const c = compileMasking({ presets: [], selectors: ['.secret', '#loyalty'] });
    document.body.innerHTML = '<span class="secret" id="a"></span><input id="loyalty"><input id="b">';
    expect(['a', 'loyalty', 'b'].map((id) => isMasked(document.getElementById(id)!, c))).toEqual([true, true, false]);
  });

  it('in all-inputs mode masks every input, textarea and select, but not other elements', () => {
    const c = compileMasking({ maskType: 'all-inputs' });
    document.body.innerHTML = '<input id="a"><textarea id="b"></textarea><select id="c"></select><p id="d"></p>';
    expect(['a', 'b', 'c', 'd'].map((id) => isMasked(document.getElementById(id)!, c))).toEqual([true, true, true, false]);
  });

  it('survives a hand-built rule set with a selector this engine rejects', () => {
    const c = { mode: 'custom' as const, selectors: ['input[', '#ok'], presets: [], categories: [] };
    expect(isMasked(el('<input id="ok">'), c)).toBe(true);
    expect(isMasked(el('<input id="no">'), c)).toBe(false);
  });
});
