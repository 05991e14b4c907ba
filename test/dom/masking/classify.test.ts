import { beforeEach, describe, expect, it } from 'vitest';
import { classifyField, classifyFields, type FieldClassification } from '../../../src/masking';

/** Renders the markup and classifies the element marked data-t (or the first field). */
function classify(markup: string): FieldClassification {
  document.body.innerHTML = markup;
  const el = document.querySelector('[data-t]') ?? document.querySelector('input,select,textarea,[contenteditable]')!;
  return classifyField(el);
}
const category = (markup: string) => classify(markup).category;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('classifyField: the fields the default masking missed on real pages', () => {
  it("Drupal Commerce's card number: a generic name, autocomplete=off, only the label says it", () => {
    const r = classify(`
      <div class="js-form-item form-item">
        <label for="edit-payment-information-add-payment-method-payment-details-number" class="form-item__label form-required">Card number</label>
        <input autocomplete="off" type="text" id="edit-payment-information-add-payment-method-payment-details-number"
          name="payment_information[add_payment_method][payment_details][number]" maxlength="19" size="20" class="form-text required">
      </div>`);
    expect(r.category).toBe('payment');
    expect(r.evidence[0]).toBe('label text "Card number"');
  });

  it("Drupal Commerce's expiry selects: labelled Month and Year inside the expiration wrapper", () => {
    document.body.innerHTML = `
      <div class="credit-card-form__expiration">
        <label for="m">Month</label>
        <select id="m" name="payment_information[add_payment_method][payment_details][expiration][month]" data-t>
          ${Array.from({ length: 12 }, (_, i) => `<option value="${String(i + 1).padStart(2, '0')}">${String(i + 1).padStart(2, '0')}</option>`).join('')}
        </select>
        <label for="y">Year</label>
        <select id="y" name="payment_information[add_payment_method][payment_details][expiration][year]">
          ${Array.from({ length: 11 }, (_, i) => `<option>${2026 + i}</option>`).join('')}
        </select>
      </div>`;
    expect(classifyField(document.getElementById('m')!).category).toBe('payment');
    expect(classifyField(document.getElementById('y')!).category).toBe('payment');
  });

  it("OpenCart 3's card owner and its expiry selects", () => {
    document.body.innerHTML = `
      <div class="form-group required">
        <label class="col-sm-2 control-label" for="input-cc-owner">Card Owner</label>
        <div class="col-sm-10"><input type="text" name="cc_owner" value="" placeholder="Card Owner" id="input-cc-owner" class="form-control"></div>
      </div>
      <div class="form-group required">
        <label class="col-sm-2 control-label" for="input-cc-expire-date">Card Expiry Date</label>
        <div class="col-sm-3"><select name="cc_expire_date_month" id="input-cc-expire-date" class="form-control">
          <option value="01">January</option><option value="02">February</option><option value="03">March</option><option value="04">April</option>
          <option value="05">May</option><option value="06">June</option><option value="07">July</option><option value="08">August</option>
          <option value="09">September</option><option value="10">October</option><option value="11">November</option><option value="12">December</option>
        </select></div>
        <div class="col-sm-3"><select name="cc_expire_date_year" class="form-control"><option value="2026">2026</option><option value="2027">2027</option></select></div>
      </div>`;
    expect(classifyField(document.querySelector('[name="cc_owner"]')!)).toEqual({ category: 'payment', evidence: ['label text "Card Owner"', 'placeholder "Card Owner"', 'name="cc_owner"'] });
    expect(classifyField(document.querySelector('[name="cc_expire_date_month"]')!).category).toBe('payment');
    expect(classifyField(document.querySelector('[name="cc_expire_date_year"]')!).category).toBe('payment');
  });

  it("django-allauth's TOTP secret: a disabled input, readable only through its label", () => {
    const r = classify(`
      <label for="authenticator_secret">Authenticator secret</label>
      <input type="text" id="authenticator_secret" value="JBSWY3DPEHPK3PXP" disabled>
      <span class="helptext">You can store this secret and use it to reinstall your authenticator app at a later time.</span>`);
    expect(r).toEqual({ category: 'credentials', evidence: ['label text "Authenticator secret"', 'id="authenticator_secret"'] });
  });

  it('a driving-licence expiry date is not a card expiry', () => {
    expect(category('<fieldset><legend>Driving licence</legend><label for="e">Expiry date</label><input id="e" name="expiry_date" type="date"></fieldset>')).toBeNull();
    expect(category('<label for="e">Licence expiry date</label><input id="e" name="license_expiry_date">')).toBeNull();
    expect(category('<label for="e">Passport expiry</label><input id="e" name="passport_expiry">')).toBeNull();
  });

  it('an expiry date with a day box, or on a form about a passport, is a document date', () => {
    document.body.innerHTML = `
      <form><label for="p">Passport number</label><input id="p" name="passport-number">
        <fieldset role="group"><legend>Expiry date</legend>
          <label for="d">Day</label><input id="d" name="expiry-day" inputmode="numeric">
          <label for="m">Month</label><input id="m" name="expiry-month" inputmode="numeric">
          <label for="y">Year</label><input id="y" name="expiry-year" inputmode="numeric">
        </fieldset></form>`;
    expect(['d', 'm', 'y'].map((id) => classifyField(document.getElementById(id)!).category)).toEqual([null, null, null]);
    expect(classifyField(document.getElementById('p')!).category).toBe('identity');
  });

  it('a coupon box with autocomplete="new-password" (to stop autofill) is not a password', () => {
    const r = classify('<label for="c">Coupon code</label><input id="c" name="coupon_code" autocomplete="new-password">');
    expect(r.category).toBeNull();
    expect(r.evidence).toEqual(['label text "Coupon code" (a coupon, promo or gift-card code)']);
    expect(category('<input name="field_3" placeholder="Gift card code" autocomplete="new-password">')).toBeNull();
    expect(category('<input name="promo" autocomplete="one-time-code" inputmode="numeric">')).toBeNull();
  });
});

