import type { TokenErrorBody, TokenErrorCode } from './types';

/** Methods this endpoint answers; sent in `Allow` and CORS headers. */
export const ALLOWED_METHODS = 'POST, OPTIONS';

/**
 * Chromium caps preflight caching at 2 hours. Caching is harmless here: the
 * POST itself is still checked against the allowlist.
 */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/** Headers on every answer: a token must not be cached by the browser or a CDN. */
function baseHeaders(extra: HeadersInit | undefined): Headers {
  const headers = new Headers(extra);
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  // The answer depends on Origin, so a shared cache must not reuse one origin's answer for another.
  headers.append('vary', 'Origin');
  return headers;
}

/** A JSON response with the endpoint's standard headers. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const all = baseHeaders(headers);
  all.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers: all });
}

/** An error in the `{ error: { code, message } }` shape. */
export function errorResponse(status: number, code: TokenErrorCode, message: string, headers?: HeadersInit): Response {
  const body: TokenErrorBody = { error: { code, message } };
  return jsonResponse(status, body, headers);
}

/** A body-less response (preflight) with the standard headers. */
export function emptyResponse(status: number, headers?: HeadersInit): Response {
  return new Response(null, { status, headers: baseHeaders(headers) });
}
