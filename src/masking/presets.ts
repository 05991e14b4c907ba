import type { MaskingPreset } from './types';

import { MASKING_PRESETS } from './names';

export { DEFAULT_MASKING_PRESETS, MASKING_PRESETS } from './names';

/*
 * Each preset is a list of [tags, style, words]. Words are '|'-separated; a word with
 * spaces also matches its snake_case and kebab-case spellings (the ' i' flag covers
 * camelCase and UPPER). Styles, applied to both `name` and `id`:
 *   s  substring — only for words no ordinary field name contains ("cvc", "iban")
 *   w  starts a name or follows _ - [ or a capital ("ssn" in ssnLast4, user_ssn, userSsn)
 *   t  a whole delimited token ("pin": pin, card_pin, pin-1, user[pin], user[card_pin], userPin;
 *      never shipping, spinner, pincode)
 *   e  at either end of the name (billing_address, address_lookup, order[address])
 *   a  autocomplete token substring (a closed vocabulary: "cc-exp" cannot hit anything but card tokens)
 *   y  input type
 * "word!a!b" (s, e) also requires that neither a nor b occurs in the name; (a) in the name or id.
 * Tags: i = text-like input, s = select, t = textarea. Checkboxes and radios carry a choice,
 * not typed data, and are where "filter-streetwear" or "billing_address_same" live.
 */
type Group = readonly [tags: string, style: string, words: string];
const RULES: Record<MaskingPreset, readonly Group[]> = {
  payment: [
    // Every card token but cc-type: the card brand is not secret.
    ['is', 'a', 'cc-name|cc-given-name|cc-additional-name|cc-family-name|cc-number|cc-exp|cc-csc'],
    ['i', 's', 'card num|card[number|cc num|credit card|card holder|name on card|cc name|security code|card code|cvc|cvv|cc cid'],
    ['i', 't', 'csc|ccv'],
    // Bare "expiry"/"expiration" is left to the field classifier: a passport, licence or
    // permit expires too, and only the label or the section says which.
    ['is', 's', 'exp date|exp month|exp year'],
    ['is', 't', 'exp'],
  ],
  credentials: [
    ['i', 'y', 'password'],
    // Sites put new-password on coupon boxes to stop autofill.
    ['i', 'a', 'current-password|new-password!coupon!promo!voucher!discount!gift|one-time-code'],
    ['i', 's', 'passw|passcode|pwd|totp|2fa|mfa|one time code|sms code|verification code|auth code|backup code|recovery code|security answer'],
    ['i', 'w', 'otp'],
    ['i', 't', 'pass|pin|tan'],
  ],
  identity: [
    ['is', 'a', 'bday'],
    ['is', 's', 'birth!place!country!city!town'],
    ['is', 'w', 'dob'],
    ['i', 's', 'passport|social security|national id|national insurance|personnummer|pesel|aadhaar|codice fiscale|steuer id'],
    ['i', 'w', 'ssn|tax id|tax number'],
    // Spanish NIF/DNI, Brazilian CPF etc. are left to the audit: each delimited token costs 14 selectors.
    ['i', 't', 'tin|sin'],
  ],
  contact: [
    // type="tel" alone is left to the classifier: sites use it for a numeric keypad on amounts and card numbers.
    ['i', 'y', 'email'],
    ['i', 'a', 'email|tel'],
    ['i', 's', 'telephone|cell phone'],
    ['i', 'w', 'email|e mail|phone|mobile'],
    ['i', 't', 'tel|mail|cell'],
  ],
  address: [
    ['it', 'a', 'street-address|address-line|postal-code'],
    ['it', 's', 'street|address 1|address 2|address 3|address line|addr 1|addr 2|postal|post code|zip|pin code|strasse|house number|hausnummer'],
    // Bare "address" only at either end of the name: checkout[shipping_address][first_name]
    // and email_address are not addresses; address_label ("Home") is not one either.
    ['it', 'e', 'address!mail!web!label!nick!town!city!county!country!state!region!level!province!_id'],
    ['i', 't', 'plz'],
  ],
  banking: [
    // Bare "account number" is left to the field classifier: a customer, utility or ledger
    // account ("Compte comptable", name="account_number") has one too, and only the label says which.
    ['i', 's', 'iban|routing|sort code|swift|bank account|account holder|kontonummer|bankleitzahl'],
    ['i', 't', 'bic|aba|bsb|blz'],
  ],
};