describe('classifyField: what it reads', () => {
  it('input type and autocomplete tokens, with section and billing prefixes', () => {
    expect(classify('<input type="password" name="x">')).toEqual({ category: 'credentials', evidence: ['type="password"'] });
    expect(classify('<input name="x" autocomplete="section-a billing cc-number">')).toEqual({ category: 'payment', evidence: ['autocomplete="section-a billing cc-number"'] });
    expect(category('<select name="x" autocomplete="bday-year"><option>1990</option></select>')).toBe('identity');
    expect(category('<input name="x" autocomplete="shipping postal-code">')).toBe('address');
    expect(category('<input type="email" name="x">')).toBe('contact');
  });

  it('the autocomplete token for a city or the card type outweighs a name that says address or card', () => {
    expect(category('<input name="address-level2" autocomplete="address-level2">')).toBeNull();
    expect(category('<select name="card_type" autocomplete="cc-type"><option>Visa</option></select>')).toBeNull();
  });

  it('every kind of accessible name: label for, wrapping label, aria-label, aria-labelledby, placeholder, title', () => {
    expect(classify('<label for="f">IBAN</label><input id="f" name="q1">').evidence).toEqual(['label text "IBAN"']);
    expect(classify('<label>Sort code <input name="q1"></label>').evidence).toEqual(['label text "Sort code"']);
    expect(classify('<input name="q1" aria-label="Social Security Number">').evidence).toEqual(['aria-label "Social Security Number"']);
    expect(classify('<span id="a">Date of</span><span id="b">birth</span><input name="q1" aria-labelledby="a b">').evidence).toEqual(['aria-labelledby text "Date of birth"']);
    expect(classify('<input name="q1" placeholder="Postcode">').evidence).toEqual(['placeholder "Postcode"']);
    expect(classify('<input name="q1" title="Mobile number">').evidence).toEqual(['title "Mobile number"']);
  });

  it('names and ids split into words: snake, kebab, camel, bracket nesting', () => {
    for (const name of ['card_number', 'card-number', 'cardNumber', 'CARD_NUMBER', 'payment[cc_number]', 'card[number]', 'x_card_num', 'CCNumber']) {
      expect(category(`<input name="${name}">`), name).toBe('payment');
    }
    expect(category('<input id="routingNumber">')).toBe('banking');
    // A nested name is judged by its own segment: the container only sets the scene.
    expect(category('<input name="checkout[shipping_address][first_name]" id="checkout_shipping_address_first_name">')).toBeNull();
    expect(category('<input name="billing_address_first_name">')).toBeNull();
    expect(category('<input name="checkout[shipping_address][zip]">')).toBe('address');
  });

  it('the text right before an unlabelled field: a table cell, a label in the wrapper before', () => {
    expect(category('<table><tr><td>Card number:</td><td><input name="f1"></td></tr></table>')).toBe('payment');
    expect(category('<div><div><label class="oxd-label">DNI</label></div><div><input class="oxd-input"></div></div>')).toBe('identity');
    // A section heading names the section, not the field after it.
    expect(category('<h3>Shipping address</h3><div><input name="f2"></div>')).toBeNull();
  });

  it('the fieldset legend decides generic labels: "Number" under "Credit card", "Day" under "Date of birth"', () => {
    expect(category('<fieldset><legend>Credit card</legend><label for="n">Number</label><input id="n" name="n"></fieldset>')).toBe('payment');
    expect(category('<fieldset><legend>Credit card</legend><label for="n">Name</label><input id="n" name="n"></fieldset>')).toBe('payment');
    expect(category('<fieldset><legend>Date of birth</legend><label for="d">Day</label><input id="d" name="d"></fieldset>')).toBe('identity');
    expect(category('<fieldset><legend>Bank account</legend><label for="h">Name</label><input id="h" name="h"></fieldset>')).toBe('banking');
    // …but never on its own: a first name in a "Shipping address" fieldset stays ordinary.
    expect(category('<fieldset><legend>Shipping address</legend><label for="f">First name</label><input id="f" name="f"></fieldset>')).toBeNull();
  });

  it('select options: twelve months next to a card field are the expiry; a century of past years is a birth year', () => {
    document.body.innerHTML = `
      <div><label for="c">Card number</label><input id="c" name="f1"></div>
      <div><select name="f2" data-t>${Array.from({ length: 12 }, (_, i) => `<option>${i + 1}</option>`).join('')}</select></div>`;
    const r = classifyField(document.querySelector('[data-t]')!);
    expect(r.category).toBe('payment');
    expect(r.evidence[0]).toMatch(/^next to a card field/);
    expect(category(`<select name="f3">${Array.from({ length: 90 }, (_, i) => `<option>${1920 + i}</option>`).join('')}</select>`)).toBe('identity');
    expect(category('<select name="f4"><option>Red</option><option>Blue</option></select>')).toBeNull();
  });

  it('a numeric keypad plus the word "code" is a one-time code; a placeholder shaped like a card is a card', () => {
    expect(classify('<label for="c">Enter your code</label><input id="c" name="c1" inputmode="numeric">')).toEqual({
      category: 'credentials',
      evidence: ['inputmode="numeric" and label text "Enter your code"'],
    });
    expect(category('<label for="c">Postal code</label><input id="c" name="c1" inputmode="numeric">')).toBe('address');
    expect(category('<input name="f1" placeholder="1234 1234 1234 1234">')).toBe('payment');
  });

  it('contenteditable regions are read by their accessible name', () => {
    expect(category('<div contenteditable="true" aria-label="Recovery codes"></div>')).toBe('credentials');
    expect(category('<div contenteditable="true" aria-label="Order notes"></div>')).toBeNull();
    expect(category('<div contenteditable="false" aria-label="Password"></div>')).toBeNull();
  });

  it('weighs evidence like a person: the label outweighs a generic or misleading name', () => {
    expect(classify('<label for="f">Phone</label><input id="f" name="field_email_2">').evidence[0]).toBe('label text "Phone"');
    expect(category('<label for="f">Card number</label><input id="f" type="tel" name="f">')).toBe('payment');
    expect(category('<label for="b">Opening balance</label><input id="b" type="tel" name="opening_balance">')).toBeNull();
  });
});

