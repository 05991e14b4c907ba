import { CobrowseConfigError } from '../shared/config-error';
import { checkObject, describe, isPlainObject } from '../shared/validate';
import en from '../i18n/locales/en';
import { LOCALES, type CobrowseLabels, type StringKey } from '../i18n/translator';

/** Validates `locale`: 'auto' or a language tag such as "fr" or "pt-BR". */
export function validateLocale(value: unknown, path: string): string {
  const s = value ?? 'auto';
  if (typeof s !== 'string' || !/^(auto|[a-z]{2,3}(-[a-z\d]{2,8})*)$/i.test(s)) {
    throw new CobrowseConfigError(path, `expected "auto" or a language tag such as "fr" or "pt-BR", got ${describe(s)}. Built in: ${LOCALES}.`);
  }
  return s;
}

/** The plural categories Intl.PluralRules can pick. */
const PLURAL_FORMS: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Validates `labels`: known keys only, each a string, or plural forms (`{ one, other, … }`) for the plural ones. */
export function validateLabels(value: unknown, path: string): CobrowseLabels {
  const o = value === undefined ? {} : checkObject(value, path, Object.keys(en));
  for (const [k, v] of Object.entries(o)) {
    const plural = typeof en[k as StringKey] === 'object';
    if (!(typeof v === 'string' || (plural && isPlainObject(v) && typeof v.other === 'string'))) {
      throw new CobrowseConfigError(`${path}.${k}`, `expected text (shown as text, never HTML)${plural ? ' or plural forms like { one: "{n} minute left", other: "{n} minutes left" }' : ''}, got ${describe(v)}.`);
    }
    // Every form is rendered for some count, so each must be text too (not just `other`).
    if (typeof v !== 'string') {
      for (const [form, text] of Object.entries(checkObject(v, `${path}.${k}`, PLURAL_FORMS))) {
        if (typeof text !== 'string') throw new CobrowseConfigError(`${path}.${k}.${form}`, `expected text for the "${form}" plural form, got ${describe(text)}.`);
      }
    }
  }
  return { ...o } as CobrowseLabels;
}
