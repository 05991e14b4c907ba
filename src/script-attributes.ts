import type { CobrowseConfig } from './config/config';
import { CobrowseConfigError, LOG_PREFIX } from './shared/config-error';
import { SECRET_NAME, SECRET_PROBLEM } from './shared/validate';

/**
 * The script tag's `data-*` attributes, as `dataset` keys (data-sdk-key → sdkKey), and the
 * config path each one fills; a leading `!` marks a boolean. Theme fields come as
 * data-theme-{field}. Anything else on the tag is the host page's own and is left alone,
 * unless it looks like a misspelling of one of these.
 */
const ATTRIBUTES: Record<string, string> = {
  sdkKey: 'sdkKey', tokenUrl: 'token', userId: 'userId', userName: 'userName', position: 'theme.position', locale: 'locale',
  privacyUrl: 'privacyUrl', sdkUrl: 'sdk.url', sdkVersion: 'sdk.version', masking: 'masking', recovery: 'recovery',
  remoteAssist: '!remoteAssist', launcher: '!launcher', multiTab: '!multiTab', debug: '!debug', autoMount: '!',
  // Read below, together: they build one launcher object, and the nonce has a fallback.
  launcherLabel: '', launcherIcon: '', nonce: '',
};
// data-theme-* attributes are read as theme fields, so a misspelt one is named by the theme validator.
const KNOWN = Object.keys(ATTRIBUTES);

/** `sdkKey` → `data-sdk-key`. */
export const attributeName = (key: string): string => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The known attribute a misspelt one most likely meant (data-token-ur, data-sdkkey), or undefined. */
export function likelyAttribute(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN) {
    // Levenshtein distance between the lower-case letters, in one row updated in place.
    const b = known.toLowerCase();
    const row = [...Array(b.length + 1).keys()];
    for (const x of key.toLowerCase().replace(/[^a-z]/g, '')) {
      let diagonal = row[0]!++;
      for (let j = 1; j <= b.length; j++) [diagonal, row[j]] = [row[j]!, Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + +(x !== b[j - 1]))];
    }
    // At most two edits, and never more than a third of the name: "data-label" is the page's own, not data-locale.
    const d = row[b.length]!;
    if (d < bestDistance && d <= b.length / 3) [best, bestDistance] = [known, d];
  }
  return best;
}

/**
 * Reads the script tag's data attributes into config fields; resolveConfig validates
 * them afterwards like any config. Here a secret-looking attribute and a boolean that is
 * not one throw CobrowseConfigError, and a near-miss of a known attribute is warned about.
 */
export function configFromAttributes(el: HTMLElement, warn: (message: string) => void = (m) => console.warn(m)): Partial<CobrowseConfig> {
  const d = el.dataset;
  const out: Record<string, unknown> = {};
  const theme: Record<string, unknown> = {};
  const sdk: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) {
    if (SECRET_NAME.test(key)) throw new CobrowseConfigError(attributeName(key), SECRET_PROBLEM);
    let path = ATTRIBUTES[key];
    if (/^theme[A-Z]/.test(key)) path = `theme.${key[5]!.toLowerCase()}${key.slice(6)}`;
    if (path === undefined) {
      const meant = likelyAttribute(key);
      if (meant) warn(`${LOG_PREFIX} the script tag has ${attributeName(key)}, which the widget does not read. Did you mean ${attributeName(meant)}?`);
      continue;
    }
    let v: unknown = value;
    if (path[0] === '!') {
      path = path.slice(1);
      if (value === '' || value === 'true' || value === '1') v = true;
      else if (value === 'false' || value === '0') v = false;
      else throw new CobrowseConfigError(attributeName(key), `expected "true" or "false", got ${JSON.stringify(value)}. Write ${attributeName(key)}="true" (or leave the value empty) to turn it on.`);
    }
    const [head, field] = path.split('.') as [string, string?];
    if (field) (head === 'theme' ? theme : sdk)[field] = v;
    else if (head) out[head] = v;
  }
  if (d.launcherLabel !== undefined || d.launcherIcon !== undefined) {
    out.launcher = out.launcher === false ? false : { ...(d.launcherLabel ? { label: d.launcherLabel } : {}), ...(d.launcherIcon ? { icon: d.launcherIcon } : {}) };
  }
  // A script allowed by a CSP nonce passes the same nonce to what it injects.
  const nonce = d.nonce ?? (el.nonce || el.getAttribute('nonce') || undefined);
  if (nonce) out.nonce = nonce;
  if (Object.keys(theme).length) out.theme = theme;
  if (Object.keys(sdk).length) out.sdk = sdk;
  return out as Partial<CobrowseConfig>;
}
