import { presetSelectors } from './presets';
import type { CompiledMasking, MaskingPreset } from './types';

// Inputs that carry no typed data: not "fields" a visitor would count, even in all-inputs mode.
const NOT_A_FIELD = /^(hidden|submit|button|reset|image)$/;

/**
 * How many elements on the page the compiled rules hide from the agent, by category:
 * the first preset whose rules match, else 'other' (the site's own selectors, marked
 * elements, or any input in all-inputs mode). A masked container counts once, not per child.
 * It reads only which elements match, never their values.
 */
export function countMaskedFields(root: ParentNode, compiled: CompiledMasking): Partial<Record<MaskingPreset | 'other', number>> {
  const counts: Partial<Record<MaskingPreset | 'other', number>> = {};
  const matches = (el: Element, selectors: string): boolean => {
    try {
      return el.matches(selectors);
    } catch {
      return false;
    }
  };
  let found: Element[] = [];
  try {
    found = [...root.querySelectorAll(compiled.selectors.join(','))];
  } catch {
    /* a selector this browser rejects: nothing to count rather than a broken summary */
  }
  const set = new Set(found);
  const presets = compiled.presets.map((p) => [p, presetSelectors(p).join(',')] as const);
  for (const el of found) {
    if (el.tagName === 'INPUT' && NOT_A_FIELD.test((el as HTMLInputElement).type)) continue;
    let inside = false;
    for (let p = el.parentElement; p && !inside; p = p.parentElement) inside = set.has(p);
    if (inside) continue;
    const category = presets.find(([, sel]) => matches(el, sel))?.[0] ?? 'other';
    counts[category] = (counts[category] ?? 0) + 1;
  }
  return counts;
}
