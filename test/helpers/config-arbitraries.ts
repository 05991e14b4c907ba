/**
 * Generators for the property tests: widget configs that are valid, wrong in every way a
 * site could get them wrong, and hostile (CSS and markup injection, bidi overrides,
 * prototype keys, huge strings). Shared by the node (resolveConfig) and happy-dom (mount)
 * suites so both count the same population.
 */
import fc from 'fast-check';
import en from '../../src/i18n/locales/en';
import { LOCALES } from '../../src/i18n/translator';
import { MASKING_PRESETS } from '../../src/masking/names';
import { CONFIG_FIELDS } from '../../src/config/config';

/** Fixed in CI so a failure reproduces; `SEED=123 npx vitest run …` tries another population. */
export const SEED = process.env.SEED !== undefined && process.env.SEED !== '' ? Number(process.env.SEED) : 20261130;
/** Runs per property; `NUM_RUNS=…` overrides. */
export const NUM_RUNS = Number(process.env.NUM_RUNS ?? 10_000);

/** Strings that try to escape a CSS declaration, a text node or the reading order. */
export const HOSTILE_STRINGS = [
  'red; background:url(x)',
  'red;background:url(https://evil.example/x)',
  '</style><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  'var(--x) !important',
  'red !important',
  'expression(alert(1))',
  'url(javascript:alert(1))',
  'rgb(1,2,3);x:y',
  'rgb(1 2 3) }',
  '#fff}:host{display:none',
  '#fff/*',
  'color-mix(in srgb, red 50%, url(x))',
  '\u202Eevil\u202C',
  '\u2066isolate\u2069',
  '\u200Bzero\u200Bwidth',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/path',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{n}',
  '{pin}{agent}',
  '$&$1$`$\'',
  '\u0000',
  '\uD800',
  '\uDC00\uD800',
  'مرحبا بالعالم',
  'שלום',
  '日本語のラベル',
  '😀👍🏽🇫🇷',
  'Z̷̢̛a̴l̶g̷o̵',
  '   ',
  '',
  '\n\t',
  'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.sig',
  '1'.repeat(10_000),
  'a'.repeat(100_000),
  '\u202E'.repeat(1000),
  '😀'.repeat(5000),
];

const hostile = fc.constantFrom(...HOSTILE_STRINGS);

/** Any string: short ASCII, full Unicode (lone surrogates included), long, or hostile. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }) },
  { weight: 4, arbitrary: hostile },
);

const weirdNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 2147483648, 0.5),
  fc.double(),
  fc.integer(),
);

/** Objects with keys that have broken other libraries: prototype keys, own `__proto__`. */
const prototypeKeys: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as Record<string, unknown>),
  fc.constant({ constructor: { prototype: { polluted: 'yes' } } }),
  fc.constant(Object.assign(Object.create(null) as Record<string, unknown>, { polluted: 'yes' })),
  fc.constant(JSON.parse('{"prototype": {"polluted": "yes"}, "toString": "x"}') as Record<string, unknown>),
);

/** Anything at all that JavaScript can hand over. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  weirdNumber,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.constant(Symbol('x')),
  fc.constant(() => 'x'),
  fc.constant(new Date(0)),
  fc.constant(/re/),
  fc.constant(new Map()),
  fc.constant(Object.create(null)),
  fc.constant({ valueOf: () => 5, toString: () => '5' }),
  prototypeKeys,
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 }),
  // Deeply nested unknown structure.
  fc.integer({ min: 50, max: 2000 }).map((depth) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = i % 2 ? { nested: v } : [v];
    return v;
  }),
);

/** What the caller of the generator wants containers to be (the node suite has no DOM). */
export interface ConfigArbOptions {
  /** Valid `container` values for this environment. */
  containers: fc.Arbitrary<unknown>;
  /** A valid token value (a URL or a function). */
  token?: fc.Arbitrary<unknown>;
}