describe('classifyField: never sensitive', () => {
  it('hidden inputs, buttons, checkboxes, radios, files and search boxes, whatever they are called', () => {
    for (const markup of [
      '<input type="hidden" name="password">',
      '<input type="submit" name="card_number" value="Pay">',
      '<input type="button" value="Show password">',
      '<input type="checkbox" name="save_card_number">',
      '<input type="radio" name="ssn">',
      '<input type="file" name="passport_scan">',
      '<input type="search" name="email">',
      '<input name="q" aria-label="Search orders by email">',
      '<form role="search"><input name="email"></form>',
      '<input name="q" placeholder="Buscar por correo electrónico">',
    ]) {
      expect(classify(markup).category, markup).toBeNull();
    }
  });

  it('ordinary fields: names, company, city, country, quantity, coupon, gift message, card type, birthplace', () => {
    for (const markup of [
      '<label for="f">First name</label><input id="f" name="firstname" autocomplete="given-name">',
      '<input name="company">',
      '<label for="c">City</label><input id="c" name="city">',
      '<select name="country"><option>DE</option></select>',
      '<input name="qty" type="number">',
      '<label for="p">Promo code</label><input id="p" name="promo">',
      '<textarea name="gift_message" aria-label="Gift message"></textarea>',
      '<label for="t">Credit card type</label><select id="t" name="cc_type"><option>Visa</option></select>',
      '<label for="b">Place of birth</label><input id="b" name="place_of_birth">',
      '<label for="u">Username</label><input id="u" name="username" autocomplete="username">',
      '<label for="b">Bank name</label><input id="b" name="bank_name">',
      '<label for="e">Employee ID</label><input id="e" name="employee_id">',
      '<label for="a">账号</label><input id="a" name="f1">',
      '<select name="security_question"><option>Name of your first pet</option></select>',
      '<input name="address_label" aria-label="Label this address">',
    ]) {
      expect(classify(markup).category, markup).toBeNull();
    }
  });
});

