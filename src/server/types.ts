/** Zoom's `role_type`: 1 = customer (shares the page), 2 = agent (views it). */
export type ZoomRole = 1 | 2;

/** A Web-standard request handler: Next.js route handlers, Workers, Deno, Bun. */
export type TokenHandler = (request: Request) => Promise<Response>;

/** The JSON body the endpoint accepts; the same fields as Zoom's sample endpoint. */
export interface TokenRequestBody {
  /** 1 = customer (default), 2 = agent (needs `authorizeAgent`). */
  role?: ZoomRole;
  /** Stable id for this participant; generated when absent, hashed to 35 characters when longer. */
  userId?: string;
  /** Display name shown to the other side; clamped to 80 characters; the user id when absent. */
  userName?: string;
  /** Requested lifetime; clamped to 1800..`ttlSeconds`. */
  expirationSeconds?: number;
}

/** Who the token is for, as returned by the `identify` hook. */
export interface TokenIdentity {
  /** Stable id from your own session; hashed to 35 characters when longer; generated when absent. */
  userId?: string;
  /** Display name from your own session; clamped to 80 characters; the user id when absent. */
  userName?: string;
}

/** Second argument of `authorizeAgent`: the request body, already read and validated. */
export interface AuthorizeAgentDetails {
  /** The validated request body (the request stream has already been consumed). */
  body: TokenRequestBody;
}

/** Second argument of `identify`. */
export interface IdentifyDetails {
  /** The role being issued (2 only after `authorizeAgent` said yes). */
  role: ZoomRole;
  /** The validated request body (the request stream has already been consumed). */
  body: TokenRequestBody;
}

/**
 * What a rate limiter answers: a boolean, or a verdict with a Retry-After hint.
 * `unavailable: true` on a refusal means the limiter could not count (its store
 * is down) and refuses anyway: the handler answers 503 instead of 429.
 */
export type RateLimitResult = boolean | { allowed: boolean; retryAfterSeconds?: number; unavailable?: boolean };

/** Decides whether this request may proceed; `false` answers 429. */
export type RateLimitHook = (request: Request) => RateLimitResult | Promise<RateLimitResult>;

/** Which part of the handler failed, for `onError`. */
export type TokenHandlerFailure = 'allowedOrigins' | 'rateLimit' | 'authorizeAgent' | 'identify' | 'sign' | 'handler';

/** Second argument of `onError`. */
export interface TokenHandlerErrorDetails {
  /** The hook that threw, or `sign`/`handler` for the handler's own steps. */
  during: TokenHandlerFailure;
  /** The request being answered with a 500. */
  request: Request;
}

/** Options of `createTokenHandler`. Unknown keys are rejected at construction. */
export interface TokenHandlerOptions {
  /** Your Cobrowse SDK key (the `app_key` claim). Required. */
  sdkKey: string;
  /** Your Cobrowse SDK secret; signs the JWT and never leaves the server. At least 32 characters. Required. */
  sdkSecret: string;
  /**
   * Browser origins allowed to request tokens, e.g. `['https://shop.example.com']`,
   * or a predicate for patterns (preview deployments). Required: a token endpoint
   * open to every origin is exactly the flaw of Zoom's sample.
   */
  allowedOrigins: readonly string[] | ((origin: string, request: Request) => boolean | Promise<boolean>);
  /**
   * Accept requests that carry no `Origin` header (server-to-server calls, curl).
   * Browsers send `Origin` on every cross-origin and same-origin POST, so only
   * non-browser clients omit it.
   * @default false
   */
  allowMissingOrigin?: boolean;
  /**
   * Send `Access-Control-Allow-Credentials: true` so a cross-origin page can
   * send cookies for `identify`/`authorizeAgent` (`fetch(url, { credentials: 'include' })`).
   * @default false
   */
  allowCredentials?: boolean;
  /**
   * Request headers a cross-origin page may send besides `content-type`, e.g.
   * `['authorization']` when `authorizeAgent` reads a bearer token.
   * @default []
   */
  allowHeaders?: readonly string[];
  /**
   * Token lifetime in seconds, clamped to Zoom's window of 1800 (30 min) to 172800 (48 h).
   * A request's `expirationSeconds` can shorten it, never lengthen it.
   * @default 7200
   */
  ttlSeconds?: number;
  /**
   * Add `enable_byop: 1` so the widget may start with its own PIN (`customPinCode`);
   * required when the widget loads the SDK from npm.
   * @default false
   */
  enableByop?: boolean;
  /**
   * Largest request body accepted, in bytes; larger bodies answer 413.
   * @default 16384
   */
  maxBodyBytes?: number;
  /**
   * Decides whether this request may receive an agent token (`role: 2`). Only a
   * resolved `true` grants it. Without this hook, agent tokens are never issued.
   */
  authorizeAgent?: (request: Request, details: AuthorizeAgentDetails) => boolean | Promise<boolean>;
  /**
   * Takes the user from your own session instead of the request body. Return an
   * identity, `null`/`undefined` for an anonymous visitor (generated id), or
   * `false` to refuse the token (401). When set, body `userId`/`userName` are ignored.
   */
  identify?: (
    request: Request,
    details: IdentifyDetails,
  ) => TokenIdentity | false | null | undefined | Promise<TokenIdentity | false | null | undefined>;
  /**
   * Per-request rate limit; `false` from the hook answers 429. Defaults to an
   * in-memory limiter (60 requests per minute per client IP) that only sees this
   * process: pass `createRedisRateLimit({ client })` (or your own hook backed by
   * a shared store) when you run several instances, or `false` to turn rate limiting off.
   * @default createMemoryRateLimit()
   */
  rateLimit?: RateLimitHook | false;
  /**
   * Called when a hook or signing throws (the client gets a generic 500). The
   * default logs through `console.error` with the SDK secret and any JWT redacted.
   */
  onError?: (error: unknown, details: TokenHandlerErrorDetails) => void;
  /**
   * Clock in epoch milliseconds, for tests.
   * @default Date.now
   */
  now?: () => number;
}

/** Successful response body. */
export interface TokenResponseBody {
  /** The signed Cobrowse SDK JWT. */
  token: string;
  /** When the token expires, as an ISO 8601 timestamp (the JWT's `exp`). */
  expiresAt: string;
}

/** Machine-readable error codes in `{ error: { code, message } }` responses. */
export type TokenErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'unauthenticated'
  | 'origin_not_allowed'
  | 'agent_not_authorized'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'service_unavailable'
  | 'internal_error';

/** Error response body. */
export interface TokenErrorBody {
  /** What went wrong: a stable `code` and a developer-facing `message`. */
  error: { code: TokenErrorCode; message: string };
}
