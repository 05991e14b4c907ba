import { decodeUtf8, readCappedBytes } from './body';
import { describeError, LOG_PREFIX, redact, TokenHandlerConfigError } from './messages';
import { reserialisedBodies } from './request-context';
import { emptyResponse, jsonResponse } from './responses';

// Zoom's webhook names and fields (snake_case) are kept as Zoom sends them:
// they are what a site finds in Zoom's docs and logs (docs/zoom-sdk.md).

/** The four Cobrowse SDK session events Zoom sends. */
export type CobrowseWebhookEventName =
  | 'cobrowse.session_started'
  | 'cobrowse.session_user_joined'
  | 'cobrowse.session_user_left'
  | 'cobrowse.session_ended';

/** `payload.object` of a Cobrowse session event: the session and the user the event is about. */
export interface CobrowseSessionObject {
  /** Zoom's id of the Cobrowse session. */
  session_id: string;
  /** When the session started, ISO 8601 (e.g. `2025-04-01T12:22:26Z`). */
  start_time?: string;
  /** The role of the user who joined or left: `customer` or `agent`. */
  role_type?: 'customer' | 'agent';
  /** The URL of the page the session started from. */
  start_url?: string;
  /** Zoom's id of the user, valid for this session only (not the `user_id` claim of your token). */
  user_id?: string;
  /** The user's display name. */
  user_name?: string;
  /** Fields Zoom adds later pass through untouched. */
  [field: string]: unknown;
}

/** A verified Cobrowse session event, as Zoom sent it. */
export interface CobrowseWebhookEvent {
  /** Which session event this is. */
  event: CobrowseWebhookEventName;
  /** When the event happened, epoch milliseconds. */
  event_ts: number;
  /** The account and the session. */
  payload: {
    /** Your Zoom account's id. */
    account_id: string;
    /** The session and user the event is about. */
    object: CobrowseSessionObject;
  };
}

/** Any other verified Zoom event (other products, events added later), passed through untyped. */
export interface UnknownWebhookEvent {
  /** Zoom's event name, e.g. `meeting.started`. */
  event: string;
  /** When the event happened, epoch milliseconds, when Zoom sends it. */
  event_ts?: number;
  /** The event's payload, not checked. */
  payload?: unknown;
  /** Other top-level fields. */
  [field: string]: unknown;
}

/** What `onEvent` receives: use `isCobrowseEvent` to narrow it to the typed session events. */
export type ZoomWebhookEvent = CobrowseWebhookEvent | UnknownWebhookEvent;

/** Second argument of `onEvent`. */
export interface WebhookEventDetails {
  /** The request the event came in (its body has already been read). */
  request: Request;
}

/** Second argument of `onError` of the webhook handler. */
export interface WebhookErrorDetails {
  /** `onEvent` when the site's hook threw or rejected; `handler` for the handler's own failure. */
  during: 'onEvent' | 'handler';
  /** The request being handled. */
  request: Request;
}

/** Options of `createWebhookHandler`. Unknown keys are rejected at construction. */
export interface WebhookHandlerOptions {
  /**
   * The Secret Token of your Zoom Marketplace app, shown with its event
   * subscriptions. Signs every event; never leaves the server. Required.
   */
  secretToken: string;
  /**
   * Called with each verified event after Zoom has been answered, so slow work
   * (a database write) never makes Zoom wait past its 3 seconds and retry.
   * Zoom may still deliver an event more than once: make the handling idempotent.
   */
  onEvent: (event: ZoomWebhookEvent, details: WebhookEventDetails) => void | Promise<void>;
  /**
   * Largest request body accepted, in bytes; larger bodies answer 413 unread.
   * @default 65536
   */
  maxBodyBytes?: number;
  /**
   * Called when `onEvent` throws or rejects (Zoom has already been answered).
   * The default logs through `console.error` with the secret token redacted.
   */
  onError?: (error: unknown, details: WebhookErrorDetails) => void;
  /**
   * Clock in epoch milliseconds, for the replay window; for tests.
   * @default Date.now
   */
  now?: () => number;
}

/** Lets a runtime keep working after the response (Cloudflare Workers' `ctx`, Vercel's `waitUntil`). */
export interface WebhookContext {
  /** Keeps the isolate alive until `promise` settles. */
  waitUntil?(promise: Promise<unknown>): void;
}

/** A Web-standard webhook endpoint; the optional second argument is the runtime's context (`ctx` on Workers). */
export type WebhookHandler = (request: Request, context?: WebhookContext) => Promise<Response>;

