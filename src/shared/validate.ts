import { CobrowseConfigError } from './config-error';

/**
 * A small hand-written validator: no schema library in the script-tag bundle.
 * Every check names the dotted path of the field and what is accepted.
 */

/** Describes a value for an error message without echoing long or sensitive text. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Why a secret-looking field is refused, wherever config comes from (an object, a script tag's attributes). */
export const SECRET_PROBLEM =
  'secrets must never be put in browser config: anyone can read them. Keep the SDK secret on your server and sign tokens there (see zoom-cobrowse-widget/server); pass the token endpoint URL as `token`.';

/** Field names that look like a secret: refused wherever config comes from. */
export const SECRET_NAME = /secret|private[-_]?key|password|passwd|credential/i;

/** True for plain `{}` objects (not arrays, DOM nodes or class instances). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` is a plain object whose keys are all in `allowed`.
 * A key that looks like a secret gets its own message: secrets must never reach the browser.
 */
export function checkObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(value)) throw new CobrowseConfigError(path, `expected an object, got ${describe(value)}.`);
  refuseSecrets(value, path);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new CobrowseConfigError(fieldPath(path, key), `unknown option. Accepted options${path ? ` in "${path}"` : ''}: ${allowed.join(', ')}.`);
    }
  }
  return value;
}

/** `path.key`, with an odd key (empty, huge, control characters) quoted and cut, so a message still points at it. */
function fieldPath(path: string, key: string): string {
  const name = /^[\w$-]{1,60}$/.test(key) ? key : JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
  return path ? `${path}.${name}` : name;
}

/** Throws CobrowseConfigError for the first key of `value` that looks like a secret: secrets must never reach the browser. */
export function refuseSecrets(value: Record<string, unknown>, path: string): void {
  for (const key of Object.keys(value)) if (SECRET_NAME.test(key)) throw new CobrowseConfigError(fieldPath(path, key), SECRET_PROBLEM);
}

/** Optional string, non-empty after trimming. */
export function optString(value: unknown, path: string, hint = 'a non-empty string'): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new CobrowseConfigError(path, `expected ${hint}, got ${describe(value)}.`);
  return value.trim();
}

/** Optional boolean. */
export function optBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new CobrowseConfigError(path, `expected true or false, got ${describe(value)}.`);
  return value;
}

/** Optional finite number within [min, max]. */
export function optNumber(value: unknown, path: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new CobrowseConfigError(path, `expected a number from ${min} to ${max}, got ${describe(value)}.`);
  }
  return value;
}

/** Optional web link: an http(s) or relative URL, parsed like the browser will (never javascript: or data:). */
export function optWebUrl(value: unknown, path: string): string | undefined {
  if (value === undefined) return value;
  let ok = false;
  try {
    // The browser strips leading control characters before it reads the scheme; so does URL.
    ok = typeof value === 'string' && /^https?:$/.test(new URL(value, 'https://relative.invalid/').protocol);
  } catch {
    /* not a URL */
  }
  if (!ok) throw new CobrowseConfigError(path, `expected an http(s) or relative URL, got ${describe(value)}.`);
  return value as string;
}

/** Optional value from a fixed list. */
export function optOneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new CobrowseConfigError(path, `expected one of ${options.map((o) => `"${o}"`).join(', ')}, got ${describe(value)}.`);
  }
  return value as T;
}

// Shapes a colour can take: hex, a name, a colour function, or var(--token). One level of nesting (for
// color-mix), and only of colour functions or var(): url(), image() or expression() never pass.
const COLOR = /^(#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})|[a-z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\([\w\s.,%/+-]*(?:(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|var)\([\w\s.,%/+-]*\)[\w\s.,%/+-]*)*\)|var\(--[\w-]+\))$/i;

/**
 * True for a CSS colour: a shape that cannot break out of a declaration, then the
 * browser's own parser when there is one (SSR and tests have the shape check alone).
 */
export function isCssColor(value: string): boolean {
  const v = value.trim();
  const css = (globalThis as { CSS?: { supports?: (p: string, v: string) => boolean } }).CSS;
  return COLOR.test(v) && (typeof css?.supports !== 'function' || css.supports('color', v));
}

/** Optional CSS colour; theme values are never pasted into CSS unchecked. */
export function optColor(value: unknown, path: string): string | undefined {
  const s = optString(value, path, 'a CSS colour such as "#0b5cff" or "rgb(11 92 255)"');
  if (s !== undefined && !isCssColor(s)) {
    throw new CobrowseConfigError(path, `${describe(s)} is not a CSS colour. Use a value such as "#0b5cff", "rgb(11 92 255)" or "rebeccapurple".`);
  }
  return s;
}
