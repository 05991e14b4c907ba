import { LOG_PREFIX, optionName, TokenHandlerConfigError } from './messages';
import type { RateLimitHook, TokenHandlerOptions } from './types';

/** Zoom's accepted `exp - iat` window, in seconds (docs/zoom-sdk.md, "JWT"). */
export const MIN_TTL_SECONDS = 1800;
export const MAX_TTL_SECONDS = 172_800;
/** Zoom's own sample endpoint issues 2-hour tokens; long enough for a support call. */
export const DEFAULT_TTL_SECONDS = 7200;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
/**
 * HS256 with a key shorter than the hash output (32 bytes) is forbidden by
 * RFC 7518 §3.2, and Zoom-issued SDK secrets are at least that long, so a
 * shorter value is a placeholder or a truncated paste — better caught at boot
 * than as Zoom rejecting every session with "invalid token".
 */
export const MIN_SECRET_LENGTH = 32;

const KNOWN_OPTIONS = new Set<keyof TokenHandlerOptions>([
  'sdkKey',
  'sdkSecret',
  'allowedOrigins',
  'allowMissingOrigin',
  'allowCredentials',
  'allowHeaders',
  'ttlSeconds',
  'enableByop',
  'maxBodyBytes',
  'authorizeAgent',
  'identify',
  'rateLimit',
  'onError',
  'now',
]);

/** Options after validation, defaults applied. */
export interface ResolvedOptions {
  sdkKey: string;
  sdkSecret: string;
  /** Exact serialized origins (`URL#origin`), or the caller's predicate. */
  originAllowed: (origin: string, request: Request) => boolean | Promise<boolean>;
  allowMissingOrigin: boolean;
  allowCredentials: boolean;
  /** Value of Access-Control-Allow-Headers. */
  allowHeaders: string;
  ttlSeconds: number;
  enableByop: boolean;
  maxBodyBytes: number;
  authorizeAgent: TokenHandlerOptions['authorizeAgent'];
  identify: TokenHandlerOptions['identify'];
  rateLimit: RateLimitHook | false | undefined;
  onError: TokenHandlerOptions['onError'];
  now: () => number;
}

/** A header name as RFC 9110 defines a token; anything else would corrupt the CORS header. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function fail(option: string, problem: string): never {
  throw new TokenHandlerConfigError(option, problem);
}

function optionalBoolean(options: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(key, `expected true or false, got ${typeof value}.`);
  return value;
}

function optionalFunction<T>(options: Record<string, unknown>, key: string): T | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'function') fail(key, `expected a function, got ${typeof value}.`);
  return value as T;
}

/** Parses one allowlist entry into the exact string browsers send in `Origin`. */
function normaliseOrigin(entry: unknown, index: number): string {
  const field = `allowedOrigins[${index}]`;
  if (typeof entry !== 'string' || entry.trim() === '') fail(field, 'expected an origin such as "https://shop.example.com".');
  if (entry.includes('*')) {
    fail(field, `wildcards are not supported ("${entry}"). List each origin, or pass a function (origin) => boolean.`);
  }
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    return fail(field, `"${entry}" is not a URL. Write an origin such as "https://shop.example.com".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(field, `"${entry}" must start with https:// or http://.`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || url.username !== '') {
    fail(field, `"${entry}" has a path, query or credentials; an origin is only scheme://host[:port], e.g. "${url.origin}".`);
  }
  return url.origin;
}

function resolveOrigins(value: unknown): ResolvedOptions['originAllowed'] {
  if (typeof value === 'function') return value as ResolvedOptions['originAllowed'];
  if (value === undefined) {
    fail(
      'allowedOrigins',
      'required. List the origins of the pages that show the widget, e.g. allowedOrigins: ["https://shop.example.com"].',
    );
  }
  if (value === '*') fail('allowedOrigins', '"*" would let any website mint tokens with your SDK secret. List your origins instead.');
  if (!Array.isArray(value)) fail('allowedOrigins', 'expected an array of origins or a function (origin) => boolean.');
  const origins = new Set(value.map(normaliseOrigin));
  return (origin) => origins.has(origin);
}

