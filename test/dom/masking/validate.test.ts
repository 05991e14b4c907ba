import { describe, expect, it } from 'vitest';
import { configError } from '../../helpers/config-error';
import { validateMaskingConfig } from '../../../src/config/public-masking';
import { looksLikeSelector } from '../../../src/config/masking';

const error = (value: unknown, path?: string) => configError(() => validateMaskingConfig(value, path));

describe('validateMaskingConfig', () => {
  it('accepts false, true, undefined and a full object, returning a clean copy', () => {
    expect(validateMaskingConfig(false)).toBe(false);
    expect(validateMaskingConfig(undefined)).toEqual({});
    expect(validateMaskingConfig(true)).toEqual({});
    const input = { presets: ['payment', 'identity', 'payment'], selectors: [' #ssn '], maskType: 'custom', strict: true, highlight: { label: 'Hidden', color: '#0b5cff' } };
    const out = validateMaskingConfig(input);
    expect(out).toEqual({ presets: ['payment', 'identity'], selectors: ['#ssn'], maskType: 'custom', strict: true, highlight: { label: 'Hidden', color: '#0b5cff' } });
    expect(out).not.toBe(input);
  });

  it('accepts an array of presets and the data-attribute string form', () => {
    expect(validateMaskingConfig(['address'])).toEqual({ presets: ['address'] });
    expect(validateMaskingConfig('payment, identity')).toEqual({ presets: ['payment', 'identity'] });
    expect(validateMaskingConfig('all-inputs strict')).toEqual({ maskType: 'all-inputs', strict: true });
    expect(validateMaskingConfig('default,banking')).toEqual({ presets: ['payment', 'credentials', 'banking'] });
    expect(validateMaskingConfig('off')).toBe(false);
    expect(validateMaskingConfig('false')).toBe(false);
    expect(validateMaskingConfig('')).toEqual({});
  });

  it('names the bad preset by index and lists the accepted ones', () => {
    const e = error({ presets: ['payment', 'card'] });
    expect(e.field).toBe('masking.presets[1]');
    expect(e.message).toBe(
      '[zoom-cobrowse-widget] Invalid config "masking.presets[1]": "card" is not a preset; use one of "payment", "credentials", "identity", "contact", "address", "banking".',
    );
    expect(error({ presets: 'payment' }).field).toBe('masking.presets');
    expect(error('payment,cards').message).toContain('"cards" in "payment,cards" is not accepted');
  });

  it('rejects unknown keys, naming them and the known ones', () => {
    const e = error({ preset: ['payment'] });
    expect(e.field).toBe('masking.preset');
    expect(e.message).toContain('unknown option. Accepted options in "masking": presets, selectors, maskType, strict, highlight.');
    expect(error({ highlight: { colour: 'red' } }).field).toBe('masking.highlight.colour');
  });

  it('rejects selectors that do not parse, or are not strings', () => {
    expect(error({ selectors: ['#ok', 'input[name="ssn"'] }).field).toBe('masking.selectors[1]');
    expect(error({ selectors: ['#ok', 'a{color:red}'] }).message).toContain('is not a valid CSS selector');
    expect(error({ selectors: [42] }).field).toBe('masking.selectors[0]');
    expect(error({ selectors: [''] }).field).toBe('masking.selectors[0]');
    expect(error({ selectors: '#ssn' }).field).toBe('masking.selectors');
  });

  it('checks maskType, strict and highlight', () => {
    expect(error({ maskType: 'all_input' }).message).toContain('expected one of "custom", "all-inputs", got "all_input"');
    expect(error({ strict: 'yes' }).field).toBe('masking.strict');
    expect(error({ highlight: 'yes' }).field).toBe('masking.highlight');
    expect(error({ highlight: { label: '' } }).field).toBe('masking.highlight.label');
    expect(validateMaskingConfig({ highlight: false })).toEqual({ highlight: false });
    for (const color of ['#abc', '#0b5cffcc', 'rebeccapurple', 'rgb(11 92 255 / 50%)', 'hsl(220, 100%, 52%)', 'var(--brand)', 'color-mix(in srgb, red 40%, white)']) {
      expect(validateMaskingConfig({ highlight: { color } }), color).toEqual({ highlight: { color } });
    }
    for (const color of ['red; background: url(x)', '#12', 'url(javascript:alert(1))', 'expression(alert(1))', 12]) {
      expect(error({ highlight: { color } }).field, String(color)).toBe('masking.highlight.color');
    }
  });

  it('uses the path it is given, for callers that nest the option elsewhere', () => {
    expect(error({ presets: ['x'] }, 'widget.masking').field).toBe('widget.masking.presets[0]');
    expect(error(42, 'masking').message).toContain('expected an object like { presets: ["payment"] } or false, got number 42.');
  });
});

describe('looksLikeSelector (the check used when there is no document, e.g. SSR)', () => {
  it('accepts ordinary selectors', () => {
    for (const s of ['#card', '.a .b > input', 'input[name="x]y" i]', ':is(a, b)', 'input:not([type="hidden"])', "[data-x='(']"]) expect(looksLikeSelector(s), s).toBe(true);
  });
  it('rejects unbalanced, dangling or injected text', () => {
    for (const s of ['', '  ', 'input[name="x"', 'a)', 'a(', '> a', 'a,', 'a{}', 'a;b', '<script>', 'a["b]']) expect(looksLikeSelector(s), s).toBe(false);
  });
});
