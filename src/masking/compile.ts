import { DEFAULT_MASKING_PRESETS, MASKING_PRESETS, presetSelectors } from './presets';
import type { CompiledMasking, MaskingConfig } from './types';

/** Opt-in attribute: an element carrying it, and everything inside it, is always masked. */
export const MASK_ATTRIBUTE = 'data-zoom-cobrowse-mask';

// Presence is what counts, whatever the value, so a bare attribute works in plain HTML.
const OPT_IN = [`[${MASK_ATTRIBUTE}]`, `[${MASK_ATTRIBUTE}] *`];

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * Every kind of field a visitor can type or pick a value in: what `maskType: 'all-inputs'`
 * masks. Zoom's "mask all" covers inputs (password included), selects and textareas;
 * rich-text editors and ARIA widgets hold typed text too, so their content is listed
 * with them. Zoom has no public "all inputs" mode, so this list is sent as selectors
 * (docs/zoom-sdk.md, "Settings").
 */
export const ALL_FIELD_SELECTORS: readonly string[] = [
  'input',
  'textarea',
  'select',
  EDITABLE,
  `${EDITABLE} *`,
  '[role="textbox"]',
  '[role="textbox"] *',
  '[role="searchbox"]',
  '[role="combobox"]',
  '[role="spinbutton"]',
];

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
  // All-inputs mode is plain selectors (Zoom has no documented mode for it), so the SDK,
  // isMasked and the highlighter all read the same list.
  const rules = allInputs ? ALL_FIELD_SELECTORS : presets.flatMap(presetSelectors);
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
