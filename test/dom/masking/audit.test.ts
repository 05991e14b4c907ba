import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_PREFIX } from '../../../src/shared/config-error';
import { auditMasking, reportMaskingAudit, type MaskingAuditFinding } from '../../../src/config/public-masking';

const NONE = { presets: [] };
/** Audit the body (with nothing masked unless a config is passed, even `undefined`), as [category, reason] per finding. */
function audit(markup: string, ...config: [Parameters<typeof auditMasking>[1]] | []) {
  document.body.innerHTML = markup;
  return auditMasking(document, config.length ? config[0] : NONE).map((f) => [f.category, f.reason]);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('auditMasking: what looks sensitive, and why', () => {
  it('finds the issue example: a card field named field_17 with the label "Card number"', () => {
    expect(audit('<label for="f">Card number</label><input id="f" name="field_17">', undefined)).toEqual([['payment', 'label text "Card number"']]);
  });

  it('reads input type and autocomplete tokens (with section/shipping prefixes)', () => {
    expect(audit('<input type="password" name="x">')).toEqual([['credentials', 'type="password"']]);
    expect(audit('<input name="x" autocomplete="section-a billing cc-number">')).toEqual([['payment', 'autocomplete="section-a billing cc-number"']]);
    expect(audit('<input name="x" autocomplete="shipping postal-code">')).toEqual([['address', 'autocomplete="shipping postal-code"']]);
    expect(audit('<select name="x" autocomplete="bday-year"><option>1990</option></select>')).toEqual([['identity', 'autocomplete="bday-year"']]);
  });

  it('reports anything a preset would mask, even when that preset is off', () => {
    expect(audit('<input name="userPin">')).toEqual([['credentials', 'name="userPin"']]);
    expect(audit('<input id="iban-field">')).toEqual([['banking', 'id="iban-field"']]);
  });

  it('goes beyond the presets: name words, every kind of label, a few European languages', () => {
    expect(audit('<input name="svnr" aria-label="Sozialversicherungsnummer">')).toEqual([['identity', 'aria-label "Sozialversicherungsnummer"']]);
    expect(audit('<label>Numéro de carte <input name="a1"></label>')).toEqual([['payment', 'label text "Numéro de carte"']]);
    expect(audit('<span id="l1">Geburtsdatum</span><input name="a2" aria-labelledby="l1">')).toEqual([['identity', 'aria-labelledby text "Geburtsdatum"']]);
    expect(audit('<input name="a3" placeholder="MM / YY">')).toEqual([['payment', 'placeholder "MM / YY"']]);
    expect(audit('<input name="a4" title="Passport number">')).toEqual([['identity', 'title "Passport number"']]);
    expect(audit('<input name="driverLicenseNo">')).toEqual([['identity', 'name="driverLicenseNo"']]);
    expect(audit('<input name="dni">')).toEqual([['identity', 'name="dni"']]);
    expect(audit('<label for="m">Memorable word</label><input id="m" name="mw">')).toEqual([['credentials', 'label text "Memorable word"']]);
  });

  it('treats a numeric keypad plus the word "code" as a one-time code, but not a promo or postal code', () => {
    expect(audit('<label for="c">Enter your code</label><input id="c" name="c1" inputmode="numeric">')).toEqual([
      ['credentials', 'inputmode="numeric" and label text "Enter your code"'],
    ]);
    expect(audit('<label for="c">Enter your code</label><input id="c" name="c1">')).toEqual([]);
    // The sentence alone says it is a one-time code, keypad or not.
    expect(audit('<label for="c">Enter the code we sent you</label><input id="c" name="c1">')).toEqual([['credentials', 'label text "Enter the code we sent you"']]);
    expect(audit('<label for="c">Promo code</label><input id="c" name="c1" inputmode="numeric">')).toEqual([]);
    expect(audit('<label for="c">Area code</label><input id="c" name="c1" inputmode="numeric">')).toEqual([]);
  });

  it("does not read a wrapped select's options as its label", () => {
    expect(audit('<label>Country <select name="c"><option>Passport holders only</option></select></label>')).toEqual([]);
  });

  it('names the category from the strongest text: a "Date of birth" label beats a DD/MM/YYYY placeholder', () => {
    expect(audit('<label for="d">Date of birth</label><input id="d" name="q4" placeholder="DD/MM/YYYY">')).toEqual([['identity', 'label text "Date of birth"']]);
  });

  it("judges a nested name by its own segment, not the container's", () => {
    expect(audit('<input name="checkout[shipping_address][first_name]" id="checkout_shipping_address_first_name">')).toEqual([]);
    expect(audit('<input name="checkout[shipping_address][zip]" id="checkout_shipping_address_zip">')).toEqual([['address', 'name="checkout[shipping_address][zip]"']]);
  });

  it("flags other tools' privacy markers as 'unknown', on fields and on text", () => {
    expect(audit('<input name="x" class="fs-mask">')).toEqual([['unknown', 'marked private for another tool (.fs-mask)']]);
    expect(audit('<div data-private><input name="y"></div>')).toEqual([['unknown', 'marked private for another tool ([data-private] on an ancestor)']]);
    expect(audit('<p>Balance: <span data-dd-privacy="mask">€ 10</span></p>')).toEqual([['unknown', 'marked private for another tool ([data-dd-privacy="mask"])']]);
  });

  it('never lists hidden inputs, buttons, choices, files, search boxes or ordinary fields', () => {
    expect(
      audit(`
        <input type="hidden" name="password"><input type="submit" name="pin" value="PIN"><button name="password">Password</button>
        <input type="checkbox" name="card_number"><input type="radio" name="ssn"><input type="file" name="passport_scan">
        <input type="search" name="email_search" aria-label="Search by email"><input name="q" aria-label="Search orders by email">
        <input name="coupon_code" aria-label="Coupon code"><input name="qty" inputmode="numeric"><input name="first_name" aria-label="First name">
        <input name="address_label" aria-label="Label this address"><select name="address_type" aria-label="Address type"></select>
        <input name="city" aria-label="City"><input name="company"><textarea name="gift_message" aria-label="Gift message"></textarea>`),
    ).toEqual([]);
  });

  it('leaves out what the config masks, and lists everything when masking is false', () => {
    const page = '<input type="password" name="p"><input type="email" name="e"><input name="ssn" data-zoom-cobrowse-mask>';
    expect(audit(page, undefined)).toEqual([['contact', 'type="email"']]);
    expect(audit(page, { presets: ['credentials', 'contact'] })).toEqual([]);
    expect(audit(page, { maskType: 'all-inputs' })).toEqual([]);
    expect(audit(page, false).map(([c]) => c)).toEqual(['credentials', 'contact', 'identity']);
  });

  it('audits only under the root it is given, and the whole document by default', () => {
    document.body.innerHTML = '<form id="a"><input name="ssn"></form><form id="b"><input name="iban"></form>';
    expect(auditMasking(document.getElementById('b')!, NONE).map((f) => f.category)).toEqual(['banking']);
    expect(auditMasking(undefined, NONE).map((f) => f.category)).toEqual(['identity', 'banking']);
  });
});

describe('auditMasking: selectors that find the field again', () => {
  function selectorFor(markup: string, target = '[data-t]'): string {
    document.body.innerHTML = markup;
    const el = document.querySelector(target)!;
    const finding = auditMasking(document, NONE).find((f) => f.element === el)!;
    expect(document.querySelectorAll(finding.selector)).toHaveLength(1);
    expect(document.querySelector(finding.selector)).toBe(el);
    return finding.selector;
  }

  it('prefers a unique id, then a unique name, then an nth-of-type path from the nearest id', () => {
    expect(selectorFor('<input data-t id="ssn-1" name="ssn">')).toBe('#ssn-1');
    expect(selectorFor('<input data-t name="ssn"><div id="ssn"></div><div id="ssn"></div>')).toBe('input[name="ssn"]');
    expect(selectorFor('<form id="f"><div><input name="iban"></div><div><input data-t name="iban"></div></form>')).toBe('#f > div:nth-of-type(2) > input');
  });

  it('escapes ids that are not plain identifiers', () => {
    expect(selectorFor('<input data-t id="user:ssn" name="x">')).toBe('[id="user:ssn"]');
    expect(selectorFor('<input data-t id="1st-iban">')).toBe('[id="1st-iban"]');
    // Chromium takes [id="a\"b"]; happy-dom cannot parse that escape and gets the name instead.
    expect(['[id="a\\"b"]', 'input[name="ssn"]']).toContain(selectorFor('<input data-t id="a&quot;b" name="ssn">'));
  });
});

describe('reportMaskingAudit', () => {
  const logger = () => ({ groupCollapsed: vi.fn(), groupEnd: vi.fn(), warn: vi.fn() });

  it('says nothing when there is nothing to say', () => {
    const l = logger();
    reportMaskingAudit([], l);
    expect(l.groupCollapsed).not.toHaveBeenCalled();
    expect(l.warn).not.toHaveBeenCalled();
  });

  it('writes one collapsed group: a headline, one line per field, and what to do', () => {
    document.body.innerHTML = '<input id="dob" name="dob"><label for="c">Card number</label><input id="c" name="field_17"><span class="rr-mask" id="s">x</span>';
    const findings: MaskingAuditFinding[] = auditMasking(document, NONE);
    const l = logger();
    reportMaskingAudit(findings, l);
    expect(l.groupCollapsed).toHaveBeenCalledTimes(1);
    expect(l.groupCollapsed).toHaveBeenCalledWith(`${LOG_PREFIX} Masking audit: 3 sensitive-looking fields are not masked, so the support agent would see them.`);
    expect(l.groupEnd).toHaveBeenCalledTimes(1);
    expect(l.warn.mock.calls.map((c) => c[0])).toEqual([
      `${LOG_PREFIX} identity: #dob (name="dob")`,
      `${LOG_PREFIX} payment: #c (label text "Card number")`,
      `${LOG_PREFIX} unknown: #s (marked private for another tool (.rr-mask))`,
      `${LOG_PREFIX} To hide them: add "identity", "payment" to masking.presets, list their selectors in masking.selectors (e.g. "#dob"), or put the data-zoom-cobrowse-mask attribute on each field or a container. Run auditMasking() in the console to check again.`,
    ]);
    // The element rides along so the console can reveal it in the page.
    expect(l.warn.mock.calls[0]![1]).toBe(document.getElementById('dob'));
  });

  it('uses console by default and the singular for one field', () => {
    const group = vi.spyOn(console, 'groupCollapsed').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const end = vi.spyOn(console, 'groupEnd').mockImplementation(() => {});
    document.body.innerHTML = '<input name="iban">';
    reportMaskingAudit(auditMasking(document, NONE));
    expect(group.mock.calls[0]![0]).toBe(`${LOG_PREFIX} Masking audit: 1 sensitive-looking field is not masked, so the support agent would see it.`);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(end).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});
