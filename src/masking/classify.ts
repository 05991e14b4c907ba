import type { MaskingPreset } from './types';
import { MONTH_STEMS, VOCABULARY, type Concept } from './vocabulary';

/** What the classifier decided about one field, and the evidence that decided it. */
export interface FieldClassification {
  /** The masking category a person reading the page would put the field in; null for an ordinary field. */
  category: MaskingPreset | null;
  /**
   * Why, strongest first: `autocomplete="cc-number"`, `label text "Card number"`, `name="cc_owner"` …
   * For an ordinary field, what ruled it out (if anything did), e.g. `label text "Coupon code" (a coupon)`.
   */
  evidence: string[];
}

/** Every element the classifier looks at: form controls and editable regions. */
export const FIELD_SELECTOR = 'input,select,textarea,[contenteditable]';

// Controls that hold no typed personal data, or are never drawn.
const NEVER = /^(hidden|submit|button|reset|image|checkbox|radio|file|range|color)$/;
const ORDER: readonly MaskingPreset[] = ['payment', 'credentials', 'banking', 'identity', 'contact', 'address'];

// ---------------------------------------------------------------------------------------
// Words → concepts
// ---------------------------------------------------------------------------------------

// Letters that have no accent to drop but a plain spelling people also type: Straße = Strasse.
const FOLD: Record<string, string> = { '°': 'o', ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', ł: 'l' };
const MARKS = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670]/g;

/**
 * "billing[cardNumber]" → "billing card number"; "Numéro de carte" → "numero de carte";
 * "ｸﾚｼﾞｯﾄ" → "クレジット". Page text and vocabulary go through the same steps.
 */