/** The generators, all valid (clean) or mixed with wrong and hostile values (dirty). */
function build(dirty: boolean) {
  /** Mostly `valid`, sometimes anything, sometimes hostile. */
  const field = <T>(valid: fc.Arbitrary<T>, validWeight = 24): fc.Arbitrary<unknown> =>
    dirty ? fc.oneof({ weight: validWeight, arbitrary: valid }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: hostile }) : valid;
  /** `valid`, and in dirty runs also `wrong`. */
  const mix = <T>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>): fc.Arbitrary<T> => (dirty ? fc.oneof(valid, wrong) : valid);

  const cssColor = fc.oneof(
    fc.constantFrom('#0b5cff', '#fff', '#ffffff80', 'rebeccapurple', 'transparent', 'rgb(11 92 255)', 'rgba(0,0,0,.5)', 'hsl(210 100% 40%)', 'oklch(60% 0.2 250)', 'color-mix(in srgb, red 40%, blue)', 'var(--brand)', 'currentcolor'),
    fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  );
  const cssLength = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom('12px', '1rem', '0.5em', '10%', '2vw', '.5', '400'));

  /** A theme: valid tokens mixed with wrong types, out-of-range numbers and hostile values. */
  const themeArb: fc.Arbitrary<unknown> = fc
    .record(
      {
        mode: field(fc.constantFrom('light', 'dark', 'auto'), 60),
        primary: field(cssColor, 60),
        onPrimary: field(cssColor, 60),
        surface: field(cssColor, 60),
        text: field(cssColor, 60),
        muted: field(cssColor, 60),
        danger: field(cssColor, 60),
        radius: field(cssLength, 60),
        fontFamily: field(fc.constantFrom('Inter, sans-serif', "'Helvetica Neue', Arial", 'system-ui', '"Noto Sans JP", sans-serif'), 60),
        position: field(fc.constantFrom('bottom-right', 'bottom-left', 'top-right', 'top-left'), 60),
        offset: field(cssLength, 60),
        zIndex: field(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 2147483647 }) }, { weight: 1, arbitrary: weirdNumber }), 60),
      },
      { requiredKeys: [] },
    )
    .chain((t) => (dirty ? fc.oneof({ weight: 24, arbitrary: fc.constant(t as unknown) }, { weight: 1, arbitrary: withUnknownKeys(t) }, { weight: 1, arbitrary: anyValue }) : fc.constant(t as unknown)));

  const labelKeys = Object.keys(en) as Array<keyof typeof en>;
  const pluralKeys = labelKeys.filter((k) => typeof en[k] === 'object');
  const labelText = fc.oneof({ weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }, { weight: 3, arbitrary: hostile });
  // Where the validator wants a non-blank string (launcher.label, masking.highlight.label, userName).
  const text = mix(labelText.filter((t) => t.trim() !== ''), labelText);
  const pluralForms = fc.record(
    { one: field(labelText, 40), two: field(labelText, 40), few: field(labelText, 40), many: field(labelText, 40), zero: field(labelText, 40), other: field(labelText, 60) },
    { requiredKeys: dirty ? [] : ['other'] },
  );

  /** Labels: known keys with text (often markup-like), plural forms, wrong types and unknown keys. */
  const labelsArb: fc.Arbitrary<unknown> = fc
    .array(fc.tuple(fc.constantFrom(...labelKeys), fc.boolean()), { maxLength: 6 })
    .chain((keys) =>
      fc.tuple(...keys.map(([k, plural]) => ((dirty && plural) || pluralKeys.includes(k) ? field(fc.oneof(labelText, pluralForms), 40) : field(labelText, 60)).map((v) => [k, v] as const))),
    )
    .map((entries) => Object.fromEntries(entries) as Record<string, unknown>)
    .chain((l) => (dirty ? fc.oneof({ weight: 24, arbitrary: fc.constant(l as unknown) }, { weight: 1, arbitrary: withUnknownKeys(l) }, { weight: 1, arbitrary: anyValue }) : fc.constant(l as unknown)));

  /** Adds an unknown, prototype-ish or secret-looking key to an object. */
  const withUnknownKeys = (o: Record<string, unknown>): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'colour', 'primaryColor', 'sdkSecret', 'password', 'x'), anyValue).map(([k, v]) => {
        const copy: Record<string, unknown> = { ...o };
        // defineProperty: a real own key named "__proto__", as JSON.parse makes it.
        Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
        return copy as unknown;
      }),
      fc.constant({ ...o, nested: { deeper: { unknown: { keys: [1, 2, { x: '<script>' }] } } } } as unknown),
    );

  const pin = mix(
    fc.stringMatching(/^[a-zA-Z0-9]{1,10}$/),
    fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9]{11,30}$/),
    fc.constantFrom('', ' 123456', '12345 6', '１２３４５６', '12-34', 'ABCDEFGHIJK', '0', '٣٤٥٦', 'pin\u202E'),
    fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => n as unknown as string),
    ),
  );

  /** `customPin`: BYOP PINs of every length, functions returning them, wrong types. */
  const customPinArb: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: pin },
    { weight: 1, arbitrary: pin.map((p) => () => p) },
    { weight: dirty ? 1 : 0, arbitrary: anyValue },
  );

  const maskingArb = field(
    fc.oneof(
      fc.constant(false),
      fc.constant(true),
      fc.subarray([...MASKING_PRESETS]).map((presets) => ({ presets })),
      fc.record(
        {
          presets: field(fc.subarray(dirty ? [...MASKING_PRESETS, 'nope'] : [...MASKING_PRESETS])),
          selectors: field(fc.array(mix(fc.constantFrom('#card', '[name="ssn"]', '.secret input', 'input[type=password]'), fc.oneof(hostile, fc.string({ maxLength: 10 }))), { maxLength: 3 })),
          maskType: field(fc.constantFrom('custom', 'all-inputs')),
          strict: field(fc.boolean()),
          highlight: field(fc.oneof(fc.boolean(), fc.record({ label: field(text), color: field(cssColor) }, { requiredKeys: [] }))),
        },
        { requiredKeys: [] },
      ),
      mix(fc.constantFrom('payment,identity', 'default,strict', 'off', 'all-inputs'), fc.constant('nope')),
    ),
    16,
  );


  /** A whole widget config. */
  const configArbOf = (options: ConfigArbOptions): fc.Arbitrary<unknown> => {
    const base = fc.record(
      {
        sdkKey: field(fc.constantFrom('test-sdk-key', 'AbCdEf123', 'key_with-underscore'), 40),
        token: field(options.token ?? fc.constantFrom('/api/cobrowse/token', 'https://api.example.com/token', 'token'), 40),
        userId: field(fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== '')),
        userName: field(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== ''), text)),
        sdk: field(
          fc.record(
            {
              version: field(fc.constantFrom('3.6.0', '3.6.x', '2.13.1')),
              url: field(fc.constantFrom('/vendor/zoom.js', 'https://cdn.example.com/zoom.js')),
              loadTimeoutMs: field(fc.integer({ min: 1000, max: 120_000 })),
            },
            { requiredKeys: [] },
          ),
          16,
        ),
        nonce: field(fc.stringMatching(/^[A-Za-z0-9+/=]{8,24}$/)),
        container: field(options.containers, 10),
        theme: themeArb,
        masking: maskingArb,
        remoteAssist: field(fc.oneof(fc.boolean(), fc.record({ requireConsent: field(fc.boolean()), requireStopConfirmation: field(fc.boolean()) }, { requiredKeys: [] }))),
        annotations: field(fc.record({ agent: field(fc.boolean()), customer: field(fc.boolean()) }, { requiredKeys: [] })),
        customPin: customPinArb,
        tokenTimeoutMs: field(fc.integer({ min: 500, max: 120_000 })),
        startTimeoutMs: field(fc.integer({ min: 1000, max: 300_000 })),
        launcher: field(fc.oneof(fc.boolean(), fc.record({ label: field(text), icon: field(fc.constantFrom('help', 'chat', 'headset', 'none')) }, { requiredKeys: [] }))),
        recovery: field(fc.constantFrom('auto', 'prompt', 'off')),
        multiTab: field(fc.boolean(), 12),
        debug: field(fc.constant(false), 12),
        locale: field(fc.oneof(fc.constantFrom('auto', ...LOCALES, 'pt-BR', 'zh-Hant-TW', 'xx', 'en-GB'))),
        labels: labelsArb,
        privacyUrl: field(fc.constantFrom('/privacy', 'https://example.com/privacy', '?p=1', '#privacy')),
      },
      { requiredKeys: [] },
    );
    if (!dirty) return base.map((c) => ({ sdkKey: 'test-sdk-key', token: '/api/cobrowse/token', ...c }) as unknown);
    return fc
      .tuple(base, fc.integer({ min: 0, max: 19 }))
      .chain(([c, shape]) => {
        // Most runs have both required fields, so the rest of the config gets exercised.
        if (shape < 15) return fc.constant({ sdkKey: 'test-sdk-key', token: '/api/cobrowse/token', ...c } as unknown);
        if (shape < 17) return withUnknownKeys(c);
        if (shape < 18) return anyValue;
        return fc.constant(c as unknown);
      });
  };

  return { configArb: configArbOf, themeArb, labelsArb, customPinArb };
}

const clean = build(false);
const dirty = build(true);

/**
 * A whole widget config: a third with every field valid (hostile text in labels is still
 * valid text), two thirds where any field may be wrong, out of range or hostile.
 */
export function configArb(options: ConfigArbOptions): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: clean.configArb(options) }, { weight: 2, arbitrary: dirty.configArb(options) });
}

/** A theme object, often wrong. */
export const themeArb = dirty.themeArb;
/** A labels object, often wrong. */
export const labelsArb = dirty.labelsArb;
/** `customPin` values of every length and type. */
export const customPinArb = dirty.customPinArb;

/** Every top-level field name, for assertions about which field an error names. */
export const TOP_LEVEL_FIELDS: readonly string[] = CONFIG_FIELDS;
/** Theme field names, for the data-theme-* attribute generator. */
export const THEME_FIELD_NAMES: readonly string[] = ['mode', 'primary', 'onPrimary', 'surface', 'text', 'muted', 'danger', 'radius', 'fontFamily', 'position', 'offset', 'zIndex'];

/** Fields whose mistakes the widget reports and survives (the rest throw). */
export const COSMETIC = /^(theme|labels|launcher|locale|privacyUrl)(\.|\[|$)/;