describe('classifyField: the eleven languages', () => {
  // [language, label, category]: what a visitor reads in each of the widget's languages.
  const labels: [string, string, string][] = [
    ['en', 'Card number', 'payment'], ['en', 'Security code', 'payment'], ['en', 'One-time code', 'credentials'], ['en', 'National Insurance number', 'identity'], ['en', 'Routing number', 'banking'],
    ['es', 'Número de tarjeta', 'payment'], ['es', 'Contraseña', 'credentials'], ['es', 'Fecha de nacimiento', 'identity'], ['es', 'Código postal', 'address'], ['es', 'Número de cuenta', 'banking'],
    ['fr', 'Numéro de carte', 'payment'], ['fr', 'Mot de passe', 'credentials'], ['fr', 'Numéro de sécurité sociale', 'identity'], ['fr', 'Courriel', 'contact'], ['fr', 'Titulaire du compte', 'banking'],
    ['de', 'Kreditkartennummer', 'payment'], ['de', 'Passwort', 'credentials'], ['de', 'Steuer-ID', 'identity'], ['de', 'Straße', 'address'], ['de', 'Bankleitzahl', 'banking'],
    ['pt', 'Número do cartão', 'payment'], ['pt', 'Senha', 'credentials'], ['pt', 'CPF', 'identity'], ['pt', 'Telefone', 'contact'], ['pt', 'CEP', 'address'],
    ['it', 'Numero della carta', 'payment'], ['it', 'Codice di verifica', 'credentials'], ['it', 'Codice fiscale', 'identity'], ['it', 'Indirizzo', 'address'], ['it', 'Scadenza', 'payment'],
    ['nl', 'Kaartnummer', 'payment'], ['nl', 'Wachtwoord', 'credentials'], ['nl', 'Geboortedatum', 'identity'], ['nl', 'Postcode', 'address'], ['nl', 'Rekeningnummer', 'banking'],
    ['ja', 'カード番号', 'payment'], ['ja', 'パスワード', 'credentials'], ['ja', '生年月日', 'identity'], ['ja', 'メールアドレス', 'contact'], ['ja', '郵便番号', 'address'], ['ja', '口座番号', 'banking'],
    ['zh', '卡号', 'payment'], ['zh', '密码', 'credentials'], ['zh', '验证码', 'credentials'], ['zh', '身份证号码', 'identity'], ['zh', '手机号码', 'contact'], ['zh', '邮政编码', 'address'],
    ['ar', 'رقم البطاقة', 'payment'], ['ar', 'كلمة المرور', 'credentials'], ['ar', 'تاريخ الميلاد', 'identity'], ['ar', 'البريد الإلكتروني', 'contact'], ['ar', 'رقم الحساب', 'banking'],
    ['he', 'מספר כרטיס', 'payment'], ['he', 'סיסמה', 'credentials'], ['he', 'תעודת זהות', 'identity'], ['he', 'טלפון נייד', 'contact'], ['he', 'מיקוד', 'address'],
  ];
  it.each(labels)('%s: "%s" is %s', (_, label, want) => {
    expect(category(`<label for="f">${label}</label><input id="f" name="field_1">`)).toBe(want);
  });

  // And what makes a field ordinary, in each language.
  const ordinary: [string, string][] = [
    ['en', 'Discount code'], ['es', 'Código promocional'], ['fr', 'Code promo'], ['de', 'Gutscheincode'], ['pt', 'Cupom de desconto'], ['it', 'Codice sconto'],
    ['nl', 'Kortingscode'], ['ja', 'クーポンコード'], ['zh', '优惠码'], ['ar', 'رمز القسيمة'], ['he', 'קוד קופון'],
  ];
  it.each(ordinary)('%s: "%s" is ordinary even with autocomplete="new-password"', (_, label) => {
    expect(category(`<label for="f">${label}</label><input id="f" name="field_1" autocomplete="new-password">`)).toBeNull();
  });
});

