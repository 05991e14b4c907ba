import { MIN_TTL_SECONDS } from './options';
import type { TokenIdentity, TokenRequestBody, ZoomRole } from './types';

/**
 * Zoom's authorization page allows `user_name` up to 80 characters (counted
 * here in UTF-16 units, the stricter measure). Its sample endpoint caps names
 * at 35, but that is the sample's choice, not Zoom's limit (docs/zoom-sdk.md).
 */
export const MAX_NAME_LENGTH = 80;
/** Zoom's sample endpoint caps ids at 35 characters; ids stay within it. */
export const MAX_USER_ID_LENGTH = 35;

/** Outcome of reading the body: its text, or why it could not be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'unreadable' | 'not_utf8' };

/** Outcome of validating the body. */
export type ParseResult = { ok: true; body: TokenRequestBody } | { ok: false; code: 'invalid_json' | 'invalid_request'; message: string };

/**
 * Only `application/json` is accepted: it is not a CORS-safelisted type, so a
 * cross-site page cannot POST it without a preflight — which the origin check
 * then refuses. A `text/plain` "simple request" would skip that gate.
 */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** Outcome of reading the body as bytes. */
export type ReadBytesResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' | 'unreadable' };

/**
 * Reads at most `maxBytes` from the body stream. Content-Length is only a hint
 * for refusing early: chunked requests have none and a client can lie, so the
 * count that matters is the bytes actually read.
 */
export async function readCappedBytes(request: Request, maxBytes: number): Promise<ReadBytesResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return { ok: false, reason: 'too_large' };
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Stop the upload instead of buffering the rest of it.
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Strict UTF-8 decoding: `undefined` for bytes that are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads at most `maxBytes` of the body as UTF-8 text (see `readCappedBytes`). */
export async function readCappedText(request: Request, maxBytes: number): Promise<ReadResult> {
  const read = await readCappedBytes(request, maxBytes);
  if (!read.ok) return read;
  const text = decodeUtf8(read.bytes);
  return text === undefined ? { ok: false, reason: 'not_utf8' } : { ok: true, text };
}

/**
 * C0/C1 controls, plus the invisible bidi and zero-width characters that can
 * make a display name read differently on the agent's screen (e.g. "Support
 * Team" spelled backwards behind an override).
 */
const INVISIBLE = /[\p{Cc}\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Turns line breaks and tabs into spaces, drops other invisible characters, collapses runs of spaces. */
function clean(value: string): string {
  return value.replace(/\s+/gu, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function clampUnits(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  for (const codePoint of value) {
    if (out.length + codePoint.length > max) break;
    out += codePoint;
  }
  return out.trimEnd();
}

/** A display name safe to put in the JWT, or `undefined` when nothing usable is left. */
export function cleanUserName(value: string): string | undefined {
  const name = clampUnits(clean(value), MAX_NAME_LENGTH);
  return name === '' ? undefined : name;
}

/** A user id with invisible characters removed, or `undefined` when nothing is left. */
export function cleanUserId(value: string): string | undefined {
  const id = clean(value);
  return id === '' ? undefined : id;
}

/**
 * Fits a user id into 35 characters. Cutting it would let two ids sharing a
 * prefix collide inside a session (Zoom error 1015) — and a UUID is already
 * 36 — so a longer id becomes a stable hash of itself instead.
 */
export async function fitUserId(id: string): Promise<string> {
  if (id.length <= MAX_USER_ID_LENGTH) return id;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  const base64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `h${base64url.slice(0, MAX_USER_ID_LENGTH - 1)}`;
}

/** A user id for anonymous visitors: a UUID without dashes, so it fits in 35 characters. */
export function generateUserId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

function toRole(value: unknown): ZoomRole | undefined | null {
  if (value === undefined || value === null) return undefined;
  // Zoom's sample accepts "1"/"2" as strings (its curl example sends them), so do we.
  if (value === 1 || value === '1') return 1;
  if (value === 2 || value === '2') return 2;
  return null;
}

function toSeconds(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : null;
}

const invalid = (message: string): ParseResult => ({ ok: false, code: 'invalid_request', message });

/** Parses and validates the request body; unknown fields are ignored for forward compatibility. */
export function parseTokenRequest(text: string, ttlSeconds: number): ParseResult {
  let raw: unknown;
  if (text.trim() === '') {
    raw = {};
  } else {
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, code: 'invalid_json', message: 'The request body is not valid JSON.' };
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid('The request body must be a JSON object such as {"role":1}.');
  }
  const record = raw as Record<string, unknown>;
  const body: TokenRequestBody = {};

  const role = toRole(record['role']);
  if (role === null) return invalid('"role" must be 1 (customer) or 2 (agent).');
  if (role !== undefined) body.role = role;

  const userId = record['userId'];
  if (userId !== undefined && userId !== null) {
    if (typeof userId !== 'string') return invalid('"userId" must be a string.');
    const cleaned = cleanUserId(userId);
    if (cleaned !== undefined) body.userId = cleaned;
  }

  const userName = record['userName'];
  if (userName !== undefined && userName !== null) {
    if (typeof userName !== 'string') return invalid('"userName" must be a string.');
    const cleaned = cleanUserName(userName);
    if (cleaned !== undefined) body.userName = cleaned;
  }

  const seconds = toSeconds(record['expirationSeconds']);
  if (seconds === null) return invalid('"expirationSeconds" must be a positive number of seconds.');
  // Clients may ask for a shorter token than the server allows, never a longer one.
  if (seconds !== undefined) body.expirationSeconds = Math.min(ttlSeconds, Math.max(MIN_TTL_SECONDS, seconds));

  return { ok: true, body };
}

/** Validates what `identify` returned; a bad value is the site's bug, reported as such. */
export function cleanIdentity(identity: TokenIdentity): { userId: string | undefined; userName: string | undefined } {
  if (typeof identity !== 'object' || identity === null) {
    throw new TypeError('identify must return { userId?, userName? }, null/undefined for an anonymous visitor, or false to refuse.');
  }
  let userId: string | undefined;
  if (identity.userId !== undefined && identity.userId !== null) {
    if (typeof identity.userId !== 'string') throw new TypeError('identify returned a userId that is not a string.');
    userId = cleanUserId(identity.userId);
  }
  let userName: string | undefined;
  if (identity.userName !== undefined && identity.userName !== null) {
    if (typeof identity.userName !== 'string') throw new TypeError('identify returned a userName that is not a string.');
    userName = cleanUserName(identity.userName);
  }
  return { userId, userName };
}
