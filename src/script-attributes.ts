import type { CobrowseConfig } from './config/config';
import { THEME_FIELDS } from './config/theme';
import type { MaskingConfig } from './masking/types';
import { CobrowseConfigError, LOG_PREFIX } from './shared/config-error';
import { SECRET_NAME } from './shared/validate';

/**
 * The script tag's `data-*` attributes, as `dataset` keys (data-sdk-key → sdkKey). Theme
 * fields come as data-theme-{field}. Anything else on the tag is the host page's own and
 * is left alone, unless it looks like a misspelling of one of these.
 */
const KNOWN = [
  'sdkKey', 'tokenUrl', 'userId', 'userName', 'position', 'locale', 'privacyUrl', 'sdkUrl', 'sdkVersion', 'masking',
  'remoteAssist', 'launcher', 'launcherLabel', 'launcherIcon', 'recovery', 'multiTab', 'debug', 'nonce', 'autoMount',
  ...THEME_FIELDS.filter((f) => f !== 'position').map((f) => `theme${f[0]!.toUpperCase()}${f.slice(1)}`),
];

/** `sdkKey` → `data-sdk-key`. */
export const attributeName = (key: string): string => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known attribute a misspelt one most likely meant (data-token-ur, data-sdkkey), or undefined. */
export function likelyAttribute(key: string): string | undefined {
  const flat = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN) {
    const d = distance(flat(key), flat(known));
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  // Two edits, and never more than a third of the name: "data-label" is the page's own, not data-locale.
  return best && bestDistance <= Math.min(2, Math.floor(flat(best).length / 3)) ? best : undefined;
}

/** Reads a boolean attribute: present or "true"/"1" is true, "false"/"0" is false; anything else is a mistake. */
function bool(key: string, value: string): boolean {
  if (value === '' || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new CobrowseConfigError(attributeName(key), `expected "true" or "false", got ${JSON.stringify(value)}. Write ${attributeName(key)}="true" (or leave the value empty) to turn it on.`);
}

/**
 * Reads the script tag's data attributes into config fields. Values are validated like
 * any config afterwards; here a secret-looking attribute and a boolean that is not one
 * throw CobrowseConfigError, and a near-miss of a known attribute is warned about.
 */
export function configFromAttributes(el: HTMLElement, warn: (message: string) => void = (m) => console.warn(m)): Partial<CobrowseConfig> {
  const d = el.dataset;
  const out: Record<string, unknown> = {};
  const theme: Record<string, unknown> = {};
  const sdk: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) {
    if (value === undefined) continue;
    if (SECRET_NAME.test(key)) {
      throw new CobrowseConfigError(
        attributeName(key),
        'secrets must never be put in a page: anyone can read them. Remove the attribute, keep the SDK secret on your server and sign tokens there (see zoom-cobrowse-widget/server).',
      );
    }
    if (KNOWN.includes(key) || /^theme[A-Z]/.test(key)) continue;
    const meant = likelyAttribute(key);
    if (meant) warn(`${LOG_PREFIX} the script tag has ${attributeName(key)}, which the widget does not read. Did you mean ${attributeName(meant)}?`);
  }
  if (d.sdkKey !== undefined) out.sdkKey = d.sdkKey;
  if (d.tokenUrl !== undefined) out.token = d.tokenUrl;
  if (d.userId !== undefined) out.userId = d.userId;
  if (d.userName !== undefined) out.userName = d.userName;
  // data-theme-primary, data-theme-on-primary, …: every theme field (an unknown one is a config error later).
  for (const [k, v] of Object.entries(d)) if (/^theme[A-Z]/.test(k)) theme[k[5]!.toLowerCase() + k.slice(6)] = v;
  if (d.position !== undefined) theme.position = d.position;
  if (d.locale !== undefined) out.locale = d.locale;
  if (d.privacyUrl !== undefined) out.privacyUrl = d.privacyUrl;
  if (d.sdkUrl !== undefined) sdk.url = d.sdkUrl;
  if (d.sdkVersion !== undefined) sdk.version = d.sdkVersion;
  // The masking validator reads the attribute form itself ("payment,identity", "default,strict", "off").
  if (d.masking !== undefined) out.masking = d.masking as unknown as MaskingConfig;
  if (d.remoteAssist !== undefined) out.remoteAssist = bool('remoteAssist', d.remoteAssist);
  if (d.launcher !== undefined) out.launcher = bool('launcher', d.launcher);
  if (d.launcherLabel !== undefined || d.launcherIcon !== undefined) {
    out.launcher = out.launcher === false ? false : { ...(d.launcherLabel ? { label: d.launcherLabel } : {}), ...(d.launcherIcon ? { icon: d.launcherIcon } : {}) };
  }
  if (d.recovery !== undefined) out.recovery = d.recovery;
  if (d.multiTab !== undefined) out.multiTab = bool('multiTab', d.multiTab);
  if (d.debug !== undefined) out.debug = bool('debug', d.debug);
  if (d.autoMount !== undefined) bool('autoMount', d.autoMount);
  // A script allowed by a CSP nonce passes the same nonce to what it injects.
  const nonce = d.nonce ?? (el.nonce || el.getAttribute('nonce') || undefined);
  if (nonce) out.nonce = nonce;
  if (Object.keys(theme).length) out.theme = theme;
  if (Object.keys(sdk).length) out.sdk = sdk;
  return out as Partial<CobrowseConfig>;
}
