import type { CobrowseErrorCode } from '../shared/errors';
import en from './locales/en';

/** A key of the widget's strings; `labels` in config can override any of them. */
export type StringKey = keyof typeof en;

/** Plural forms of one string, chosen with Intl.PluralRules; `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** One language's strings. Any key left out falls back to English. */
export type LocaleMessages = { [K in StringKey]?: string | PluralForms } & {
  /** Visitor-facing error sentences by code; English uses the controller's own sentences. */
  errors?: Partial<Record<CobrowseErrorCode, string>>;
};

/** Overrides for any string, e.g. `{ launcher: 'Talk to us' }`. Rendered as text, never markup. */
export type CobrowseLabels = { [K in StringKey]?: string | PluralForms };

/** Fills in a string: `{name}` placeholders become plain text; `n` also picks the plural form. */
export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/** Languages with built-in strings. English is in every bundle; the others load on demand. */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ja', 'zh', 'ar', 'he'] as const;

/** A built-in language. */
export type BuiltInLocale = (typeof LOCALES)[number];

/** True for right-to-left languages: the panel is mirrored with `dir="rtl"`. */
export const isRtl = (lang: string): boolean => /^(ar|he|fa|ur)\b/.test(lang);

/**
 * Picks the built-in language for `wanted` ('auto' reads the browser's
 * preference list). Unknown languages fall back to English.
 */
export function pickLocale(wanted: string, languages: readonly string[]): BuiltInLocale {
  for (const tag of wanted === 'auto' ? languages : [wanted]) {
    // "iw" is the legacy code some browsers still report for Hebrew.
    const base = tag.toLowerCase().split('-')[0]!.replace(/^iw$/, 'he') as BuiltInLocale;
    if (LOCALES.includes(base)) return base;
  }
  return 'en';
}

/** Builds the string function for one language: English, then the locale, then the site's labels. */
export function translator(lang: string, ...layers: Array<LocaleMessages | CobrowseLabels | undefined>): Translate {
  const strings = Object.assign({}, en, ...layers) as Record<StringKey, string | PluralForms>;
  const rules = new Intl.PluralRules(lang);
  // In right-to-left text, isolate inserted values (FSI…PDI) so a Latin agent name can't reorder the sentence.
  const [open, close] = isRtl(lang) ? ['\u2068', '\u2069'] : ['', ''];
  return (key, values = {}) => {
    let s = strings[key];
    if (typeof s === 'object') s = s[rules.select(Number(values.n))] ?? s.other;
    return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? open + values[k] + close : m));
  };
}
