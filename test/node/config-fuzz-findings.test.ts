/**
 * Bugs the config property tests found, each pinned by a plain example
 * (test/node/config.property.test.ts generates the population that found them).
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config';
import { validateTheme } from '../../src/config/theme';
import { translator } from '../../src/i18n/translator';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { isCssColor } from '../../src/shared/validate';

const base = { sdkKey: 'test-sdk-key', token: '/api/cobrowse/token' };
const fieldOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CobrowseConfigError) return err.field;
    throw err;
  }
  throw new Error('expected a CobrowseConfigError');
};

describe('found by the config property tests', () => {
  it('a plural label form other than "other" must be text: { one: 42 } used to crash the translator when the count picked it', () => {
    expect(fieldOf(() => resolveConfig({ ...base, labels: { minutesLeft: { one: 42, other: '{n} min' } } }))).toBe('labels.minutesLeft.one');
    expect(fieldOf(() => resolveConfig({ ...base, labels: { secondsLeft: { other: 'x', few: { html: '<b>' } } } }))).toBe('labels.secondsLeft.few');
    // Unknown or prototype keys in the plural object are named, not passed through.
    expect(fieldOf(() => resolveConfig({ ...base, labels: { secondsLeft: JSON.parse('{"other":"x","__proto__":{"polluted":1}}') } }))).toBe('labels.secondsLeft.__proto__');
    // As the widget calls it: reported, and only the bad form is dropped; the count then picks "other".
    const reported: string[] = [];
    const r = resolveConfig({ ...base, labels: { minutesLeft: { one: 42, other: '{n} min' }, launcher: 'Talk to us' } }, { onCosmeticError: (e) => reported.push(e.field) });
    expect(reported).toEqual(['labels.minutesLeft.one']);
    expect(r.labels).toEqual({ minutesLeft: { other: '{n} min' }, launcher: 'Talk to us' });
    expect(translator('en', r.labels)('minutesLeft', { n: 1 })).toBe('1 min');
    // Valid plural forms still work.
    const ok = resolveConfig({ ...base, labels: { minutesLeft: { one: 'one {n}', few: 'few {n}', other: 'many {n}' } } });
    expect(translator('pl', ok.labels)('minutesLeft', { n: 3 })).toBe('few 3');
  });

  it('a colour function may nest only colour functions or var(): url() inside color-mix() is refused', () => {
    expect(isCssColor('color-mix(in srgb, red 50%, url(x))')).toBe(false);
    expect(isCssColor('color-mix(in srgb, red 50%, image(x))')).toBe(false);
    expect(isCssColor('rgb(expression(alert(1)) 0 0)')).toBe(false);
    expect(fieldOf(() => validateTheme({ text: 'color-mix(in srgb, red 50%, url(https://evil.example/x))' }, 'theme'))).toBe('theme.text');
    // Real nested colours still pass.
    expect(isCssColor('color-mix(in srgb, var(--brand) 40%, rgb(0 0 0))')).toBe(true);
    expect(isCssColor('color-mix(in oklab, oklch(60% 0.2 250), white)')).toBe(true);
  });

  it('theme.zIndex takes a number or a numeric string only: a Symbol threw a TypeError, and null/true/[]/"" became 0 or 1', () => {
    for (const zIndex of [Symbol('z'), null, true, [], '', '  ', {}, '1e3', Object.create(null)]) {
      expect(fieldOf(() => validateTheme({ zIndex }, 'theme'))).toBe('theme.zIndex');
    }
    // The widget's mode reports it and keeps the default instead of throwing a TypeError.
    const reported: string[] = [];
    const r = resolveConfig({ ...base, theme: { zIndex: Symbol('z'), primary: '#123456' } }, { onCosmeticError: (e) => reported.push(e.field) });
    expect(reported).toEqual(['theme.zIndex']);
    expect(r.theme).toMatchObject({ primary: '#123456' });
    expect(r.theme.zIndex).toBeUndefined();
    // Numbers and data-theme-z-index strings still work.
    expect(validateTheme({ zIndex: 10 }, 'theme').zIndex).toBe('10');
    expect(validateTheme({ zIndex: '99' }, 'theme').zIndex).toBe('99');
    expect(validateTheme({ zIndex: 2147483647 }, 'theme').zIndex).toBe('2147483647');
  });

  it('an unknown key that is empty, huge or full of control characters is named quoted and cut, never as ""', () => {
    expect(fieldOf(() => resolveConfig({ ...base, '': 1 }))).toBe('""');
    const huge = fieldOf(() => resolveConfig({ ...base, ['x'.repeat(100_000)]: 1 }));
    expect(huge.length).toBeLessThan(70);
    expect(huge.startsWith('"xxx')).toBe(true);
    expect(fieldOf(() => resolveConfig({ ...base, theme: { 'a;b\n': 1 } }))).toBe('theme."a;b\\n"');
    // Ordinary keys are named as they are.
    expect(fieldOf(() => resolveConfig({ ...base, colour: 'red' }))).toBe('colour');
  });
});
