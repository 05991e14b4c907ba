import { CobrowseConfigError } from '../shared/config-error';
import { describe, optString } from '../shared/validate';

/**
 * The checks that decide whether a widget may mount at all (an SDK key, a token
 * source that is not a literal token). The script tag's launcher runs them before it
 * paints; resolveConfig runs the same ones, so both report a mistake in the same words.
 */

const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;

/** Validates `sdkKey`: required, and usable in the SDK's URL. */
export function resolveSdkKey(value: unknown): string {
  const sdkKey = optString(value, 'sdkKey', 'your Zoom Cobrowse SDK key (a non-empty string)');
  if (!sdkKey) throw new CobrowseConfigError('sdkKey', 'required. Copy the SDK key from your Zoom Cobrowse app in the Zoom marketplace.');
  if (/[\s/?#]/.test(sdkKey)) throw new CobrowseConfigError('sdkKey', 'must not contain spaces, "/", "?" or "#": it becomes part of the SDK URL.');
  return sdkKey;
}

/** Validates `token`: a URL string or a function, never a literal JWT. */
export function resolveToken<F>(value: unknown): string | F {
  if (value === undefined || value === null || value === '') {
    throw new CobrowseConfigError('token', 'required. Pass the URL of your token endpoint (e.g. "/api/cobrowse/token") or an async function that returns a token.');
  }
  if (typeof value === 'function') return value as F;
  if (typeof value !== 'string') throw new CobrowseConfigError('token', `expected a URL string or an async function, got ${describe(value)}.`);
  if (JWT_SHAPE.test(value.trim())) {
    throw new CobrowseConfigError('token', 'looks like a literal JWT. Tokens expire: pass the URL of the endpoint that issues them, or a function that fetches one.');
  }
  try {
    new URL(value, 'http://relative.invalid/');
  } catch {
    throw new CobrowseConfigError('token', `${describe(value)} is not a URL. Pass an absolute or relative URL such as "/api/cobrowse/token".`);
  }
  return value.trim();
}
