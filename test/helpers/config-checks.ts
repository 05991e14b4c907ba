/**
 * What every outcome of config validation must satisfy, whatever went in: shared by the
 * property tests of resolveConfig, the script tag's attribute reader and the mounted widget.
 */
import { expect } from 'vitest';
import type { ResolvedConfig } from '../../src/config/config';
import { CONFIG_FIELDS } from '../../src/config/config';
import { CobrowseConfigError, LOG_PREFIX } from '../../src/shared/config-error';
import { isCssColor } from '../../src/shared/validate';
import { translator, type StringKey } from '../../src/i18n/translator';
import en from '../../src/i18n/locales/en';

/** Outcome counts, printed in an afterAll with a greppable prefix. */
export interface Counts {
  configErrors: number;
  mounted: number;
  other: number;
}

export const newCounts = (): Counts => ({ configErrors: 0, mounted: 0, other: 0 });

/** One line such as `[property] resolveConfig (seed 1): 10000 runs — config errors 6012 / valid 3988 / other 0`. */
export function printCounts(what: string, seed: number, counts: Counts, okWord = 'mounted', note = ''): void {
  const runs = counts.configErrors + counts.mounted + counts.other;
  console.log(`[property] ${what} (seed ${seed}): ${runs} runs — config errors ${counts.configErrors} / ${okWord} ${counts.mounted} / other ${counts.other}${note ? ` — ${note}` : ''}`);
}

/** A thrown value is a CobrowseConfigError that names a field and says so in a prefixed message. */
export function expectConfigError(err: unknown): asserts err is CobrowseConfigError {
  if (!(err instanceof CobrowseConfigError)) throw new Error(`not a CobrowseConfigError: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
  expect(typeof err.field).toBe('string');
  expect(err.field.length).toBeGreaterThan(0);
  expect(err.message.startsWith(LOG_PREFIX)).toBe(true);
  expect(err.message).toContain(`"${err.field}"`);
  const root = err.field.split(/[.[]/)[0]!;
  // Either a real field (or data-* attribute), or an unknown/secret key reported by its own name.
  const named = CONFIG_FIELDS.includes(root) || root === '(config)' || root.startsWith('data-') || /unknown option|secrets must never/.test(err.message);
  expect(named, err.message).toBe(true);
}

const PROTOS: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const baseline = new Map(PROTOS.map(([name, p]) => [name, Object.getOwnPropertyNames(p).sort().join()]));

/** Fails if any built-in prototype gained or lost a property. */
export function expectNoPollution(): void {
  for (const [name, p] of PROTOS) expect(Object.getOwnPropertyNames(p).sort().join(), `${name} was modified`).toBe(baseline.get(name));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

// Characters and words that could end a declaration, open a rule, load a URL or run a script.
const CSS_ESCAPE = /[;{}<>!\\@"'`]|url\(|expression|javascript|\/\*/i;

/** Every value a resolved config lets reach CSS or the DOM is safe, and every field has its type. */
export function expectSafeResolved(r: ResolvedConfig): void {
  expect(typeof r.sdkKey).toBe('string');
  expect(r.sdkKey).not.toMatch(/[\s/?#]/);
  expect(typeof r.token === 'string' || typeof r.token === 'function').toBe(true);
  const t = r.theme as unknown as Record<string, unknown>;
  expect(['light', 'dark', 'auto']).toContain(t.mode);
  expect(['bottom-right', 'bottom-left', 'top-right', 'top-left']).toContain(t.position);
  for (const [k, v] of Object.entries(t)) {
    expect(typeof v, `theme.${k}`).toBe('string');
    const s = v as string;
    if (['primary', 'onPrimary', 'surface', 'text', 'muted', 'danger'].includes(k)) {
      expect(isCssColor(s), `theme.${k} = ${s}`).toBe(true);
      expect(s, `theme.${k}`).not.toMatch(CSS_ESCAPE);
    } else if (k === 'radius' || k === 'offset') expect(s).toMatch(/^\d*\.?\d+(px|rem|em|%|vw|vh)$/);
    else if (k === 'zIndex') expect(s).toMatch(/^\d{1,10}$/);
    else if (k === 'fontFamily') expect(s).not.toMatch(/[;{}<>\\()@]/);
    else if (k !== 'mode' && k !== 'position') throw new Error(`unexpected theme key ${k}`);
  }
  expect(typeof r.launcher).toBe('boolean');
  expect(['help', 'chat', 'headset', 'none']).toContain(r.launcherIcon);
  if (r.privacyUrl !== undefined) expect(new URL(r.privacyUrl, 'https://relative.invalid/').protocol).toMatch(/^https?:$/);
  if (typeof r.customPin === 'string') expect(r.customPin).toMatch(/^[a-z0-9]{1,10}$/i);
  else expect(r.customPin === undefined || typeof r.customPin === 'function').toBe(true);
  expect(r.tokenTimeoutMs).toBeGreaterThanOrEqual(500);
  expect(r.startTimeoutMs).toBeGreaterThanOrEqual(1000);
  expect(r.sdk.loadTimeoutMs).toBeGreaterThanOrEqual(1000);
  if (r.maskingConfig !== false) {
    const h = r.maskingConfig.highlight;
    if (typeof h === 'object' && h.color !== undefined) expect(h.color).not.toMatch(CSS_ESCAPE);
  }
  // Labels: text only. Every string the UI can ask for comes out as a string, in every plural form.
  for (const [k, v] of Object.entries(r.labels)) {
    if (typeof v === 'string') continue;
    expect(Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null, `labels.${k}`).toBe(true);
    for (const [form, text] of Object.entries(v as object)) expect(typeof text, `labels.${k}.${form}`).toBe('string');
  }
  const keys = Object.keys(r.labels) as StringKey[];
  if (!keys.length) return;
  // Arabic and Polish have every plural category between them (zero, one, two, few, many, other).
  for (const lang of ['en', 'ar', 'pl']) {
    const t = translator(lang, r.labels);
    for (const key of keys) {
      expect(key in en, `labels.${key}`).toBe(true);
      for (const n of [0, 1, 2, 5, 22]) expect(typeof t(key, { n, pin: '123', agent: 'A' })).toBe('string');
    }
  }
}