export function normalizeText(raw: string): string {
  let s = raw;
  if (/[A-Z]/.test(s)) s = s.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  if (/[a-zA-Z]{2}\d/.test(s)) s = s.replace(/([a-zA-Z]{2,})(\d)/g, '$1 $2');
  // Most names and labels are plain ASCII: skip the Unicode passes for them.
  if (/[^\u0000-\u007f]/.test(s)) {
    s = s.normalize('NFKD').replace(MARKS, '').normalize('NFKC').toLowerCase().replace(/[°ßœæøł]/g, (c) => FOLD[c]!).replace(/#/g, ' # ').replace(/[^\p{L}\p{N}#]+/gu, ' ');
  } else s = s.toLowerCase().replace(/#/g, ' # ').replace(/[^a-z0-9#]+/g, ' ');
  return s.trim();
}

const LATIN = /^[a-z0-9# ]+$/;
// Text normalizeText() leaves as it is: lower-case ASCII, kana, CJK ideographs, Hebrew letters, Arabic letters without hamza marks.
const SETTLED = /^[a-z0-9# \u3041-\u30ff\u4e00-\u9fff\u05d0-\u05ea\u0621\u0627-\u063a\u0641-\u064a]+$/;
const phrases = new Map<string, Concept[]>();
/** First word of a multi-word phrase → the most words a phrase starting with it has. */
const starts = new Map<string, number>();
const prefixes: [string, Concept][] = [];
const suffixes: [string, Concept][] = [];
/** Phrases in other scripts, by first character, longest first: 密码 (password) wins over 码 (code) at the same place. */
const others = new Map<string, [string, Concept[]][]>();
let prepared = false;
// A whole list of plain lower-case ASCII phrases (most of them): one test instead of one per phrase.
const PLAIN_LIST = /^[a-z0-9# |*]+$/;
/**
 * Indexes the vocabulary on first use, so loading the module costs the page nothing. One
 * pass, few allocations: it runs once per page, in cold code, at the start of a session.
 */
function prepare(): void {
  prepared = true;
  for (const concept in VOCABULARY) {
    const list = VOCABULARY[concept as Concept];
    const plain = PLAIN_LIST.test(list);
    for (const raw of list.split('|')) {
      const star = raw.charCodeAt(0) === 42 ? 1 : raw.charCodeAt(raw.length - 1) === 42 ? 2 : 0;
      const bare = star === 1 ? raw.slice(1) : star === 2 ? raw.slice(0, -1) : raw;
      // The vocabulary is written normalised already, except for accents, hamza-carrying
      // alefs and half-width forms: only phrases with those need the Unicode pass.
      const latin = plain || LATIN.test(bare);
      const p = latin || SETTLED.test(bare) ? bare : normalizeText(bare);
      if (!p) continue;
      if (star === 1) suffixes.push([p, concept as Concept]);
      else if (star === 2) prefixes.push([p, concept as Concept]);
      else if (latin || LATIN.test(p)) {
        const known = phrases.get(p);
        if (known) {
          known.push(concept as Concept);
          continue;
        }
        phrases.set(p, [concept as Concept]);
        let space = p.indexOf(' ');
        if (space < 0) continue;
        const first = p.slice(0, space);
        let words = 2;
        while ((space = p.indexOf(' ', space + 1)) >= 0) words++;
        if (words > (starts.get(first) ?? 1)) starts.set(first, words);
      } else {
        const bucket = others.get(p[0]!);
        const hit = bucket?.find(([q]) => q === p);
        if (hit) hit[1].push(concept as Concept);
        else if (bucket) bucket.push([p, [concept as Concept]]);
        else others.set(p[0]!, [[p, [concept as Concept]]]);
      }
    }
  }
  for (const bucket of others.values()) bucket.sort((a, b) => b[0].length - a[0].length);
}

/**
 * Builds the vocabulary index now rather than at the first classification: the engine calls
 * it when it loads (on intent), so the session start only classifies.
 */
export function prepareClassifier(): void {
  if (!prepared) prepare();
}

const tokenCache = new Map<string, readonly Concept[]>();
/** A single word no phrase names exactly: German and Dutch compounds ("Kreditkartennummer"). */
function compound(token: string): readonly Concept[] {
  let hit = tokenCache.get(token);
  if (hit) return hit;
  const out: Concept[] = [];
  if (token.length > 4 && !/\d/.test(token)) {
    for (const [stem, c] of prefixes) if (token.startsWith(stem)) out.push(c);
    for (const [stem, c] of suffixes) if (token.endsWith(stem)) out.push(c);
  }
  hit = out;
  if (tokenCache.size < 20_000) tokenCache.set(token, hit);
  return hit;
}

const textCache = new Map<string, ReadonlySet<Concept>>();
/** The concepts a normalised text names. Within a text, the longest phrase at each word wins. */
export function conceptsOf(text: string): ReadonlySet<Concept> {
  if (!prepared) prepare();
  let out = textCache.get(text) as Set<Concept> | undefined;
  if (out) return out;
  out = new Set<Concept>();
  const tokens = text.split(' ');
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    const max = Math.min(starts.get(tokens[i]!) ?? 1, tokens.length - i);
    for (let len = max; len > 0 && !matched; len--) {
      const hit = phrases.get(len === 1 ? tokens[i]! : tokens.slice(i, i + len).join(' '));
      if (hit) {
        for (const c of hit) out.add(c);
        matched = len;
      }
    }
    if (!matched) for (const c of compound(tokens[i]!)) out.add(c);
    i += matched || 1;
  }
  if (/[^\u0000-\u007f]/.test(text)) {
    for (let i = 0; i < text.length; ) {
      const hit = others.get(text[i]!)?.find(([p]) => text.startsWith(p, i));
      if (hit) for (const c of hit[1]) out.add(c);
      i += hit ? hit[0].length : 1;
    }
  }
  if (textCache.size < 20_000) textCache.set(text, out);
  return out;
}

// ---------------------------------------------------------------------------------------
// Concepts → categories
// ---------------------------------------------------------------------------------------

const DIRECT: readonly Concept[] = [
  'cardNumber', 'expiry', 'cvc', 'cardholder', 'password', 'pin', 'otp', 'secret', 'dob', 'nationalId', 'passport', 'licence', 'health',
  'email', 'phone', 'street', 'postcode', 'address', 'iban', 'bankAccount', 'routing', 'accountHolder',
];
function any(set: ReadonlySet<Concept>, cs: readonly Concept[]): boolean {
  for (let i = 0; i < cs.length; i++) if (set.has(cs[i]!)) return true;
  return false;
}
const CARD: Concept[] = ['card', 'cardNumber', 'cvc', 'cardholder'];
const DATE_PART: Concept[] = ['day', 'month', 'year', 'date'];
const BANK_FORM: readonly Concept[] = ['bank', 'iban', 'bankAccount', 'routing'];
const DOCUMENTS: readonly Concept[] = ['document', 'passport', 'licence', 'otherCard'];
const BIRTH: readonly Concept[] = ['dob', 'birth'];
const CARD_FIELD: readonly Concept[] = ['cardNumber', 'cvc', 'cardholder'];
const NOT_CARD_SECTION: readonly Concept[] = ['bank', 'account', 'iban', 'street', 'address', 'phone'];
const MONTH_YEAR: readonly Concept[] = ['month', 'year'];
const CODE: readonly Concept[] = ['code', 'security'];
const SECURITY_QUESTION: readonly Concept[] = ['security', 'question', 'secret'];
const ID_DOCUMENT: readonly Concept[] = ['passport', 'licence'];
const STREET: readonly Concept[] = ['street', 'address'];
const NOT_HOUSE_NUMBER: readonly Concept[] = ['phone', 'email', 'bank', 'account'];
const BANK_FIELD: readonly Concept[] = ['iban', 'routing', 'accountHolder'];
const NAME_OR_NUMBER: readonly Concept[] = ['name', 'number'];
const BANK_SECTION: readonly Concept[] = ['bank', 'iban', 'bankAccount'];

// Categories as bits, in ORDER, so a verdict per text costs no allocation.
const [PAYMENT, CREDENTIALS, BANKING, IDENTITY, CONTACT, ADDRESS] = [1, 2, 4, 8, 16, 32];

interface Field {
  /** A select: only payment (expiry) and identity (birth date) apply; its options are not typed data. */
  select: boolean;
  /** Numeric keypad, digits pattern or number type: how one-time-code boxes look. */
  numeric: boolean;
  /** The text is one a visitor reads (label, placeholder …), not a developer's name or id. */
  human?: boolean;
}

/**
 * The categories one text names. `c`: what this text says; `ctx`: what the field's other
 * texts, its fieldset legend and the containers of its name say ("Number" in a fieldset
 * "Credit card" is a card number; "Expiry date" next to "Driving licence" is not).
 */
function categoriesOf(c: ReadonlySet<Concept>, ctx: ReadonlySet<Concept>, f: Field): number {
  if (!c.size) return 0;
  let out = 0;
  const direct = any(c, DIRECT);
  const cardHere = any(c, CARD);
  const cardNear = cardHere || any(ctx, CARD);
  const docHere = any(c, DOCUMENTS);
  const docNear = docHere || any(ctx, DOCUMENTS);
  const birthNear = any(ctx, BIRTH) && !ctx.has('birthplace');

  // payment
  if (any(c, CARD_FIELD)) (out |= PAYMENT);
  // A card expires in a month and year: an expiry date with a day belongs to a document.
  if (c.has('expiry') && !c.has('dateFormat') && !c.has('day') && !ctx.has('day') && (!docNear || (cardHere && !docHere))) (out |= PAYMENT);
  if (!direct) {
    if (c.has('number') && (cardNear || (ctx.has('payment') && !any(ctx, NOT_CARD_SECTION)))) (out |= PAYMENT);
    if (c.has('name') && cardNear && !ctx.has('accountHolder')) (out |= PAYMENT);
    if (any(c, MONTH_YEAR) && (cardNear || (ctx.has('expiry') && !docNear)) && !birthNear) (out |= PAYMENT);
    if (any(c, CODE) && cardNear && !c.has('notOneTimeCode')) (out |= PAYMENT);
  }

  // credentials
  if (c.has('password') || c.has('otp') || c.has('secret')) (out |= CREDENTIALS);
  // "PIN code" is India's postcode in an address, and a PIN anywhere else.
  if (c.has('pin') && !(c.has('postcode') && any(ctx, STREET))) (out |= cardHere ? PAYMENT : CREDENTIALS);
  if (!direct && c.has('answer') && any(ctx, SECURITY_QUESTION)) (out |= CREDENTIALS);
  if (!direct && c.has('code') && f.numeric && !cardNear && !c.has('notOneTimeCode')) (out |= CREDENTIALS);

  // identity
  if (c.has('dob') && !c.has('birthplace')) (out |= IDENTITY);
  if (c.has('birth') && any(c, DATE_PART) && !c.has('birthplace')) (out |= IDENTITY);
  if (!direct && any(c, DATE_PART) && birthNear && !cardHere && !c.has('age')) (out |= IDENTITY);
  if (c.has('nationalId') || c.has('health')) (out |= IDENTITY);
  // An ID a person is asked for that belongs to no thing (an order, a customer, an employee) is theirs: "Other ID", "External ID".
  if (!direct && f.human && !f.select && c.has('identifier') && !c.has('notPersonId') && !ctx.has('notPersonId') && !cardNear) (out |= IDENTITY);
  // "Passport number" is identity; "Passport expiry date", "Licence state" are not.
  if (any(c, ID_DOCUMENT) && !(c.has('documentDetail') && !c.has('number'))) (out |= IDENTITY);

  if (!f.select) {
    // contact
    if (c.has('email') || c.has('phone')) (out |= CONTACT);
    // address
    if (c.has('street') || (c.has('postcode') && !(c.has('pin') && !any(ctx, STREET)))) (out |= ADDRESS);
    if (c.has('address') && !c.has('notAddress') && !c.has('email')) (out |= ADDRESS);
    if (!direct && c.has('number') && any(ctx, STREET) && !cardNear && !any(ctx, NOT_HOUSE_NUMBER)) (out |= ADDRESS);
    // banking
    if (any(c, BANK_FIELD)) (out |= BANKING);
    if (c.has('bankAccount') && !c.has('notBank')) (out |= BANKING);
    if (!direct && c.has('account') && c.has('number') && !c.has('notBank')) (out |= BANKING);
    // "Name" or "Number" in a bank section is the account's; a name or number of a payment
    // ("Payment method name", "Payment number") is the payment's, whatever section it sits in.
    if (!direct && any(c, NAME_OR_NUMBER) && any(ctx, BANK_SECTION) && !cardNear && !c.has('notBank') && !c.has('payment')) (out |= BANKING);
  } else out &= ~CREDENTIALS;
  return out;
}

// ---------------------------------------------------------------------------------------
// Reading the field
// ---------------------------------------------------------------------------------------

interface Source {
  weight: number;
  /** How to name the text in evidence: `label text` → label text "…"; `name=` → name="…"; '' → the value as it is. */
  kind: string;
  value: string;
  concepts: ReadonlySet<Concept>;
  /** false: context only (legend, the containers of a nested name). */
  own: boolean;
  /** Text a visitor reads (label, placeholder, title …) rather than a name or id. */
  human?: boolean;
}

const AUTOCOMPLETE: Record<string, MaskingPreset | null> = {
  'cc-name': 'payment', 'cc-given-name': 'payment', 'cc-additional-name': 'payment', 'cc-family-name': 'payment',
  'cc-number': 'payment', 'cc-exp': 'payment', 'cc-exp-month': 'payment', 'cc-exp-year': 'payment', 'cc-csc': 'payment',
  'current-password': 'credentials', 'new-password': 'credentials', 'one-time-code': 'credentials',
  bday: 'identity', 'bday-day': 'identity', 'bday-month': 'identity', 'bday-year': 'identity',
  email: 'contact', tel: 'contact', 'tel-national': 'contact', 'tel-local': 'contact', 'tel-area-code': 'contact', 'tel-local-prefix': 'contact', 'tel-local-suffix': 'contact', 'tel-extension': 'contact',
  'street-address': 'address', 'address-line1': 'address', 'address-line2': 'address', 'address-line3': 'address', 'postal-code': 'address',
  // City, region and country: part of an address block, not identifying on their own.
  'address-level1': null, 'address-level2': null, 'address-level3': null, 'address-level4': null, country: null, 'country-name': null, 'cc-type': null,
};

/** How a source reads in evidence: label text "Card number", name="cc_owner". */
const describe = (s: Source): string => (!s.kind ? s.value : s.kind.endsWith('=') ? `${s.kind}"${s.value}"` : `${s.kind} "${s.value}"`);
const SAYS_CREDENTIAL: readonly Concept[] = ['otp', 'password', 'secret', 'pin'];
const clip = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}...` : v);
const squash = (v: string | null | undefined): string => (!v ? '' : /\s\s|[\t\n\r]/.test(v) ? v.replace(/\s+/g, ' ').trim() : v.trim());

/** Visible text of a label, without the text of the control it may wrap (a select's options). */
function textOf(node: Node, budget = { n: 40 }): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 || --budget.n < 0) return '';
  const tag = (node as Element).localName;
  if (tag === 'select' || tag === 'textarea' || tag === 'option' || tag === 'script' || tag === 'style' || tag === 'button' || tag === 'input') return '';
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) out += textOf(child, budget);
  return out;
}

/** `label[for]` by id, built once for a whole-page pass (Chromium's el.labels walks the tree every call). */
export type LabelIndex = Map<string, Element[]>;

/**
 * Collects every `<label for>` under a root, so classifying many fields reads the page once.
 * Built for one pass: the page must not change between indexing and classifying.
 */
export function indexLabels(root: ParentNode): LabelIndex {
  const index: LabelIndex = new Map();
  for (const label of Array.from(root.querySelectorAll('label[for]'))) {
    const id = label.getAttribute('for')!;
    const list = index.get(id);
    if (list) list.push(label);
    else index.set(id, [label]);
  }
  pages.set(index, { root });
  return index;
}

const GROUP = 'fieldset,[role="group"],[role="radiogroup"]';
const SEARCH = '[role="search"],search';

/** What a whole-page pass reads once per page rather than once per field: each group's legend text. */
interface PageIndex {
  root: ParentNode;
  legends?: Map<Element, string>;
  /** Whether the page has a search form at all: most have none, and then no field needs to ask. */
  search?: boolean;
}
const pages = new WeakMap<LabelIndex, PageIndex>();

/** Where a field's `<label for>` can be: its whole document or shadow root, even when only a form is classified. */
export function labelScope(root: ParentNode): ParentNode {
  const top = (root as Node).getRootNode?.() as unknown as ParentNode | undefined;
  return top && typeof top.querySelectorAll === 'function' ? top : root;
}

const NO_LABELS: Element[] = [];
function labelsOf(el: Element, index?: LabelIndex): Element[] {
  if (!index) return Array.from((el as HTMLInputElement).labels ?? []);
  const byFor = el.id ? index.get(el.id) : undefined;
  const wrap = el.closest('label');
  if (!wrap || byFor?.includes(wrap) || (wrap.hasAttribute('for') && wrap.getAttribute('for') !== el.id)) return byFor ?? NO_LABELS;
  return byFor ? [...byFor, wrap] : [wrap];
}

/**
 * Text a visitor reads just before a field that has no label: "<td>Card number</td><td><input>",
 * "<span>CVC</span><input>", or a label-looking element in the wrapper before the field's
 * wrapper (<div><label>DNI</label></div><div><input></div>). Stops at another field.
 */
function textBefore(el: Element): string {
  let node: Element = el;
  for (let depth = 0; depth < 4; depth++) {
    for (let sib = node.previousSibling, n = 0; sib && n < 4; sib = sib.previousSibling, n++) {
      // Another field, or a section heading (a heading names the section, not this field).
      if (sib.nodeType === 1 && ((sib as Element).matches('input,select,textarea,button,h1,h2,h3,h4,h5,h6,legend') || (sib as Element).querySelector('input,select,textarea'))) return '';
      const text = squash(sib.nodeType === 3 ? sib.nodeValue : sib.nodeType === 1 ? textOf(sib) : '');
      if (text) return text.length <= 80 ? text : '';
    }
    const up = node.parentElement;
    if (!up || up.localName === 'form' || up.localName === 'fieldset' || up.localName === 'body') return '';
    node = up;
  }
  return '';
}

/** "payment[cc_number]" → own segment "cc_number", containers "payment"; "street[0]" → "street". */
function splitName(name: string): [own: string, containers: string] {
  const parts = name.split(/[[\]]+/).filter(Boolean);
  let i = parts.length - 1;
  while (i > 0 && /^(\d+|value|und|target id|input)$/i.test(parts[i]!)) i--;
  return [parts[i] ?? name, parts.filter((_, j) => j !== i).join(' ')];
}

const thisYear = new Date().getFullYear();
const stems = MONTH_STEMS.map((s) => s.split('|'));
const LEADING_NUMBER = /^\s*(\d{1,4})\b/;
/** A select's options as [text, value attribute], read once by walking its children (optgroups included), at most 141. */
function readOptions(el: Element): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (let c = el.firstElementChild; c && out.length <= 140; c = c.nextElementSibling) {
    if (c.localName === 'option') out.push([c.textContent ?? '', c.getAttribute('value')]);
    else if (c.localName === 'optgroup') for (let o = c.firstElementChild; o && out.length <= 140; o = o.nextElementSibling) if (o.localName === 'option') out.push([o.textContent ?? '', o.getAttribute('value')]);
  }
  return out;
}

/** What a select's options look like: months, days, years to come (card expiry), years gone by (birth). */
function optionsOf(options: [string, string | null][]): [Concept[], string] | undefined {
  if (options.length < 10 || options.length > 140) return undefined;
  const nums: number[] = [];
  let months = 0;
  for (const [text, value] of options) {
    const n = LEADING_NUMBER.exec(value || text)?.[1];
    if (n) nums.push(+n);
    else {
      const t = normalizeText(text).slice(0, 3);
      if (t && stems.some((list) => list.includes(t))) months++;
    }
  }
  const years = nums.filter((n) => n >= 1900 && n <= thisYear + 30);
  if (years.length >= 5) {
    const min = Math.min(...years);
    const max = Math.max(...years);
    if (min >= thisYear - 1) return [['year'], `options are years ${min}–${max}`];
    if (max <= thisYear - 10 || max - min >= 60) return [['year', 'birth'], `options are years ${min}–${max}`];
    return undefined;
  }
  const small = new Set(nums.filter((n) => n >= 1 && n <= 31));
  if (small.size >= 28) return [['day'], 'options are days 1–31'];
  if ((small.size === 12 && Math.max(...small) === 12) || months >= 12) return [['month'], 'options are the twelve months'];
  return undefined;
}

// An IBAN as people write it: country, check digits, then 11–30 letters and digits, in groups or not.
const IBAN_IN_TEXT = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const SHAPED = /[A-Z]{2}\d{2}/;
/** True when `raw` (spaces allowed) passes the IBAN check (ISO 13616: mod 97 = 1). */
export function isIban(raw: string): boolean {
  const s = raw.replace(/ /g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rest = 0;
  const moved = s.slice(4) + s.slice(0, 4);
  for (let i = 0; i < moved.length; i++) {
    const code = moved.charCodeAt(i);
    const digits = code >= 65 ? String(code - 55) : moved[i]!;
    for (let j = 0; j < digits.length; j++) rest = (rest * 10 + digits.charCodeAt(j) - 48) % 97;
  }
  return rest === 1;
}

/** A select that offers the visitor's bank accounts ("DE02 1203 …"): its options show them. */
function offersIbans(options: [string, string | null][]): boolean {
  for (let i = 0, n = Math.min(options.length, 50); i < n; i++) {
    const [text, value] = options[i]!;
    // Most options (months, countries, "Choose …") have no country code and check digits: skip the full match.
    if (SHAPED.test(text)) for (const m of text.matchAll(IBAN_IN_TEXT)) if (isIban(m[0])) return true;
    if (value && value !== text && SHAPED.test(value)) for (const m of value.matchAll(IBAN_IN_TEXT)) if (isIban(m[0])) return true;
  }
  return false;
}

function isNumeric(el: Element): boolean {
  const mode = el.getAttribute('inputmode');
  const type = el.getAttribute('type')?.toLowerCase();
  return mode === 'numeric' || mode === 'decimal' || type === 'number' || /^\^?(\\d|\[0-9\])/.test(el.getAttribute('pattern') ?? '');
}

/** Never sensitive whatever it says: hidden, buttons, choices, files, search boxes. */
function skip(el: Element, index?: LabelIndex): string | undefined {
  const tag = el.localName;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (NEVER.test(type)) return `type="${type}"`;
    if (type === 'search') return 'type="search"';
  } else if (tag !== 'select' && tag !== 'textarea') {
    const ce = el.getAttribute('contenteditable');
    if (ce === null || ce.toLowerCase() === 'false') return 'not a field';
  }
  if (el.getAttribute('role') === 'searchbox') return 'role="searchbox"';
  const page = index && pages.get(index);
  if (page) page.search ??= !!page.root.querySelector(SEARCH);
  if ((!page || page.search) && el.closest(SEARCH)) return 'inside a search form';
  return undefined;
}

const normalized = new Map<string, string>();
/** normalizeText, remembered: a long page repeats the same labels, names and legends. */
function norm(v: string): string {
  let text = normalized.get(v);
  if (text === undefined) {
    text = normalizeText(v);
    if (normalized.size < 20_000) normalized.set(v, text);
  }
  return text;
}
/** The texts a visitor or developer reads for this field, with how to describe each. */
function sourcesOf(el: Element, index: LabelIndex | undefined): Source[] {
  const out: Source[] = [];
  const add = (weight: number, raw: string | null | undefined, kind: string, own = true, edgeOnly?: boolean, full?: string) => {
    const v = squash(raw);
    if (!v) return;
    const text = norm(v);
    if (!text) return;
    const concepts = conceptsOf(text);
    out.push({ weight, kind, value: kind === 'name=' ? full ?? v : clip(v), concepts: edgeOnly && concepts.has('address') ? edgeConcepts(text, concepts) : concepts, own, human: own && !edgeOnly });
  };
  let named = false;
  for (const label of labelsOf(el, index)) {
    const t = textOf(label);
    if (squash(t)) named = true;
    add(6, t, 'label text');
  }
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const scope = el.getRootNode() as Document | ShadowRoot;
    const text = labelledby
      .split(/\s+/)
      .map((id) => (id && scope.getElementById ? scope.getElementById(id) : null))
      .map((ref) => (ref ? textOf(ref) : ''))
      .join(' ');
    if (squash(text)) named = true;
    add(6, text, 'aria-labelledby text');
  }
  const aria = el.getAttribute('aria-label');
  if (squash(aria)) named = true;
  add(6, aria, 'aria-label');
  const placeholder = el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder') ?? el.getAttribute('data-placeholder');
  const title = el.getAttribute('title');
  add(4, placeholder, 'placeholder');
  add(4, title, 'title');
  if (!named) add(4, textBefore(el), 'text before it');

  const name = el.getAttribute('name') ?? '';
  if (name) {
    const [own, containers] = splitName(name);
    add(3, own, 'name=', true, true, name);
    add(1, containers, 'name=', false, false, name);
  }
  const id = el.id;
  if (id) {
    // Skip an id a framework derives from the name (checkout_shipping_address_first_name,
    // edit-payment-information-…-number): it says nothing the name does not.
    const nid = norm(id);
    const nname = norm(name);
    if (!nname || !(nid === nname || nid.endsWith(` ${nname}`) || nid.endsWith(nname))) add(3, id, 'id=', true, true);
  }
  const group = el.closest(GROUP);
  if (group) add(2, legendOf(group, index), 'legend', false);
  return out;
}

/** A fieldset's legend or a group's aria-label, read once per group in a whole-page pass. */
function legendOf(group: Element, index: LabelIndex | undefined): string {
  const page = index && pages.get(index);
  let legend = page?.legends?.get(group);
  if (legend !== undefined) return legend;
  legend = '';
  if (group.localName === 'fieldset') {
    for (let c = group.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'legend') legend = textOf(c);
  }
  legend ||= group.getAttribute('aria-label') ?? '';
  if (page) (page.legends ??= new Map()).set(group, legend);
  return legend;
}

const ADDRESS_EDGE = /^(address|addr|adresse|adres|endereco|indirizzo|direccion|anschrift)$/;
/** "address" inside a long name is the container of another field (billing_address_first_name). */
function edgeConcepts(text: string, concepts: ReadonlySet<Concept>): ReadonlySet<Concept> {
  const t = text.split(' ');
  if (ADDRESS_EDGE.test(t[0]!) || ADDRESS_EDGE.test(t[t.length - 1]!)) return concepts;
  const copy = new Set(concepts);
  copy.delete('address');
  return copy;
}

const CARD_SHAPE = /^(?:[\dx•*●·#]{4}[ -]?){3}[\dx•*●·#]{1,7}$/i;

/**
 * Why a field is ordinary whatever else it says: a search, a coupon, a captcha, a ledger
 * account. `own`: only the field's own texts count, not its legend or name containers
 * (a legend "Accounting" says nothing about the IBAN under it).
 */
const VETO: [Concept, MaskingPreset[], string, own?: boolean][] = [
  ['search', [...ORDER], 'a search'],
  ['coupon', ['payment', 'credentials'], 'a coupon, promo or gift-card code'],
  ['otherCard', ['payment'], 'a card that is not a payment card'],
  ['cardType', ['payment'], 'the card type, not the card'],
  ['captcha', ['credentials'], 'a captcha'],
  // "Compte comptable", "GL account", "Sachkonto": an account in the books, not at a bank.
  ['ledger', ['banking'], 'an accounting (ledger) account, not a bank account', true],
];

/** Options for {@link classifyField}. */
export interface ClassifyOptions {
  /** From {@link indexLabels}: faster when classifying many fields of one page. */
  labels?: LabelIndex;
  /** Also look at the other fields nearby (month/year selects next to a card number). @default true */
  neighbours?: boolean;
}

/**
 * Decides whether a form field is payment, credentials, identity, contact, address or
 * banking data, the way a person reading the page would: from its type, `autocomplete`
 * tokens, its label (`<label for>`, a wrapping label, `aria-label`, `aria-labelledby`),
 * placeholder, title, the text just before it, its fieldset legend, its `name` and `id`
 * split into words, a select's options, in the widget's eleven languages. Words that make
 * a field ordinary ("coupon", "search", a licence's expiry date) win. Reads attributes and
 * a few nearby nodes only; never layout.
 */
export function classifyField(el: Element, options: ClassifyOptions = {}): FieldClassification {
  const skipped = skip(el, options.labels);
  if (skipped) return { category: null, evidence: [`never sensitive: ${skipped}`] };
  const select = el.localName === 'select';
  const sources = sourcesOf(el, options.labels);
  const choices = select ? readOptions(el) : undefined;
  if (choices) {
    const opts = optionsOf(choices);
    if (opts) sources.push({ weight: 3, kind: '', value: opts[1], concepts: new Set(opts[0]), own: true });
  }
  // A choice among the visitor's bank accounts shows their IBANs whatever it is called ("Konto").
  const ibans = !!choices && offersIbans(choices);
  const placeholder = el.getAttribute('placeholder');
  if (placeholder && CARD_SHAPE.test(placeholder.trim())) sources.push({ weight: 4, kind: '', value: `placeholder "${placeholder.trim()}" is shaped like a card number`, concepts: new Set(['cardNumber']), own: true });

  const own = new Set<Concept>();
  const ctx = new Set<Concept>();
  for (const s of sources) {
    for (const c of s.concepts) {
      ctx.add(c);
      if (s.own) own.add(c);
    }
  }

  // Most fields on a long page name nothing sensitive at all: say so without weighing anything.
  const type = el.localName === 'input' ? (el.getAttribute('type') ?? '').toLowerCase() : '';
  const ac = squash(el.getAttribute('autocomplete'));
  if (!own.size && !select && !ac && type !== 'password' && type !== 'email' && type !== 'tel') return { category: null, evidence: [] };

  const scores = new Map<MaskingPreset, number>();
  const evidence = new Map<MaskingPreset, [number, string | Source, boolean?][]>();
  const credit = (cat: MaskingPreset, weight: number, why: string | Source, numeric?: boolean) => {
    scores.set(cat, (scores.get(cat) ?? 0) + weight);
    const list = evidence.get(cat);
    if (list) list.push([weight, why, numeric]);
    else evidence.set(cat, [[weight, why, numeric]]);
  };

  // Developer hints: the input type and autocomplete tokens (section-*, shipping, billing prefixes allowed).
  if (type === 'password') credit('credentials', 10, 'type="password"');
  if (type === 'email') credit('contact', 10, 'type="email"');
  // type="tel" is also how card-number fields get a numeric keypad: a weak hint.
  if (type === 'tel' && !own.has('amount')) credit('contact', 3, 'type="tel"');
  let acOrdinary = false;
  for (const token of ac.toLowerCase().split(' ')) {
    const cat = AUTOCOMPLETE[token];
    if (cat) credit(cat, 10, `autocomplete="${ac}"`);
    acOrdinary ||= cat === null;
    if (cat !== undefined) break;
  }

  if (ibans) credit('banking', 10, 'its options are IBANs');

  const field: Field = { select, numeric: isNumeric(el) };
  const humanField: Field = { select, numeric: field.numeric, human: true };
  for (const s of sources) {
    if (!s.own) continue;
    const bits = categoriesOf(s.concepts, ctx, s.human ? humanField : field);
    if (!bits) continue;
    for (let k = 0; k < ORDER.length; k++) {
      if (!(bits & (1 << k))) continue;
      const cat = ORDER[k]!;
      // A one-time code told apart by its keypad says so in its evidence.
      const keypad = field.numeric && cat === 'credentials' && !any(s.concepts, SAYS_CREDENTIAL);
      credit(cat, s.weight, s, keypad);
    }
  }
  // A legend or a name container never decides alone, but it does decide combinations
  // ("Number" in "Credit card"), which categoriesOf already read from ctx.

  const vetoed: string[] = [];
  for (const [concept, cats, what, ownOnly] of VETO) {
    if (!(ownOnly ? own : ctx).has(concept)) continue;
    const by = sources.find((s) => (s.own || !ownOnly) && s.concepts.has(concept));
    vetoed.push(`${by ? describe(by) : 'its text'} (${what})`);
    for (const cat of cats) scores.delete(cat);
  }
  if (select) for (const cat of ['contact', 'address', 'banking', 'credentials'] as const) if (!(cat === 'banking' && ibans)) scores.delete(cat);
  // The visible text outweighs words in a name: a label "Name of bank" decides over
  // name="…bank_details_bank", unless a visible text itself says bank data.
  if (scores.has('banking') && !ibans) {
    const says = sources.find((s) => s.human && s.concepts.has('notBank'));
    if (says && !evidence.get('banking')!.some(([, e]) => typeof e !== 'string' && e.human)) {
      vetoed.push(`${describe(says)} (the visible text names something else)`);
      scores.delete('banking');
    }
  }
  // autocomplete="address-level2" (a city) or "cc-type" says what the name's "address" or "card" does not.
  if (acOrdinary) {
    vetoed.push(`autocomplete="${ac}"`);
    for (const cat of ['address', 'payment'] as const) scores.delete(cat);
  }
  // An expiry that names no card: a passport or licence expiry, or a full date with a day, is no card's.
  if (scores.has('payment') && own.has('expiry') && !any(own, CARD)) {
    if (documentExpiry(el, options.labels)) {
      vetoed.push('an expiry date in a group about a document or with a day box');
      scores.delete('payment');
    }
  }

  let best: MaskingPreset | null = null;
  for (const cat of ORDER) if ((scores.get(cat) ?? 0) >= 3 && (!best || scores.get(cat)! > scores.get(best)!)) best = cat;

  // Only a bare date part ("Month", a 01–12 select) borrows its neighbour's category; "Age (years)" does not.
  if (!best && !vetoed.length && options.neighbours !== false && any(own, DATE_PART) && !own.has('age')) {
    const near = neighbour(el, options.labels);
    if (near) return near;
  }
  // A bare "Number" on a form about a bank account (bank name, IBAN, BIC …) is the account number.
  if (!best && !select && options.neighbours !== false && own.size === 1 && own.has('number')) {
    const form = conceptsAround(el, el.closest('form'), options.labels);
    if (any(form, BANK_FORM) && !any(form, CARD)) {
      const by = sources.find((s) => s.own && s.concepts.has('number'))!;
      return { category: 'banking', evidence: [`${describe(by)} on a form about a bank account`] };
    }
  }
  if (!best) return { category: null, evidence: vetoed };
  const why = evidence
    .get(best)!
    .sort((a, b) => b[0] - a[0])
    .map(([, e, keypad]) => (typeof e === 'string' ? e : keypad ? `inputmode="numeric" and ${describe(e)}` : describe(e)));
  return { category: best, evidence: [...new Set(why)] };
}

/**
 * A month, year or day select (or box) that says nothing by itself takes the category of
 * the card or birth-date field next to it: a person reads the group, not the select.
 */
function neighbour(el: Element, labels: LabelIndex | undefined): FieldClassification | undefined {
  let box: Element | null = el.parentElement;
  for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
    const fields = Array.from(box.querySelectorAll('input,select,textarea')).filter((f) => f !== el);
    if (!fields.length) continue;
    if (fields.length > 12) return undefined;
    for (const f of fields) {
      const r = classifyField(f, { ...(labels ? { labels } : {}), neighbours: false });
      // Borrow from a card field or a birth-date field only: a passport number says nothing about a "Year" box.
      const birth = r.category === 'identity' && sourcesOf(f, labels).some((s) => s.own && any(s.concepts, BIRTH));
      if (r.category === 'payment' || birth) {
        return { category: r.category, evidence: [`next to a ${r.category === 'payment' ? 'card' : 'birth-date'} field (${r.evidence[0]})`] };
      }
    }
  }
  return undefined;
}

/** What the other fields in `box` say about themselves (their labels, names …), up to 30 fields. */
function conceptsAround(el: Element, box: Element | null, labels: LabelIndex | undefined): Set<Concept> {
  const out = new Set<Concept>();
  if (!box) return out;
  const fields = box.querySelectorAll('input,select,textarea');
  if (fields.length > 30) return out;
  for (const f of Array.from(fields)) {
    if (f === el || skip(f, labels)) continue;
    for (const s of sourcesOf(f, labels)) if (s.own) for (const c of s.concepts) out.add(c);
  }
  return out;
}

/**
 * An expiry date that names no card is a document's when its own group has a day box
 * (cards expire in a month), or when its form asks about a passport, licence or permit
 * and nothing about a card.
 */
function documentExpiry(el: Element, labels: LabelIndex | undefined): boolean {
  const group = el.closest('fieldset,[role="group"]') ?? el.parentElement?.parentElement ?? null;
  if (conceptsAround(el, group, labels).has('day')) return true;
  const form = conceptsAround(el, el.closest('form'), labels);
  return any(form, DOCUMENTS) && !any(form, CARD);
}

/** Every field under `root` the classifier looks at (form controls and editable regions). */
export function fieldsUnder(root: ParentNode): Element[] {
  const out: Element[] = [];
  if ((root as Element).matches?.(FIELD_SELECTOR)) out.push(root as Element);
  for (const el of Array.from(root.querySelectorAll(FIELD_SELECTOR))) {
    // Only the outermost editable region: its children are its content, not fields.
    if (el.localName !== 'input' && el.localName !== 'select' && el.localName !== 'textarea' && el.parentElement?.closest('[contenteditable]:not([contenteditable="false"])')) continue;
    out.push(el);
  }
  return out;
}

/**
 * Classifies every field under `root` in one pass (labels read once).
 * Returns only the fields with a category.
 */
export function classifyFields(root: ParentNode): Map<Element, FieldClassification> {
  const labels = indexLabels(labelScope(root));
  const out = new Map<Element, FieldClassification>();
  for (const el of fieldsUnder(root)) {
    const r = classifyField(el, { labels });
    if (r.category) out.set(el, r);
  }
  return out;
}