/** Machine-readable error codes of the webhook endpoint. */
export type WebhookErrorCode =
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'invalid_signature'
  | 'stale_timestamp'
  | 'invalid_json'
  | 'invalid_request'
  | 'internal_error';

/** Zoom's own guidance, and the usual window: older signed requests are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** A challenge token is a short random string; a long one is not Zoom. */
const MAX_PLAIN_TOKEN_LENGTH = 256;

const KNOWN_OPTIONS = new Set(['secretToken', 'onEvent', 'maxBodyBytes', 'onError', 'now']);
const COBROWSE_EVENTS = new Set<string>(['cobrowse.session_started', 'cobrowse.session_user_joined', 'cobrowse.session_user_left', 'cobrowse.session_ended']);

const encoder = new TextEncoder();

/**
 * Narrows a verified event to one of the four Cobrowse session events, checking
 * that it has the shape they are typed with (`payload.object.session_id`).
 */
export function isCobrowseEvent(event: ZoomWebhookEvent): event is CobrowseWebhookEvent {
  if (!COBROWSE_EVENTS.has(event.event)) return false;
  const payload = event.payload as { object?: { session_id?: unknown } } | null | undefined;
  return typeof payload === 'object' && payload !== null && typeof payload.object === 'object' && payload.object !== null && typeof payload.object.session_id === 'string';
}

function fail(option: string, problem: string): never {
  throw new TokenHandlerConfigError(option, problem, 'webhook handler');
}