const TAGS: Record<string, string> = { i: 'input', s: 'select', t: 'textarea' };
// Choices, buttons and hidden inputs hold no typed data (and a masked button hides its caption).
const NOT_CHOICE = ':not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"])';

// happy-dom (our unit-test DOM) ignores the ' i' flag on plain '=', so "equals v" is
// written as "starts and ends with v", which both it and real browsers honour.
const eq = (attr: string, v: string): string => `[${attr}^="${v}" i][${attr}$="${v}" i]`;

/** 'card num' → ['cardnum', 'card_num', 'card-num']. */
const spellings = (word: string): string[] => (word.includes(' ') ? ['', '_', '-'].map((j) => word.split(' ').join(j)) : [word]);

/** 'tax id' → 'TaxId', to catch camelCase names case-sensitively (userTaxId, not syntaxid). */
const camel = (word: string): string => word.replace(/(?:^| )(\w)/g, (_, c: string) => c.toUpperCase());

function attributeRules(attr: string, style: string, entry: string): string[] {
  const [word = '', ...not] = entry.split('!');
  const ci = (op: string, value: string) => `[${attr}${op}"${value}" i]`;
  // Brackets only occur in names (Rails/PHP nesting: payment[cc_exp]); ids never need them.
  const nested = attr === 'name';
  const out: string[] = [];
  for (const v of spellings(word)) {
    const nots = not.map((n) => `:not(${ci('*=', n)})`).join('');
    if (style === 's') out.push(ci('*=', v) + nots);
    if (style === 'e') out.push(ci('^=', v) + nots, ci('$=', v) + nots);
    if (style === 'e' && nested) out.push(ci('$=', `${v}]`) + nots);
    if (style === 'w') out.push(ci('^=', v), ci('*=', `_${v}`), ci('*=', `-${v}`));
    if (style === 'w' && nested) out.push(ci('*=', `[${v}`));
    if (style === 't') out.push(eq(attr, v), ci('^=', `${v}_`), ci('^=', `${v}-`), ci('$=', `_${v}`), ci('$=', `-${v}`));
    if (style === 't' && nested) out.push(ci('$=', `[${v}]`), ci('$=', `_${v}]`));
  }
  // Case-sensitive on purpose: "Pin" ends userPin but not "shipping".
  if (style === 'w') out.push(`[${attr}*="${camel(word)}"]`);
  if (style === 't') out.push(`[${attr}$="${camel(word)}"]`);
  return out;
}

/** 'input' + attribute tests + the checkbox/radio guard placed before any exclusion :not()s. */
const withGuard = (rule: string): string => {
  const i = rule.indexOf(':not(');
  return i < 0 ? `input${rule}${NOT_CHOICE}` : `input${rule.slice(0, i)}${NOT_CHOICE}${rule.slice(i)}`;
};

const cache = new Map<MaskingPreset, string[]>();

/** The flat CSS selectors (no commas) one preset compiles to. */
export function presetSelectors(preset: MaskingPreset): string[] {
  let out = cache.get(preset);
  if (out) return out;
  out = [];
  for (const [tags, style, words] of RULES[preset]) {
    for (const word of words.split('|')) {
      const [token, ...not] = word.split('!');
      const parts =
        style === 'y'
          ? [eq('type', word)]
          : style === 'a'
            ? [`[autocomplete*="${token}" i]${not.map((n) => `:not([name*="${n}" i]):not([id*="${n}" i])`).join('')}`]
            : [...attributeRules('name', style, word), ...attributeRules('id', style, word)];
      // All :not()s go last and together: happy-dom reads `:not(a)[b]:not(c)` as one
      // pseudo spanning to the last ')' and silently drops [b]. A type rule needs no guard.
      for (const tag of tags) for (const p of parts) out.push(style === 'y' ? `input${p}` : tag === 'i' ? withGuard(p) : TAGS[tag]! + p);
    }
  }
  cache.set(preset, out);
  return out;
}
