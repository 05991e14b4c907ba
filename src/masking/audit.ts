import { LOG_PREFIX } from '../shared/config-error';
import { compileRules, isMasked, MASK_ATTRIBUTE } from './compile';
import { MASKING_PRESETS, presetSelectors, typeOrAutocompleteHint } from './presets';
import type { MaskingAuditFinding, MaskingConfig, MaskingPreset } from './types';

const FIELDS = 'input,textarea,select';
// Controls that hold no typed personal data, or are never drawn.
const SKIP_TYPES = /^(hidden|submit|button|reset|image|checkbox|radio|file|range|color|search)$/;

// Other tools' "do not record" markers: the site owner already said these are private.
const MARKERS = [
  '.fs-mask', '.fs-exclude', '.rr-mask', '.rr-block', '.ph-no-capture', '.sentry-mask', '.sentry-block', '._lr-hide',
  '[data-private]', '[data-hj-suppress]', '[data-sentry-mask]', '[data-dd-privacy="mask"]', '[data-dd-privacy="hidden"]', '[data-sl="mask"]',
];

/*
 * Broader than the presets on purpose: they run on words (camelCase, snake_case and
 * label text all normalised to "card number"), know a few European languages, and only
 * inform a developer, so a little over-reporting is acceptable. Within one text the first
 * match names the category ("security code" is payment, "email address" is contact).
 */
const HINTS: readonly (readonly [MaskingPreset, RegExp])[] = [
  ['payment', /\b(card ?(number|no|num|holder|verification)|(credit|debit) card|cc ?(num|number|name|exp)|name on (the )?card|cvc2?|cvv2?|ccv|cvn|csc|security code|card code|expiry|expiration|exp(iry)? (date|month|year)|valid (thru|through|until)|(?<!dd ?\/ ?)mm ?\/ ?yy(yy)?|kartennummer|karteninhaber|prufziffer|ablaufdatum|gultig bis|numero de (la )?(carte|tarjeta)|numero (della )?carta|titulaire de la carte|date d'expiration|fecha de (caducidad|vencimiento))\b/],
  ['banking', /\b(iban|bic|swift|(bank )?account (number|no|num|holder)|acct (number|no|num)|routing|sort ?code|bank account|bsb|blz|kontonummer|kontoinhaber|bankleitzahl|numero de compte|titulaire du compte)\b/],
  ['identity', /\b(ssn|social (security|insurance)|national (id|identity|insurance)|ni number|nino|passport|tax (id|number|no|identification)|tin|sin|itin|date of birth|birth ?date|birthday|dob|driver'?s? licen[cs]e|driving licen[cs]e|identity (card|number|document)|id card|personnummer|pesel|bsn|nif|dni|cpf|aadhaa?r|codice fiscale|steuer ?id|steuer(identifikations)?nummer|sozialversicherungsnummer|geburtsdatum|date de naissance|fecha de nacimiento|data di nascita|numero de securite sociale|reisepass|personalausweis|ausweisnummer|burgerservicenummer)\b/],
  ['credentials', /\b(pass ?(word|wort|code|phrase)|passwd|pwd|pin(?! ?code)|otp|totp|2fa|mfa|one[ -]time (code|password|pin|passcode)|verification code|auth(entication|enticator)? code|(security|secret|memorable) (answer|word)|backup code|recovery code|api ?key|access token|secret key|((sms|m|push) ?)?tan|mot de passe|contrasena|wachtwoord|kennwort|geheimzahl|bestatigungscode|code de verification)\b/],
  ['contact', /\b(e-?mail|phone|telephone|tel|mobile|cell ?phone|fax|courriel|telefon|telefono|mobil|rufnummer)\b/],
  ['address', /\b(street|(?<!(web|website|ip|wallet) )address(?! (type|book))|addr|address line|postcode|post code|postal|zip|pin ?code|house (number|no)|apartment|apt|suite|strasse|hausnummer|plz|postleitzahl|code postal|adresse|direccion|codigo postal|calle|indirizzo)\b/],
];
// Words that make a field ordinary whatever else its label says ("Search orders by email",
// "Label this address").
const ORDINARY = /\b(search|promo|coupon|voucher|discount|referral|quantity|qty|label|nickname)\b/;
const OTP_SHAPED = /\bcode\b/;
const NOT_OTP = /\b(promo|coupon|voucher|discount|gift|zip|post(al)?|country|area|dial|referral|invite|product|sku|access)\b/;

/** "billing[cardNumber]" → "billing card number"; "Numéro de carte" → "numero de carte". */
const words = (s: string) =>
  s.replace(/([a-z\d])([A-Z])/g, '$1 $2').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_.:[\]-]+/g, ' ').trim();

/** Visible text of a label, without the text of the control it may wrap (a select's options). */
function textOf(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 || /^(select|textarea|option|script|style|button)$/.test((node as Element).localName)) return '';
  let out = '';
  for (const child of Array.from(node.childNodes)) out += textOf(child);
  return out;
}

/** Every name a developer or visitor would read for this field, with how to describe it. */
function sources(el: Element): [text: string, reason: string][] {
  const out: [string, string][] = [];
  const add = (raw: string | null | undefined, describe: (v: string) => string) => {
    const v = raw?.replace(/\s+/g, ' ').trim();
    if (v) out.push([words(v), describe(v.length > 60 ? `${v.slice(0, 57)}...` : v)]);
  };
  // checkout[shipping_address][first_name] is a first name: judge a nested name by its last
  // segment, and skip the id Rails derives from it (checkout_shipping_address_first_name).
  const name = el.getAttribute('name') ?? '';
  const own = /\[([^[\]]+)\]$/.exec(name)?.[1] ?? name;
  if (own) out.push([words(own), `name="${name}"`]);
  if (el.id.toLowerCase() !== name.replace(/\]?\[|\]/g, '_').replace(/_$/, '').toLowerCase()) add(el.id, (v) => `id="${v}"`);
  for (const label of Array.from((el as HTMLInputElement).labels ?? [])) add(textOf(label), (v) => `label text "${v}"`);
  add(el.getAttribute('aria-label'), (v) => `aria-label "${v}"`);
  const scope = el.getRootNode() as Document | ShadowRoot;
  for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const ref = scope.getElementById?.(id);
    if (ref) add(textOf(ref), (v) => `aria-labelledby text "${v}"`);
  }
  add(el.getAttribute('placeholder'), (v) => `placeholder "${v}"`);
  add(el.getAttribute('title'), (v) => `title "${v}"`);
  return out;
}