function resolveTtl(value: unknown): number {
  if (value === undefined) return DEFAULT_TTL_SECONDS;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('ttlSeconds', 'expected a number of seconds, e.g. 7200.');
  const clamped = Math.min(MAX_TTL_SECONDS, Math.max(MIN_TTL_SECONDS, Math.floor(value)));
  if (clamped !== value) {
    // A clamp is safe to continue with, but the site owner asked for something else.
    console.warn(
      `${LOG_PREFIX} ttlSeconds ${value} is outside Zoom's accepted ${MIN_TTL_SECONDS}..${MAX_TTL_SECONDS} seconds; using ${clamped}.`,
    );
  }
  return clamped;
}

/** Validates options, failing at construction with a message that says what to change. */
export function resolveOptions(input: TokenHandlerOptions): ResolvedOptions {
  if (typeof input !== 'object' || input === null) {
    fail('options', 'expected an object such as { sdkKey, sdkSecret, allowedOrigins }.');
  }
  const options = input as unknown as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key as keyof TokenHandlerOptions)) {
      fail(optionName(key), `unknown option. Accepted options: ${[...KNOWN_OPTIONS].join(', ')}.`);
    }
  }

  const { sdkKey, sdkSecret } = options;
  if (typeof sdkKey !== 'string' || sdkKey.trim() === '') {
    fail('sdkKey', 'missing. Pass your Cobrowse SDK key, e.g. sdkKey: process.env.ZOOM_SDK_KEY.');
  }
  if (typeof sdkSecret !== 'string' || sdkSecret.trim() === '') {
    fail('sdkSecret', 'missing. Pass your Cobrowse SDK secret from a server-side secret store, e.g. sdkSecret: process.env.ZOOM_SDK_SECRET.');
  }
  // A trailing newline from a .env file or a secret manager would silently change the signature.
  const secret = sdkSecret.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    // Say the length, never the value.
    fail(
      'sdkSecret',
      `too short (${secret.length} characters; at least ${MIN_SECRET_LENGTH} required for HS256). ` +
        'Copy the full SDK secret from your Zoom app\'s credentials page.',
    );
  }
  if (secret === sdkKey.trim()) fail('sdkSecret', 'is the same as sdkKey. Use the SDK secret, not the key.');

  const allowMissingOrigin = optionalBoolean(options, 'allowMissingOrigin', false);
  const originsValue = options['allowedOrigins'];
  const originAllowed = resolveOrigins(originsValue);
  if (Array.isArray(originsValue) && originsValue.length === 0 && !allowMissingOrigin) {
    fail('allowedOrigins', 'is empty and allowMissingOrigin is false, so every request would be refused. List your origins.');
  }

  const extraHeaders = options['allowHeaders'] ?? [];
  if (!Array.isArray(extraHeaders) || !extraHeaders.every((h) => typeof h === 'string' && HEADER_NAME.test(h))) {
    fail('allowHeaders', 'expected an array of header names, e.g. ["authorization"].');
  }
  const allowHeaders = [...new Set(['content-type', ...extraHeaders.map((h: string) => h.toLowerCase())])].join(', ');

  const maxBodyBytes = options['maxBodyBytes'] ?? DEFAULT_MAX_BODY_BYTES;
  if (typeof maxBodyBytes !== 'number' || !Number.isInteger(maxBodyBytes) || maxBodyBytes < 256) {
    fail('maxBodyBytes', 'expected a whole number of bytes, at least 256 (default 16384).');
  }

  const rateLimit = options['rateLimit'];
  if (rateLimit !== undefined && rateLimit !== false && typeof rateLimit !== 'function') {
    fail('rateLimit', 'expected a function (request) => boolean, or false to turn rate limiting off.');
  }

  const now = optionalFunction<() => number>(options, 'now') ?? Date.now;

  return {
    sdkKey: sdkKey.trim(),
    sdkSecret: secret,
    originAllowed,
    allowMissingOrigin,
    allowCredentials: optionalBoolean(options, 'allowCredentials', false),
    allowHeaders,
    ttlSeconds: resolveTtl(options['ttlSeconds']),
    enableByop: optionalBoolean(options, 'enableByop', false),
    maxBodyBytes,
    authorizeAgent: optionalFunction(options, 'authorizeAgent'),
    identify: optionalFunction(options, 'identify'),
    rateLimit: rateLimit as RateLimitHook | false | undefined,
    onError: optionalFunction(options, 'onError'),
    now,
  };
}
