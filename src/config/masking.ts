import { CobrowseConfigError } from '../shared/config-error';
import { checkObject, describe, isPlainObject, optBoolean, optColor, optOneOf, optString } from '../shared/validate';
import { DEFAULT_MASKING_PRESETS, MASKING_PRESETS } from '../masking/names';
import type { MaskingConfig, MaskingPreset } from '../masking/types';

const list = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Checks a `masking` value and returns a clean copy. Accepts `false` (off), `true` or
 * `undefined` (defaults), an object, an array of presets, or the data-attribute string
 * form ("payment,identity", "all-inputs", "strict", "off"). Throws CobrowseConfigError
 * naming the path, e.g. `masking.presets[1]`, and the accepted values.
 */
export function validateMaskingConfig(value: unknown, path = 'masking'): MaskingConfig | false {
  if (value === false) return false;
  if (value === undefined || value === true) return {};
  if (typeof value === 'string') return fromAttribute(value, path);
  if (Array.isArray(value)) return { presets: presetList(value, path) };
  if (!isPlainObject(value)) {
    throw new CobrowseConfigError(path, `expected an object like { presets: ["payment"] } or false, got ${describe(value)}.`);
  }
  const { presets, selectors, maskType, strict, highlight } = checkObject(value, path, ['presets', 'selectors', 'maskType', 'strict', 'highlight']);
  const out: MaskingConfig = {};
  if (presets !== undefined) out.presets = presetList(presets, `${path}.presets`);
  if (selectors !== undefined) out.selectors = selectorList(selectors, `${path}.selectors`);
  const type = optOneOf(maskType, `${path}.maskType`, ['custom', 'all-inputs'] as const);
  if (type) out.maskType = type;
  const isStrict = optBoolean(strict, `${path}.strict`);
  if (isStrict !== undefined) out.strict = isStrict;
  if (highlight !== undefined) out.highlight = highlightOption(highlight, `${path}.highlight`);
  return out;
}

function presetList(value: unknown, path: string): MaskingPreset[] {
  if (!Array.isArray(value)) throw new CobrowseConfigError(path, `expected an array of presets (${list(MASKING_PRESETS)}), got ${describe(value)}.`);
  return [
    ...new Set(
      value.map((p, i) => {
        if (!MASKING_PRESETS.includes(p)) throw new CobrowseConfigError(`${path}[${i}]`, `${describe(p)} is not a preset; use one of ${list(MASKING_PRESETS)}.`);
        return p as MaskingPreset;
      }),
    ),
  ];
}

function selectorList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new CobrowseConfigError(path, `expected an array of CSS selector strings, got ${describe(value)}.`);
  return value.map((s, i) => {
    if (typeof s !== 'string' || !s.trim()) throw new CobrowseConfigError(`${path}[${i}]`, `expected a non-empty CSS selector string like "#card-number", got ${describe(s)}.`);
    if (!selectorParses(s)) throw new CobrowseConfigError(`${path}[${i}]`, `${describe(s)} is not a valid CSS selector; check brackets and quotes (e.g. "[name=\\"ssn\\"]").`);
    return s.trim();
  });
}

/** Parses with the page's own engine when there is one; otherwise (SSR) a conservative shape check. */
function selectorParses(selector: string): boolean {
  if (typeof document !== 'undefined' && typeof document.createDocumentFragment === 'function') {
    try {
      document.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      return false;
    }
  }
  return looksLikeSelector(selector);
}

/** Balanced brackets and quotes, no declaration block or markup, no dangling combinator. */
export function looksLikeSelector(selector: string): boolean {
  const s = selector.trim();
  if (!s || /^[>+~,]|[>+~,]$/.test(s)) return false;
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') stack.push(c === '[' ? ']' : ')');
    else if (c === ']' || c === ')') {
      if (stack.pop() !== c) return false;
    } else if ('{};<'.includes(c)) return false;
  }
  return !quote && !stack.length;
}

function highlightOption(value: unknown, path: string): MaskingConfig['highlight'] {
  if (typeof value === 'boolean') return value;
  if (!isPlainObject(value)) throw new CobrowseConfigError(path, `expected true, false or { label, color }, got ${describe(value)}.`);
  const o = checkObject(value, path, ['label', 'color']);
  const label = optString(o.label, `${path}.label`, 'a non-empty string like "Hidden from support"');
  // Data, never raw CSS: the value is checked before it can reach a style property.
  const color = optColor(o.color, `${path}.color`);
  return { ...(label !== undefined ? { label: o.label as string } : {}), ...(color !== undefined ? { color } : {}) };
}

function fromAttribute(raw: string, path: string): MaskingConfig | false {
  const words = raw.toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (words.length === 1 && (words[0] === 'false' || words[0] === 'off')) return false;
  const out: MaskingConfig = {};
  const presets: MaskingPreset[] = [];
  for (const w of words) {
    if (w === 'all-inputs') out.maskType = 'all-inputs';
    else if (w === 'strict') out.strict = true;
    else if (w === 'true' || w === 'on' || w === 'default') presets.push(...DEFAULT_MASKING_PRESETS);
    else if (MASKING_PRESETS.includes(w as MaskingPreset)) presets.push(w as MaskingPreset);
    else throw new CobrowseConfigError(path, `${JSON.stringify(w)} in ${JSON.stringify(raw)} is not accepted; use presets (${list(MASKING_PRESETS)}), "all-inputs", "strict", or "off".`);
  }
  if (presets.length) out.presets = [...new Set(presets)];
  return out;
}