const presetLists = new Map<MaskingPreset, string>();

function classify(el: Element): [MaskingAuditFinding['category'], string] | undefined {
  const strong = typeOrAutocompleteHint(el);
  if (strong) return strong;
  // Anything a preset would mask is sensitive even when that preset is off.
  for (const preset of MASKING_PRESETS) {
    let list = presetLists.get(preset);
    if (!list) presetLists.set(preset, (list = presetSelectors(preset).join(',')));
    if (el.matches(list)) {
      const byName = presetSelectors(preset).some((s) => s.includes('[name') && el.matches(s));
      return [preset, byName ? `name="${el.getAttribute('name')}"` : `id="${el.id}"`];
    }
  }
  // Sources in order of strength (name, id, label, aria, placeholder): a label saying
  // "Date of birth" outranks a "DD/MM/YYYY" placeholder.
  const texts = sources(el).filter(([text]) => !ORDINARY.test(text));
  for (const [text, reason] of texts) {
    const hit = HINTS.find(([, re]) => re.test(text));
    if (hit) return [hit[0], reason];
  }
  // "Enter the 6-digit code": a numeric keypad plus the word code is how OTP fields look.
  const numeric = el.getAttribute('inputmode') === 'numeric' || /^(\\d|\[0-9\])/.test(el.getAttribute('pattern') ?? '');
  const code = numeric && texts.find(([text]) => OTP_SHAPED.test(text) && !NOT_OTP.test(text));
  if (code) return ['credentials', `inputmode="numeric" and ${code[1]}`];
  for (const marker of MARKERS) {
    const owner = el.closest(marker);
    if (owner) return ['unknown', `marked private for another tool (${marker}${owner === el ? '' : ' on an ancestor'})`];
  }
  return undefined;
}