function toHex(bytes: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function webhookError(status: number, code: WebhookErrorCode, message: string, headers?: HeadersInit): Response {
  return jsonResponse(status, { error: { code, message } }, headers);
}

/**
 * Creates Zoom's webhook endpoint: answers the `endpoint.url_validation`
 * challenge, verifies `x-zm-signature` over the raw body, refuses replays older
 * than 5 minutes and oversized bodies, answers at once, then hands each
 * verified event to `onEvent`. A Web `(Request) => Promise<Response>`, like the
 * token handler: wrap it in `toNodeHandler` for Node and Express.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  if (typeof options !== 'object' || options === null) fail('options', 'expected an object such as { secretToken, onEvent }.');
  const record = options as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_OPTIONS.has(key)) fail(key, `unknown option. Accepted options: ${[...KNOWN_OPTIONS].join(', ')}.`);
  }
  const rawSecret = record['secretToken'];
  if (typeof rawSecret !== 'string' || rawSecret.trim() === '') {
    fail('secretToken', "missing. Pass the Secret Token of your Zoom app's event subscription, e.g. secretToken: process.env.ZOOM_WEBHOOK_SECRET_TOKEN.");
  }
  // A trailing newline from a .env file would make every signature check fail.
  const secret = rawSecret.trim();
  const onEvent = record['onEvent'];
  if (typeof onEvent !== 'function') fail('onEvent', 'required: a function (event) => void that records the event.');
  const maxBodyBytes = record['maxBodyBytes'] ?? DEFAULT_MAX_BODY_BYTES;
  if (typeof maxBodyBytes !== 'number' || !Number.isInteger(maxBodyBytes) || maxBodyBytes < 1024) {
    fail('maxBodyBytes', `expected a whole number of bytes, at least 1024 (default ${DEFAULT_MAX_BODY_BYTES}).`);
  }
  for (const key of ['onError', 'now'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'function') fail(key, 'expected a function.');
  }
  const onError = options.onError;
  const now = options.now ?? Date.now;

  // Imported once and non-extractable: the secret cannot be read back out of the handler.
  let key: Promise<CryptoKey> | undefined;
  const getKey = (): Promise<CryptoKey> => {
    if (key === undefined) {
      key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
      key.catch(() => (key = undefined));
    }
    return key;
  };

  const report = (error: unknown, details: WebhookErrorDetails): void => {
    try {
      if (onError) onError(error, details);
      else {
        console.error(
          `${LOG_PREFIX} Webhook handler: ${details.during === 'onEvent' ? 'onEvent failed' : 'the handler failed'}; ` +
            `${details.during === 'onEvent' ? 'Zoom was already answered, so it will not retry this event' : 'Zoom got a 500 and will retry'}. ` +
            redact(describeError(error), [secret]),
        );
      }
    } catch {
      // A broken logger must not become an unhandled rejection.
    }
  };

  let warnedAboutParser = false;
  const hintParser = (request: Request): void => {
    if (warnedAboutParser || !reserialisedBodies.has(request)) return;
    warnedAboutParser = true;
    console.warn(
      `${LOG_PREFIX} Webhook handler: a body parser (express.json()?) read the request before this route, so the exact bytes Zoom signed are gone ` +
        'and signatures cannot match. Mount the webhook route before express.json(), or give it express.raw({ type: "application/json" }).',
    );
  };

  /** `v0=` + 64 hex digits, checked with Web Crypto's constant-time HMAC verify over the raw bytes. */
  const signatureValid = async (header: string, timestamp: string, body: Uint8Array): Promise<boolean> => {
    const match = /^v0=([0-9a-fA-F]{64})$/.exec(header.trim());
    if (!match) return false;
    const prefix = encoder.encode(`v0:${timestamp}:`);
    const message = new Uint8Array(prefix.byteLength + body.byteLength);
    message.set(prefix, 0);
    message.set(body, prefix.byteLength);
    return crypto.subtle.verify('HMAC', await getKey(), fromHex(match[1]!), message);
  };

  const handle = async (request: Request, context: WebhookContext | undefined): Promise<Response> => {
    if (request.method !== 'POST') {
      return webhookError(405, 'method_not_allowed', `Zoom delivers webhooks with POST (got ${request.method.slice(0, 16)}).`, { allow: 'POST' });
    }
    // Header checks first: they are free, and a request failing them is not worth reading.
    const timestamp = request.headers.get('x-zm-request-timestamp')?.trim() ?? '';
    const signature = request.headers.get('x-zm-signature');
    if (signature === null || !/^\d{1,13}$/.test(timestamp)) {
      return webhookError(401, 'invalid_signature', 'The request lacks a valid x-zm-signature or x-zm-request-timestamp header.');
    }
    // Zoom sends epoch seconds; a 13-digit value is read as milliseconds rather than refused.
    const sentAtMs = timestamp.length === 13 ? Number(timestamp) : Number(timestamp) * 1000;
    if (Math.abs(now() - sentAtMs) > WEBHOOK_TOLERANCE_SECONDS * 1000) {
      return webhookError(401, 'stale_timestamp', `The request timestamp is more than ${WEBHOOK_TOLERANCE_SECONDS / 60} minutes away from this server's clock; refused as a possible replay.`);
    }

    const read = await readCappedBytes(request, maxBodyBytes);
    if (!read.ok) {
      return read.reason === 'too_large'
        ? webhookError(413, 'payload_too_large', `The request body is larger than ${maxBodyBytes} bytes.`)
        : webhookError(400, 'invalid_request', 'The request body could not be read.');
    }
    if (!(await signatureValid(signature, timestamp, read.bytes))) {
      hintParser(request);
      return webhookError(401, 'invalid_signature', 'The x-zm-signature does not match. Check that secretToken is the Secret Token of this Zoom app.');
    }

    const text = decodeUtf8(read.bytes);
    let parsed: unknown;
    try {
      parsed = text === undefined ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return webhookError(400, 'invalid_json', 'The request body is not a JSON object.');
    }
    const event = parsed as Record<string, unknown>;
    if (typeof event['event'] !== 'string' || event['event'] === '') {
      return webhookError(400, 'invalid_request', 'The event has no "event" name.');
    }

    if (event['event'] === 'endpoint.url_validation') {
      // Answered only after the signature check: an unsigned challenge would be
      // an oracle, since HMAC(secret, plainToken) is exactly how signatures are made.
      const plainToken = (event['payload'] as { plainToken?: unknown } | null | undefined)?.plainToken;
      if (typeof plainToken !== 'string' || plainToken === '' || plainToken.length > MAX_PLAIN_TOKEN_LENGTH) {
        return webhookError(400, 'invalid_request', 'The validation event has no usable payload.plainToken.');
      }
      const encryptedToken = toHex(await crypto.subtle.sign('HMAC', await getKey(), new Uint8Array(encoder.encode(plainToken))));
      return jsonResponse(200, { plainToken, encryptedToken });
    }

    // After the answer: Zoom retries anything not acknowledged within 3 seconds.
    const delivered = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => (onEvent as WebhookHandlerOptions['onEvent'])(event as unknown as ZoomWebhookEvent, { request }))
      .catch((error: unknown) => report(error, { during: 'onEvent', request }));
    context?.waitUntil?.(delivered);
    return emptyResponse(204);
  };

  return async function handleWebhook(request: Request, context?: WebhookContext): Promise<Response> {
    try {
      return await handle(request, context);
    } catch (error) {
      report(error, { during: 'handler', request });
      return webhookError(500, 'internal_error', 'The webhook handler failed. The site owner can find details in the server log.');
    }
  };
}
