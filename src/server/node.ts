import { LOG_PREFIX } from './messages';
import { remoteAddresses, reserialisedBodies } from './request-context';
import type { TokenHandler } from './types';

// Structural types instead of `node:http` imports: the published .d.ts must not
// require @types/node from Workers/Deno users who never call this adapter.

/** The parts of Node's `IncomingMessage` (or Express's `req`) that `toNodeHandler` reads. */
export interface NodeRequestLike {
  /** HTTP method. */
  method?: string | undefined;
  /** Path and query. */
  url?: string | undefined;
  /** Express: the URL before router mounting stripped its prefix. */
  originalUrl?: string | undefined;
  /** Request headers as Node parsed them. */
  headers: Record<string, string | string[] | undefined>;
  /** The TCP socket, for the peer address used by rate limiting. */
  socket?: { remoteAddress?: string | undefined } | null | undefined;
  /** A body already parsed by Express/Connect middleware (e.g. `express.json()`). */
  body?: unknown;
  /** True once the body stream has been read to the end. */
  readableEnded?: boolean | undefined;
  /** Subscribes to stream events. */
  on(event: string, listener: (...args: any[]) => void): unknown;
  /** Unsubscribes from stream events. */
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
  /** Stops `data` events (backpressure). */
  pause(): unknown;
  /** Restarts `data` events, or discards the rest of the body when nobody listens. */
  resume(): unknown;
}

/** The parts of Node's `ServerResponse` (or Express's `res`) that `toNodeHandler` writes. */
export interface NodeResponseLike {
  /** Status code to send. */
  statusCode: number;
  /** True once another middleware has already started the answer. */
  headersSent?: boolean | undefined;
  /** Sets one response header. */
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  /** Sends the body and finishes the response. */
  end(chunk?: any): unknown;
}

/** A Node `http` request listener that is also valid Express/Connect middleware. */
export type NodeHandler = (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void) => Promise<void>;

const encoder = new TextEncoder();

/** Wraps the request stream lazily: a request refused before its body is read never starts it. */
function bodyStream(req: NodeRequestLike): ReadableStream<Uint8Array> {
  let started = false;
  let settled = false;
  const listeners: Array<[string, (...args: any[]) => void]> = [];
  const detach = (): void => {
    for (const [event, listener] of listeners) req.removeListener(event, listener);
    listeners.length = 0;
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!started) {
          started = true;
          const on = (event: string, listener: (...args: any[]) => void): void => {
            listeners.push([event, listener]);
            req.on(event, listener);
          };
          on('data', (chunk: Uint8Array | string) => {
            controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) req.pause();
          });
          on('end', () => {
            settled = true;
            detach();
            controller.close();
          });
          const fail = (error?: unknown): void => {
            if (settled) return;
            settled = true;
            detach();
            controller.error(error instanceof Error ? error : new Error('The client closed the connection before sending the whole body.'));
          };
          on('error', fail);
          on('close', () => fail());
        }
        req.resume();
      },
      cancel() {
        settled = true;
        detach();
        // Keep draining (and discarding) what the client still sends, so the
        // 413 reaches it instead of a reset connection; Node's requestTimeout
        // bounds a client that never stops.
        req.resume();
      },
    },
    // Pull only when the handler reads, never ahead of it.
    { highWaterMark: 0 },
  );
}

/**
 * A body that middleware (express.json(), body-parser, Next's pages API) has
 * already read off the stream; re-reading the stream would wait forever.
 */
function preParsedBody(req: NodeRequestLike): { body: string | Uint8Array; rebuilt: boolean } | undefined {
  const parsedByBodyParser = (req as { _body?: unknown })._body === true;
  if (req.body === undefined || !(req.readableEnded === true || parsedByBodyParser)) return undefined;
  const { body } = req;
  if (typeof body === 'string') return { body, rebuilt: false };
  if (body instanceof Uint8Array) return { body: new Uint8Array(body), rebuilt: false };
  try {
    return { body: JSON.stringify(body) ?? '', rebuilt: true };
  } catch {
    // Circular or BigInt: not something a JSON client sent; let the handler answer 400.
    return { body: '\u0000', rebuilt: true };
  }
}

function toRequest(req: NodeRequestLike): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (":path") are not valid Fetch header names.
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // An invalid header value is the client's problem, not a reason to crash.
      }
    }
  }
  let url: URL;
  try {
    url = new URL(req.originalUrl ?? req.url ?? '/', `http://${headers.get('host') ?? 'localhost'}`);
  } catch {
    url = new URL('http://localhost/');
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let body: BodyInit | null = null;
  let rebuilt = false;
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = preParsedBody(req);
    if (parsed !== undefined) {
      // The original Content-Length described bytes we no longer hold.
      headers.delete('content-length');
      headers.delete('transfer-encoding');
      body = parsed.body as BodyInit;
      rebuilt = parsed.rebuilt;
    } else if (req.readableEnded === true) {
      // Waiting for 'end' on a drained stream would hang the request forever.
      console.warn(
        `${LOG_PREFIX} toNodeHandler: an earlier middleware read the request body without setting req.body. ` +
          'Mount the token route before that middleware, or use one that sets req.body (express.json()).',
      );
      body = new ReadableStream({ start: (controller) => controller.error(new Error('body already consumed')) });
    } else {
      body = bodyStream(req);
    }
  }
  // `duplex: 'half'` is required by Node's fetch for a stream body (not yet in the DOM typings).
  const init: RequestInit & { duplex: 'half' } = { method, headers, body, duplex: 'half' };
  const request = new Request(url, init);
  const peer = req.socket?.remoteAddress;
  if (peer) remoteAddresses.set(request, peer);
  if (rebuilt) reserialisedBodies.add(request);
  return request;
}

/**
 * Adapts a token handler (or the webhook handler) to Node's `http.createServer`
 * and Express/Connect (`app.all('/api/cobrowse/token', toNodeHandler(handler))`).
 * Works whether or not a body parser ran before it.
 */
export function toNodeHandler(handler: TokenHandler): NodeHandler {
  return async (req, res, next) => {
    try {
      const response = await handler(toRequest(req));
      if (res.headersSent === true) return;
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        res.setHeader(name, value);
      });
      res.end(new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      console.error(`${LOG_PREFIX} toNodeHandler: could not answer the request: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent !== true) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The token service failed.' } }));
      }
    }
  };
}