/** A short CSS path that finds the element again: #id, tag[name="…"], or an nth-of-type chain. */
function cssPath(el: Element): string {
  const scope = el.getRootNode() as ParentNode;
  // [id="…"] rather than CSS.escape for odd ids ("1st", "user:ssn"): readable, and parsed everywhere.
  const byId = (id: string) => (/^-?[a-z_][\w-]*$/i.test(id) ? `#${id}` : `[id="${id.replace(/["\\]/g, '\\$&')}"]`);
  const unique = (sel: string) => {
    try {
      return scope.querySelectorAll(sel).length === 1;
    } catch {
      return false;
    }
  };
  if (el.id && unique(byId(el.id))) return byId(el.id);
  const name = el.getAttribute('name');
  const byName = name && `${el.localName}[name="${name.replace(/["\\]/g, '\\$&')}"]`;
  if (byName && unique(byName)) return byName;
  const parts: string[] = [];
  for (let node: Element | null = el; node?.parentElement; node = node.parentElement) {
    if (node !== el && node.id && unique(byId(node.id))) {
      parts.unshift(byId(node.id));
      break;
    }
    const tag = node.localName;
    const same = Array.from(node.parentElement.children).filter((c) => c.localName === tag);
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
  }
  return parts.join(' > ');
}

/**
 * Lists fields under `root` that look sensitive (input type, autocomplete, name/id,
 * label text, other tools' privacy markers) but that the masking config leaves visible
 * to the agent. `config` is the widget's validated `masking` value (src/config/masking.ts);
 * `false` means nothing is masked. The public `auditMasking` validates first.
 */
export function auditFields(root?: ParentNode, config?: MaskingConfig | false): MaskingAuditFinding[] {
  const scope = root ?? (typeof document === 'undefined' ? undefined : document);
  if (!scope) return [];
  const compiled = compileRules(config);
  const fields = Array.from(scope.querySelectorAll(FIELDS)).filter((el) => !SKIP_TYPES.test((el.getAttribute('type') ?? '').toLowerCase()));
  // Marked text (e.g. a <span data-private> showing an account number), unless it is just a form wrapper.
  const marked = Array.from(scope.querySelectorAll(MARKERS.join(','))).filter((el) => !el.matches(FIELDS) && !el.querySelector(FIELDS));
  const findings: MaskingAuditFinding[] = [];
  for (const element of [...fields, ...marked]) {
    if (isMasked(element, compiled)) continue;
    const hit = classify(element);
    if (hit) findings.push({ element, category: hit[0], reason: hit[1], selector: cssPath(element) });
  }
  return findings;
}

/** Writes the findings as one collapsed console group that says how to mask each field. */
export function reportMaskingAudit(findings: MaskingAuditFinding[], logger: Pick<Console, 'groupCollapsed' | 'groupEnd' | 'warn'> = console): void {
  if (!findings.length) return;
  const n = findings.length;
  logger.groupCollapsed(`${LOG_PREFIX} Masking audit: ${n} sensitive-looking field${n === 1 ? ' is' : 's are'} not masked, so the support agent would see ${n === 1 ? 'it' : 'them'}.`);
  for (const f of findings) logger.warn(`${LOG_PREFIX} ${f.category}: ${f.selector} (${f.reason})`, f.element);
  const presets = [...new Set(findings.map((f) => f.category))].filter((c): c is MaskingPreset => c !== 'unknown');
  const add = presets.length ? `add ${presets.map((p) => `"${p}"`).join(', ')} to masking.presets, ` : '';
  logger.warn(
    `${LOG_PREFIX} To hide them: ${add}list their selectors in masking.selectors (e.g. ${JSON.stringify(findings[0]!.selector)}), ` +
      `or put the ${MASK_ATTRIBUTE} attribute on each field or a container. Run auditMasking() in the console to check again.`,
  );
  logger.groupEnd();
}
