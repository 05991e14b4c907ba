import { CobrowseConfigError } from '../core/config-error';
import { DEFAULT_MASKING_PRESETS, MASKING_PRESETS } from './names';
import type { MaskingConfig, MaskingPreset } from './types';

const KEYS = ['presets', 'selectors', 'maskType', 'strict', 'highlight'];
const MASK_TYPES = ['custom', 'all-inputs'];
const list = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v ? (Array.isArray(v) ? 'an array' : 'an object') : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  if (!isObject(value)) {
    throw new CobrowseConfigError(path, `expected an object like { presets: ["payment"] } or false, got ${show(value)}.`);
  }
  const out: MaskingConfig = {};
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) throw new CobrowseConfigError(`${path}.${key}`, `unknown option; use one of ${list(KEYS)}.`);
  }
  const { presets, selectors, maskType, strict, highlight } = value;
  if (presets !== undefined) out.presets = presetList(presets, `${path}.presets`);
  if (selectors !== undefined) out.selectors = selectorList(selectors, `${path}.selectors`);
  if (maskType !== undefined) {
    if (!MASK_TYPES.includes(maskType as string)) throw new CobrowseConfigError(`${path}.maskType`, `${show(maskType)} is not accepted; use ${list(MASK_TYPES)}.`);
    out.maskType = maskType as MaskingConfig['maskType'];
  }
  if (strict !== undefined) {
    if (typeof strict !== 'boolean') throw new CobrowseConfigError(`${path}.strict`, `expected true or false, got ${show(strict)}.`);
    out.strict = strict;
  }
  if (highlight !== undefined) out.highlight = highlightOption(highlight, `${path}.highlight`);
  return out;
}

function presetList(value: unknown, path: string): MaskingPreset[] {
  if (!Array.isArray(value)) throw new CobrowseConfigError(path, `expected an array of presets (${list(MASKING_PRESETS)}), got ${show(value)}.`);
  return [
    ...new Set(
      value.map((p, i) => {
        if (!MASKING_PRESETS.includes(p)) throw new CobrowseConfigError(`${path}[${i}]`, `${show(p)} is not a preset; use one of ${list(MASKING_PRESETS)}.`);
        return p as MaskingPreset;
      }),
    ),
  ];
}

function selectorList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new CobrowseConfigError(path, `expected an array of CSS selector strings, got ${show(value)}.`);
  return value.map((s, i) => {
    if (typeof s !== 'string' || !s.trim()) throw new CobrowseConfigError(`${path}[${i}]`, `expected a non-empty CSS selector string like "#card-number", got ${show(s)}.`);
    if (!selectorParses(s)) throw new CobrowseConfigError(`${path}[${i}]`, `${show(s)} is not a valid CSS selector; check brackets and quotes (e.g. "[name=\\"ssn\\"]").`);
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

const COLOR = /^(#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})|[a-z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\([\w\s.,%/+-]*(?:\([\w\s.,%/+-]*\)[\w\s.,%/+-]*)*\)|var\(--[\w-]+\))$/i;

function highlightOption(value: unknown, path: string): MaskingConfig['highlight'] {
  if (typeof value === 'boolean') return value;
  if (!isObject(value)) throw new CobrowseConfigError(path, `expected true, false or { label, color }, got ${show(value)}.`);
  const out: { label?: string; color?: string } = {};
  for (const key of Object.keys(value)) {
    if (key !== 'label' && key !== 'color') throw new CobrowseConfigError(`${path}.${key}`, `unknown option; use "label" or "color".`);
  }
  const { label, color } = value;
  if (label !== undefined) {
    if (typeof label !== 'string' || !label.trim()) throw new CobrowseConfigError(`${path}.label`, `expected a non-empty string like "Hidden from support", got ${show(label)}.`);
    out.label = label;
  }
  if (color !== undefined) {
    // Data, never raw CSS: the value is checked before it can reach a style attribute.
    const ok = typeof color === 'string' && COLOR.test(color.trim()) && (typeof CSS === 'undefined' || !CSS.supports || CSS.supports('color', color));
    if (!ok) throw new CobrowseConfigError(`${path}.color`, `${show(color)} is not a CSS colour; use e.g. "#0b5cff", "rgb(11 92 255)" or "rebeccapurple".`);
    out.color = color.trim();
  }
  return out;
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
