import { cleanIdentity, fitUserId, generateUserId, isJsonContentType, parseTokenRequest, readCappedText } from './body';
import { describeError, LOG_PREFIX, redact } from './messages';
import { resolveOptions } from './options';
import { createMemoryRateLimit } from './rate-limit';
import { ALLOWED_METHODS, emptyResponse, errorResponse, jsonResponse, PREFLIGHT_MAX_AGE_SECONDS } from './responses';
import { createSigner, type CobrowseClaims } from './sign';
import type { RateLimitResult, TokenHandler, TokenHandlerFailure, TokenHandlerOptions, TokenResponseBody } from './types';

/** The display name in a token whose request gave none. */
const DEFAULT_NAMES = { 1: 'Customer', 2: 'Agent' } as const;

/** Retry-After when a custom `rateLimit` hook answers a bare `false`. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Long enough for any real origin; a longer header is someone else's garbage, not worth echoing whole. */
const MAX_SHOWN_ORIGIN = 200;
const REFUSED_ORIGIN_LOG_INTERVAL_MS = 60_000;
const MAX_REFUSED_ORIGINS_LOGGED = 10;

const GENERIC_500 = 'The token service failed. The site owner can find details in the server log.';

/** Distinguishes "the hook said no" from "the hook is broken" (a 500, reported). */
function readVerdict(result: RateLimitResult): { allowed: boolean; retryAfterSeconds?: number | undefined; unavailable?: boolean | undefined } | undefined {
  if (typeof result === 'boolean') return { allowed: result };
  if (typeof result === 'object' && result !== null && typeof result.allowed === 'boolean') return result;
  return undefined;
}

