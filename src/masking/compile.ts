import { DEFAULT_MASKING_PRESETS, MASKING_PRESETS, presetSelectors } from './presets';
import type { CompiledMasking, MaskingConfig } from './types';

/** Opt-in attribute: an element carrying it, and everything inside it, is always masked. */
export const MASK_ATTRIBUTE = 'data-zoom-cobrowse-mask';

// Presence is what counts, whatever the value, so a bare attribute works in plain HTML.
const OPT_IN = [`[${MASK_ATTRIBUTE}]`, `[${MASK_ATTRIBUTE}] *`];

/**
 * Turns a validated masking config (see src/config/masking.ts) into selectors in the
 * widget's vocabulary. `false` → null (masking explicitly off); `undefined` → the default presets.
 * It trusts its input: config is validated once, by resolveConfig; the public
 * `compileMasking` of the npm entry validates first.
 */
export function compileRules(config: MaskingConfig | false | undefined): CompiledMasking | null {
  if (config === false) return null;
  const valid = config ?? {};
  const presets = [...new Set(valid.presets ?? DEFAULT_MASKING_PRESETS)];
  const allInputs = valid.maskType === 'all-inputs';
  // In all-inputs mode the tag selectors repeat what the mode says, so an SDK that ignores
  // the mode (or skips textarea/select) still masks them, and isMasked has one code path.
  const rules = allInputs ? ['input', 'textarea', 'select'] : presets.flatMap(presetSelectors);
  return {
    mode: allInputs ? 'all-inputs' : 'custom',
    selectors: [...new Set([...OPT_IN, ...rules, ...(valid.selectors ?? [])])],
    presets,
    categories: allInputs ? [...MASKING_PRESETS] : MASKING_PRESETS.filter((p) => presets.includes(p)),
  };
}

const joined = new WeakMap<CompiledMasking, string>();

/** True when the compiled rules hide this element (or an ancestor's opt-in attribute does). */
export function isMasked(element: Element, compiled: CompiledMasking | null): boolean {
  if (!compiled) return false;
  let list = joined.get(compiled);
  if (list === undefined) joined.set(compiled, (list = compiled.selectors.join(',')));
  try {
    return element.matches(list);
  } catch {
    // A hand-built CompiledMasking may hold a selector this engine rejects; one bad rule
    // must not unmask everything else.
    return compiled.selectors.some((s) => {
      try {
        return element.matches(s);
      } catch {
        return false;
      }
    });
  }
}
