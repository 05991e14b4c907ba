import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createWebhookHandler,
  isCobrowseEvent,
  TokenHandlerConfigError,
  toNodeHandler,
  type WebhookHandlerOptions,
  type ZoomWebhookEvent,
} from '../../src/server';
import { guardConsole } from './helpers';

const logs = guardConsole();

/** Recognisable in any output it leaks into. */
const SECRET_TOKEN = 'zoomWebhookSecret-DoNotLeak-42';
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const nowSeconds = () => String(Math.floor(NOW / 1000));

afterEach(() => {
  expect(logs.output()).not.toContain(SECRET_TOKEN);
});

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(listener: Listener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/zoom/webhooks`;
}

/** A webhook endpoint over real HTTP on 127.0.0.1, with the clock fixed at NOW. */
async function serve(extra: Partial<WebhookHandlerOptions> = {}) {
  const events: ZoomWebhookEvent[] = [];
  const onEvent = vi.fn((event: ZoomWebhookEvent) => void events.push(event));
  const url = await listen(toNodeHandler(createWebhookHandler({ secretToken: SECRET_TOKEN, onEvent, now: () => NOW, ...extra })));
  return { url, events, onEvent };
}

/** Zoom's signature, computed independently with node:crypto: v0= + hex HMAC-SHA256 of "v0:{timestamp}:{raw body}". */
const sign = (body: string | Buffer, timestamp: string, secret = SECRET_TOKEN) =>
  `v0=${createHmac('sha256', secret).update(Buffer.concat([Buffer.from(`v0:${timestamp}:`), Buffer.from(body)])).digest('hex')}`;

/** POSTs a body as Zoom does: signed with the secret token unless the headers say otherwise. */
function deliver(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  const timestamp = headers['x-zm-request-timestamp'] ?? nowSeconds();
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': timestamp, 'x-zm-signature': sign(body, timestamp), ...headers },
    body,
  });
}

const sessionStarted = {
  event: 'cobrowse.session_started',
  event_ts: 1743483350000,
  payload: {
    account_id: 'TEODL21kRmehjRceRnyYqw',
    object: {
      session_id: '4567UVWxYZABCdEfGhiJkl==',
      start_url: 'https://shop.example.com/checkout',
      user_id: 'YZ8uRj9zRf2yY5cshmzrTA',
      user_name: 'Ada',
      role_type: 'customer',
      start_time: '2025-04-01T12:22:26Z',
    },
  },
};

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text();
  expect(text).not.toContain(SECRET_TOKEN);
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

describe('createWebhookHandler over real HTTP on 127.0.0.1', () => {
  it("answers Zoom's endpoint.url_validation challenge with the HMAC of plainToken", async () => {
    const { url, onEvent } = await serve();
    const body = JSON.stringify({ event: 'endpoint.url_validation', event_ts: NOW, payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' } });
    const response = await deliver(url, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: createHmac('sha256', SECRET_TOKEN).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
    });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('refuses an unsigned validation challenge: answering it would sign anything for anyone', async () => {
    const { url } = await serve();
    // The plainToken an attacker would need signed to forge an event.
    const forged = `v0:${nowSeconds()}:{"event":"cobrowse.session_ended"}`;
    const body = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: forged } });
    const response = await deliver(url, body, { 'x-zm-signature': `v0=${'0'.repeat(64)}` });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_signature' });
  });

  it('acknowledges a validly signed cobrowse event with 204 and hands onEvent the typed event', async () => {
    const { url, events } = await serve();
    const response = await deliver(url, JSON.stringify(sessionStarted));
    expect(response.status).toBe(204);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    const event = events[0]!;
    expect(isCobrowseEvent(event)).toBe(true);
    if (!isCobrowseEvent(event)) return;
    expect(event.payload.object).toMatchObject({ session_id: '4567UVWxYZABCdEfGhiJkl==', role_type: 'customer', start_url: 'https://shop.example.com/checkout' });
    expect(event).toEqual(sessionStarted);
  });

  it('verifies the raw bytes Zoom signed, not a re-serialisation of them', async () => {
    const { url, events } = await serve();
    const spaced = `{ "event" : "cobrowse.session_ended",\n  "event_ts": 1743483350000, "payload": {"account_id": "a", "object": {"session_id": "s-\\u00e9"}} }`;
    expect((await deliver(url, spaced)).status).toBe(204);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(isCobrowseEvent(events[0]!) && events[0].payload.object.session_id).toBe('s-é');
  });

  it('refuses a bad signature with 401 and never calls onEvent', async () => {
    const { url, onEvent } = await serve();
    const body = JSON.stringify(sessionStarted);
    const timestamp = nowSeconds();
    for (const signature of [
      sign(body, timestamp, 'another-apps-secret-token'),
      sign(body.replace('customer', 'agent'), timestamp),
      sign(body, String(Number(timestamp) - 1)),
      sign(body, timestamp).slice(0, -2),
      sign(body, timestamp).replace('v0=', 'v1='),
      '',
    ]) {
      const response = await deliver(url, body, { 'x-zm-request-timestamp': timestamp, 'x-zm-signature': signature });
      expect(response.status, signature).toBe(401);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_signature',
        message: 'The x-zm-signature does not match. Check that secretToken is the Secret Token of this Zoom app.',
      });
    }
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes off (a replay)', async () => {
    const { url, onEvent, events } = await serve();
    const body = JSON.stringify(sessionStarted);
    for (const offset of [-301, 301, -3600]) {
      const response = await deliver(url, body, { 'x-zm-request-timestamp': String(Math.floor(NOW / 1000) + offset) });
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toMatchObject({ code: 'stale_timestamp' });
    }
    expect(onEvent).not.toHaveBeenCalled();
    // 4 min 59 s old is still inside the window.
    expect((await deliver(url, body, { 'x-zm-request-timestamp': String(Math.floor(NOW / 1000) - 299) })).status).toBe(204);
    await vi.waitFor(() => expect(events).toHaveLength(1));
  });

  it('passes an unknown event through untyped', async () => {
    const { url, events } = await serve();
    const unknown = { event: 'meeting.started', event_ts: 1, payload: { object: { id: 42 } }, extra: true };
    expect((await deliver(url, JSON.stringify(unknown))).status).toBe(204);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual(unknown);
    expect(isCobrowseEvent(events[0]!)).toBe(false);
    // A cobrowse name without the documented shape is not typed as one either.
    expect(isCobrowseEvent({ event: 'cobrowse.session_ended', payload: {} })).toBe(false);
  });

  it('refuses an oversize body with 413 before verifying it, declared or chunked', async () => {
    const { url, onEvent } = await serve({ maxBodyBytes: 4096 });
    const big = JSON.stringify({ ...sessionStarted, padding: 'x'.repeat(10_000) });
    const declared = await deliver(url, big);
    expect(declared.status).toBe(413);
    expect(await errorOf(declared)).toMatchObject({ code: 'payload_too_large' });

    const chunked = await new Promise<number>((resolve, reject) => {
      const target = new URL(url);
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': nowSeconds(), 'x-zm-signature': sign(big, nowSeconds()) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      req.write(big.slice(0, 3000));
      setTimeout(() => req.end(big.slice(3000)), 10);
    });
    expect(chunked).toBe(413);
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('answers before onEvent has finished, so slow work never makes Zoom wait past its 3 seconds', async () => {
    let finish!: () => void;
    const steps: string[] = [];
    const { url } = await serve({
      onEvent: async () => {
        steps.push('onEvent started');
        await new Promise<void>((resolve) => (finish = resolve));
        steps.push('onEvent finished');
      },
    });
    const started = Date.now();
    const response = await deliver(url, JSON.stringify(sessionStarted));
    steps.push(`answered ${response.status}`);
    expect(Date.now() - started).toBeLessThan(3000);
    await vi.waitFor(() => expect(steps).toContain('onEvent started'));
    finish();
    await vi.waitFor(() => expect(steps).toContain('onEvent finished'));
    expect(steps.indexOf('answered 204')).toBeLessThan(steps.indexOf('onEvent finished'));
  });

  it('reports an onEvent failure in the log with the secret token redacted', async () => {
    const { url } = await serve({
      onEvent: () => {
        throw new Error(`database refused (config: ${SECRET_TOKEN})`);
      },
    });
    expect((await deliver(url, JSON.stringify(sessionStarted))).status).toBe(204);
    await vi.waitFor(() => expect(console.error).toHaveBeenCalledTimes(1));
    expect(logs.output()).toContain('[zoom-cobrowse-widget] Webhook handler: onEvent failed; Zoom was already answered');
    expect(logs.output()).toContain('database refused (config: [redacted])');
  });

  it('answers 405 to other methods and 400 to a signed body that is not an event', async () => {
    const { url } = await serve();
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await errorOf(await deliver(url, '[1,2]'))).toMatchObject({ code: 'invalid_json' });
    expect(await errorOf(await deliver(url, '{"event":'))).toMatchObject({ code: 'invalid_json' });
    expect(await errorOf(await deliver(url, '{"payload":{}}'))).toMatchObject({ code: 'invalid_request' });
    expect(await errorOf(await deliver(url, '{"event":"endpoint.url_validation","payload":{}}'))).toMatchObject({ code: 'invalid_request' });
  });

  it('says in the log why signatures fail when express.json() parsed the body first', async () => {
    const node = toNodeHandler(createWebhookHandler({ secretToken: SECRET_TOKEN, onEvent: () => undefined, now: () => NOW }));
    const url = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')), _body: true });
        void node(req, res);
      });
    });
    const spaced = JSON.stringify(sessionStarted, null, 2);
    expect((await deliver(url, spaced)).status).toBe(401);
    expect((await deliver(url, spaced)).status).toBe(401);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(logs.output()).toContain('Mount the webhook route before express.json(), or give it express.raw({ type: "application/json" })');
  });

  it('accepts the raw Buffer express.raw() leaves in req.body', async () => {
    const events: ZoomWebhookEvent[] = [];
    const node = toNodeHandler(createWebhookHandler({ secretToken: SECRET_TOKEN, onEvent: (e) => void events.push(e), now: () => NOW }));
    const url = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(req, { body: Buffer.concat(chunks), _body: true });
        void node(req, res);
      });
    });
    expect((await deliver(url, JSON.stringify(sessionStarted, null, 2))).status).toBe(204);
    await vi.waitFor(() => expect(events).toHaveLength(1));
  });
});

describe('createWebhookHandler as a Web handler', () => {
  it("hands the onEvent promise to the runtime's waitUntil (Workers' ctx)", async () => {
    const onEvent = vi.fn();
    const waitUntil = vi.fn();
    const h = createWebhookHandler({ secretToken: SECRET_TOKEN, onEvent, now: () => NOW });
    const body = JSON.stringify(sessionStarted);
    const request = new Request('https://example.com/hooks', {
      method: 'POST',
      headers: { 'x-zm-request-timestamp': nowSeconds(), 'x-zm-signature': sign(body, nowSeconds()) },
      body,
    });
    expect((await h(request, { waitUntil })).status).toBe(204);
    expect(onEvent).not.toHaveBeenCalled();
    expect(waitUntil).toHaveBeenCalledTimes(1);
    await waitUntil.mock.calls[0]![0];
    expect(onEvent).toHaveBeenCalledWith(sessionStarted, { request });
  });

  it('refuses options it cannot run with, naming the option and never the secret', () => {
    const attempt = (options: unknown) => () => createWebhookHandler(options as WebhookHandlerOptions);
    expect(attempt({ onEvent: () => undefined })).toThrow(/Invalid webhook handler option "secretToken": missing/);
    expect(attempt({ secretToken: '  ', onEvent: () => undefined })).toThrow(TokenHandlerConfigError);
    expect(attempt({ secretToken: SECRET_TOKEN })).toThrow(/"onEvent"/);
    expect(attempt({ secretToken: SECRET_TOKEN, onEvent: () => undefined, maxBodyBytes: 10 })).toThrow(/"maxBodyBytes"/);
    try {
      attempt({ secretToken: SECRET_TOKEN, onEvent: () => undefined, tolerance: 5 })();
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/"tolerance": unknown option/);
      expect((error as Error).message).not.toContain(SECRET_TOKEN);
    }
  });
});