describe('classifyFields', () => {
  it('classifies a whole form in one pass and returns only the sensitive fields', () => {
    document.body.innerHTML = `<form>
      <label for="a">Email</label><input id="a" name="a">
      <label for="b">First name</label><input id="b" name="b">
      <label for="c">Password</label><input id="c" name="c" type="password">
      <input type="hidden" name="csrf" value="x"></form>`;
    const found = classifyFields(document);
    expect([...found].map(([el, r]) => [el.getAttribute('name'), r.category])).toEqual([
      ['a', 'contact'],
      ['c', 'credentials'],
    ]);
  });
});

describe('the vocabulary', () => {
  it('is written the way page text is normalised, so every phrase can match', async () => {
    const { VOCABULARY } = await import('../../../src/masking/vocabulary');
    const { normalizeText } = await import('../../../src/masking/classify');
    // What the classifier indexes without normalising (lower-case ASCII, kana, ideographs, Hebrew, Arabic without hamza marks).
    const settled = /^[a-z0-9# \u3041-\u30ff\u4e00-\u9fff\u05d0-\u05ea\u0621\u0627-\u063a\u0641-\u064a]+$/;
    const unsettled = Object.values(VOCABULARY)
      .flatMap((list) => list.split('|'))
      .map((raw) => raw.replace(/\*/g, ''))
      .filter((p) => settled.test(p) && normalizeText(p) !== p);
    expect(unsettled).toEqual([]);
  });
});

describe('classifyField: words with two meanings', () => {
  it('"PIN code" is a PIN, except in an address, where it is India\'s postcode', () => {
    expect(category('<label for="p">Enter your PIN code</label><input id="p" name="f1">')).toBe('credentials');
    expect(category('<fieldset><legend>Delivery address</legend><label for="p">PIN code</label><input id="p" name="f1"></fieldset>')).toBe('address');
    expect(category('<input name="pincode">')).toBe('address');
  });
});

describe('classifyField: abbreviations that mean something else elsewhere', () => {
  it('"cid" is a card code only next to a card word; alone it is usually a customer id', () => {
    expect(category('<input name="payment[cc_cid]">')).toBe('payment');
    expect(category('<label for="c">Customer ID (CID)</label><input id="c" name="cid">')).toBeNull();
  });
});

describe('classifyField: banking pages it was not tuned on', () => {
  const months = '<option>Girokonto</option><option>Sparkonto</option>';

  it('a select whose options are IBANs is a bank-account field, whatever its label says; evidence never repeats the IBAN', () => {
    const r = classify(`<label for="k">Konto</label><select id="k" name="bank_account_preset">
      <option value="">neues Konto</option><option value="DE02120300000000202051/BYLADEM1001">DE02120300000000202051 (SEPA0000000017)</option></select>`);
    expect(r).toEqual({ category: 'banking', evidence: ['its options are IBANs'] });
    // Grouped the way people print them, in the option text only.
    expect(category('<select name="payer"><option>FR76 3000 6000 0112 3456 7890 189</option></select>')).toBe('banking');
    // IBAN-shaped but failing the check digits, or account kinds rather than accounts: a plain choice.
    expect(category('<select name="k"><option>DE00120300000000202051</option></select>')).toBeNull();
    expect(category(`<label for="k">Konto</label><select id="k" name="k">${months}</select>`)).toBeNull();
  });

  it('account-holder wording in the languages that have it', () => {
    for (const label of [
      'Nom du propriétaire du compte', 'Titulaire du compte', 'Kontoinhaber', 'Inhaber des Kontos', 'Titular de la cuenta', 'Propietario de la cuenta',
      'Titular da conta', 'Titolare del conto', 'Houder van de rekening', 'Name of the account holder', '口座名義', '账户名', 'صاحب الحساب', 'בעל החשבון',
    ]) {
      expect(category(`<table><tr><td>${label}</td><td><input name="proprio"></td></tr></table>`), label).toBe('banking');
    }
  });

  it('an accounting (ledger) account is not a bank account, even with name="account_number"', () => {
    for (const label of ['Compte comptable', 'GL account', 'Sachkonto', 'Cuenta contable', 'Grootboekrekening', '会计科目']) {
      expect(classify(`<table><tr><td>${label}</td><td><input name="account_number"></td></tr></table>`), label).toEqual({
        category: null,
        evidence: [expect.stringContaining('an accounting (ledger) account')],
      });
    }
    expect(category('<table><tr><td>Numéro de compte</td><td><input name="account_number"></td></tr></table>')).toBe('banking');
    expect(category('<input name="account_number">')).toBe('banking');
    // A legend about the books says nothing about the IBAN under it.
    expect(category('<fieldset><legend>Accounting: general ledger</legend><label for="i">IBAN</label><input id="i" name="f1"></fieldset>')).toBe('banking');
  });

  it('the visible label outweighs words in a name: "Name of bank" is the bank\'s name, whatever the name says', () => {
    expect(classify('<label for="b">Name of bank</label><input id="b" name="payment_banktransfer_bank_details_sepa_bank">')).toEqual({
      category: null,
      evidence: ['label text "Name of bank" (the visible text names something else)'],
    });
    // With no label, the name decides.
    expect(category('<input name="payment_banktransfer_bank_details_sepa_bank">')).toBe('banking');
  });

  it('a payment\'s name in a bank-transfer section is the payment method\'s, not the account holder\'s', () => {
    const section = (field: string) => `<fieldset><legend>Payment provider: Bank transfer</legend>${field}</fieldset>`;
    expect(category(section('<label for="p">Payment method name</label><input id="p" name="payment_banktransfer_public_name_0">'))).toBeNull();
    expect(category(section('<input name="payment_banktransfer_public_name_1">'))).toBeNull();
    expect(category(section('<label for="n">Name</label><input id="n" name="f1">'))).toBe('banking');
    expect(category(section('<label for="n">Name of account holder</label><input id="n" name="payment_banktransfer_bank_details_sepa_name">'))).toBe('banking');
  });

  it('"<thing> ID" (an integration, a transaction, a webhook) is not a person\'s ID; "Other ID", "External ID" are', () => {
    for (const label of ['Integration ID', 'Transaction ID', 'Webhook ID', 'Creditor ID', 'Integración ID']) {
      expect(category(`<table><tr><td>${label}</td><td><input name="f1"></td></tr></table>`), label).toBeNull();
    }
    for (const label of ['Other ID', 'External ID', 'Bahmni Id']) {
      expect(category(`<table><tr><td>${label}</td><td><input name="f1"></td></tr></table>`), label).toBe('identity');
    }
  });

  it('"Domiciliation" (French: where an account or a person is domiciled) is an address', () => {
    expect(category('<table><tr><td>Domiciliation du compte</td><td><textarea name="domiciliation"></textarea></td></tr></table>')).toBe('address');
  });
});

describe('isIban', () => {
  it('checks the ISO 13616 check digits, with or without spaces', async () => {
    const { isIban } = await import('../../../src/masking/classify');
    expect(isIban('DE02120300000000202051')).toBe(true);
    expect(isIban('DE02 1203 0000 0000 2020 51')).toBe(true);
    expect(isIban('GB33BUKB20201555555555')).toBe(true);
    expect(isIban('DE03120300000000202051')).toBe(false);
    expect(isIban('1234567890123456')).toBe(false);
  });
});