/**
 * Creates the token endpoint: a Web `(Request) => Promise<Response>` that signs
 * Cobrowse SDK JWTs. Customer tokens only, unless `authorizeAgent` says yes.
 * Throws at construction for options it cannot run with.
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const o = resolveOptions(options);
  const rateLimit = o.rateLimit === undefined ? createMemoryRateLimit() : o.rateLimit;
  const sign = createSigner(o.sdkSecret);

  // One log line per refused origin per minute, for at most 10 origins a
  // minute: enough to spot a missing allowlist entry, without letting a script
  // flood the log by rotating Origin (the rest is summed up in one line).
  const loggedOrigins = new Set<string>();
  let logWindowStart = -Infinity;
  let unlogged = 0;
  const logRefusedOrigin = (origin: string): void => {
    const time = o.now();
    if (time - logWindowStart >= REFUSED_ORIGIN_LOG_INTERVAL_MS) {
      if (unlogged > 0) {
        console.warn(`${LOG_PREFIX} Token handler: ${unlogged} more token requests from other refused origins were not logged in the last minute.`);
      }
      logWindowStart = time;
      loggedOrigins.clear();
      unlogged = 0;
    }
    if (loggedOrigins.has(origin)) return;
    if (loggedOrigins.size >= MAX_REFUSED_ORIGINS_LOGGED) {
      unlogged += 1;
      return;
    }
    loggedOrigins.add(origin);
    // JSON.stringify escapes control characters, so a forged Origin cannot forge log lines.
    console.warn(
      origin === 'null'
        ? `${LOG_PREFIX} Token handler: refused a token request from origin "null" (403: a sandboxed iframe, a file:// page or a privacy redirect; never allowed).`
        : `${LOG_PREFIX} Token handler: refused a token request from origin ${JSON.stringify(origin)} (403, not in allowedOrigins). ` +
            'If that page should show the widget, add its origin to allowedOrigins.',
    );
  };

  const report = (error: unknown, during: TokenHandlerFailure, request: Request, cors?: Headers): Response => {
    try {
      if (o.onError) {
        o.onError(error, { during, request });
      } else {
        console.error(
          `${LOG_PREFIX} Token handler: ${during === 'sign' || during === 'handler' ? `${during} step` : `the ${during} hook`} failed; ` +
            `the request was answered with a generic 500. ${redact(describeError(error), [o.sdkSecret])}`,
        );
      }
    } catch {
      // A broken logger must not turn a 500 into an unhandled rejection.
    }
    // CORS headers when known, so the widget sees a server error rather than "network failure".
    return errorResponse(500, 'internal_error', GENERIC_500, cors);
  };

  const handle = async (request: Request): Promise<Response> => {
    const origin = request.headers.get('origin');
    let originOk: boolean;
    if (origin === null) {
      originOk = o.allowMissingOrigin;
    } else if (origin === 'null') {
      // Sandboxed iframes, file:// pages and some redirects: no site can vouch for it.
      originOk = false;
    } else {
      try {
        originOk = (await o.originAllowed(origin, request)) === true;
      } catch (error) {
        return report(error, 'allowedOrigins', request);
      }
    }

    const cors = new Headers();
    if (origin !== null && originOk) {
      cors.set('access-control-allow-origin', origin);
      if (o.allowCredentials) cors.set('access-control-allow-credentials', 'true');
    }
    const refuseOrigin = (): Response => {
      if (origin === null) {
        return errorResponse(
          403,
          'origin_not_allowed',
          'The request has no Origin header. Browsers send one with every POST; server-to-server callers need allowMissingOrigin: true.',
        );
      }
      const shown = origin.slice(0, MAX_SHOWN_ORIGIN);
      logRefusedOrigin(shown);
      return errorResponse(
        403,
        'origin_not_allowed',
        origin === 'null'
          ? 'Origin "null" (a sandboxed iframe, a file:// page or a privacy redirect) may never request tokens.'
          : `The origin "${shown}" may not request tokens. If it is your site, add it to allowedOrigins on the server.`,
      );
    };

    if (request.method === 'OPTIONS') {
      if (!originOk) return refuseOrigin();
      if (origin === null) return emptyResponse(204, { allow: ALLOWED_METHODS });
      cors.set('access-control-allow-methods', 'POST');
      cors.set('access-control-allow-headers', o.allowHeaders);
      cors.set('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
      return emptyResponse(204, cors);
    }
    if (request.method !== 'POST') {
      cors.set('allow', ALLOWED_METHODS);
      return errorResponse(405, 'method_not_allowed', `Use POST (got ${request.method.slice(0, 16)}).`, cors);
    }
    if (!originOk) return refuseOrigin();

    if (rateLimit) {
      let verdict: ReturnType<typeof readVerdict>;
      try {
        verdict = readVerdict(await rateLimit(request));
        if (verdict === undefined) throw new TypeError('rateLimit must return true, false or { allowed, retryAfterSeconds }.');
      } catch (error) {
        return report(error, 'rateLimit', request, cors);
      }
      if (!verdict.allowed) {
        const retry = verdict.retryAfterSeconds;
        cors.set('retry-after', String(retry !== undefined && retry > 0 ? Math.ceil(retry) : DEFAULT_RETRY_AFTER_SECONDS));
        // Retry-After is not a CORS-safelisted response header; expose it so the widget can wait that long.
        cors.set('access-control-expose-headers', 'Retry-After');
        if (verdict.unavailable === true) {
          return errorResponse(503, 'service_unavailable', 'The token service cannot check its rate limit right now. Try again shortly.', cors);
        }
        return errorResponse(429, 'rate_limited', 'Too many token requests. Wait, then try again.', cors);
      }
    }

    if (!isJsonContentType(request.headers.get('content-type'))) {
      return errorResponse(415, 'unsupported_media_type', 'Send the body as JSON with "content-type: application/json".', cors);
    }
    const read = await readCappedText(request, o.maxBodyBytes);
    if (!read.ok) {
      if (read.reason === 'too_large') {
        return errorResponse(413, 'payload_too_large', `The request body is larger than ${o.maxBodyBytes} bytes.`, cors);
      }
      const why = read.reason === 'not_utf8' ? 'is not UTF-8' : 'could not be read';
      return errorResponse(400, 'invalid_request', `The request body ${why}.`, cors);
    }
    const parsed = parseTokenRequest(read.text, o.ttlSeconds);
    if (!parsed.ok) return errorResponse(400, parsed.code, parsed.message, cors);
    const body = parsed.body;
    const role = body.role ?? 1;

    if (role === 2) {
      if (!o.authorizeAgent) {
        return errorResponse(403, 'agent_not_authorized', 'This endpoint issues customer tokens only (no authorizeAgent hook is configured).', cors);
      }
      let allowed: boolean;
      try {
        // Only a literal true grants it: a truthy string or object from a buggy hook must not.
        allowed = (await o.authorizeAgent(request, { body })) === true;
      } catch (error) {
        return report(error, 'authorizeAgent', request, cors);
      }
      if (!allowed) return errorResponse(403, 'agent_not_authorized', 'This request may not receive an agent token.', cors);
    }

    let userId = body.userId;
    let userName = body.userName;
    if (o.identify) {
      try {
        const identity = await o.identify(request, { role, body });
        if (identity === false) {
          return errorResponse(401, 'unauthenticated', 'Sign in to this site to start a support session.', cors);
        }
        // Body identity is ignored: with identify, the site's session is the only source of truth.
        ({ userId, userName } = identity === null || identity === undefined ? { userId: undefined, userName: undefined } : cleanIdentity(identity));
      } catch (error) {
        return report(error, 'identify', request, cors);
      }
    }

    const iat = Math.floor(o.now() / 1000);
    const exp = iat + (body.expirationSeconds ?? o.ttlSeconds);
    // Zoom requires both claims. A missing name is the role ("Customer"), not the id: the agent
    // reads it on screen, and a 32-character hex id tells them nothing.
    const fittedId = userId === undefined ? generateUserId() : await fitUserId(userId);
    const claims: CobrowseClaims = {
      app_key: o.sdkKey,
      role_type: role,
      iat,
      exp,
      user_id: fittedId,
      user_name: userName ?? DEFAULT_NAMES[role],
    };
    if (o.enableByop) claims.enable_byop = 1;

    let token: string;
    try {
      token = await sign(claims);
    } catch (error) {
      return report(error, 'sign', request, cors);
    }
    const result: TokenResponseBody = { token, expiresAt: new Date(exp * 1000).toISOString() };
    return jsonResponse(200, result, cors);
  };

  return async function handleTokenRequest(request: Request): Promise<Response> {
    try {
      return await handle(request);
    } catch (error) {
      return report(error, 'handler', request);
    }
  };
}
