import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { jwtVerify } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRateLimit, toNodeHandler, type TokenHandlerOptions } from '../../src/server';
import { guardConsole, handler, issuedTokens, loopbackServers, ORIGIN, SDK_KEY, SECRET_BYTES } from './helpers';

guardConsole();

/** Starts a real server on 127.0.0.1 and returns its base URL. */
const listen = loopbackServers();
type Listener = Parameters<typeof listen>[0];

const serve = (extra: Partial<TokenHandlerOptions> = {}) => listen(toNodeHandler(handler(extra)));

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/cobrowse/token`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function tokenFrom(response: Response) {
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  issuedTokens.push(token);
  return (await jwtVerify(token, SECRET_BYTES, { algorithms: ['HS256'] })).payload;
}

/** Sends a body in chunks without Content-Length (Transfer-Encoding: chunked). */
function postChunked(url: string, totalBytes: number, extraHeaders: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(`${url}/token`);
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json', ...extraHeaders } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and stop reading before we finish sending: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    req.write('{"userName":"');
    pump();
  });
}

describe('toNodeHandler over real HTTP on 127.0.0.1', () => {
  it('issues a verifiable customer token', async () => {
    const url = await serve();
    const response = await postJson(url, { userName: 'Ada' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await tokenFrom(response)).toMatchObject({ app_key: SDK_KEY, role_type: 1, user_name: 'Ada' });
  });

  it('refuses role 2 without authorizeAgent and issues it when the hook says yes', async () => {
    expect((await postJson(await serve(), { role: 2 })).status).toBe(403);
    const url = await serve({ authorizeAgent: (request) => request.headers.get('cookie') === 'staff=1' });
    expect((await postJson(url, { role: 2 })).status).toBe(403);
    expect(await tokenFrom(await postJson(url, { role: 2 }, { cookie: 'staff=1' }))).toMatchObject({ role_type: 2 });
  });

  it('answers preflights: 204 for an allowed origin, 403 otherwise', async () => {
    const url = await serve();
    const preflight = (origin: string) =>
      fetch(`${url}/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '7200',
      vary: 'Origin',
    });
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 403 for a disallowed origin, 405 for GET, 415 for text/plain, 400 for malformed JSON', async () => {
    const url = await serve();
    expect((await postJson(url, {}, { origin: 'https://evil.example' })).status).toBe(403);
    const get = await fetch(url, { headers: { origin: ORIGIN } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await postJson(url, '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    const bad = await postJson(url, '{"role":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
  });

  it('answers 413 for a 1 MB body with Content-Length', async () => {
    const url = await serve();
    const response = await postJson(url, { userName: 'x'.repeat(1_000_000) });
    expect(response.status).toBe(413);
    expect((await response.json()) as unknown).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 413 for a 1 MB chunked body (no Content-Length), and keeps serving', async () => {
    const url = await serve();
    const { status, body } = await postChunked(url, 1024 * 1024);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'payload_too_large' } });
    await tokenFrom(await postJson(url, {}));
  });

  it('reads a small chunked body', async () => {
    const url = await serve();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const target = new URL(url);
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: '/', method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write('{"userName":');
      setTimeout(() => req.end('"Chunky"}'), 20);
    });
    expect(status).toBe(200);
    const { token } = JSON.parse(body) as { token: string };
    issuedTokens.push(token);
    expect((await jwtVerify(token, SECRET_BYTES)).payload['user_name']).toBe('Chunky');
  });

  it('rate-limits with 429 and Retry-After', async () => {
    const url = await serve({ rateLimit: createMemoryRateLimit({ limit: 1 }) });
    await tokenFrom(await postJson(url, {}));
    const limited = await postJson(url, {});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts clients by the forwarded address when the peer is a local proxy', async () => {
    const url = await serve({ rateLimit: createMemoryRateLimit({ limit: 1 }) });
    await tokenFrom(await postJson(url, {}, { 'x-forwarded-for': '198.51.100.1' }));
    await tokenFrom(await postJson(url, {}, { 'x-forwarded-for': '198.51.100.2' }));
    expect((await postJson(url, {}, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429);
  });
});

describe('Express/Connect compatibility', () => {
  /** What express.json() does: read the stream, set req.body and req._body. */
  const jsonParser = (node: ReturnType<typeof toNodeHandler>): Listener => (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      Object.assign(req, { body: text ? JSON.parse(text) : {}, _body: true });
      void node(req, res);
    });
  };

  it('uses a body already parsed by express.json()', async () => {
    const url = await listen(jsonParser(toNodeHandler(handler())));
    expect(await tokenFrom(await postJson(url, { userName: 'Parsed' }))).toMatchObject({ user_name: 'Parsed' });
  });

  it('still validates a pre-parsed body', async () => {
    const url = await listen(jsonParser(toNodeHandler(handler())));
    expect((await postJson(url, { role: 7 })).status).toBe(400);
    expect((await postJson(url, { role: 2 })).status).toBe(403);
  });

  it('uses a Buffer from express.raw()', async () => {
    const node = toNodeHandler(handler());
    const url = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(req, { body: Buffer.concat(chunks), _body: true });
        void node(req, res);
      });
    });
    expect(await tokenFrom(await postJson(url, { userName: 'Raw' }))).toMatchObject({ user_name: 'Raw' });
  });

  it('reads the stream when req.body is a placeholder and nothing consumed it (Express 4, no parser for this type)', async () => {
    const node = toNodeHandler(handler());
    const url = await listen((req, res) => {
      Object.assign(req, { body: {} });
      void node(req, res);
    });
    expect(await tokenFrom(await postJson(url, { userName: 'Streamed' }))).toMatchObject({ user_name: 'Streamed' });
  });

  it('answers 400 (and says why in the log) when middleware drained the body without setting req.body', async () => {
    const node = toNodeHandler(handler());
    const url = await listen((req, res) => {
      req.resume();
      req.on('end', () => void node(req, res));
    });
    const response = await postJson(url, { userName: 'Lost' });
    expect(response.status).toBe(400);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('an earlier middleware read the request body'));
  });

  it('uses originalUrl and passes handler failures to next()', async () => {
    const next = vi.fn();
    const failing = toNodeHandler(() => Promise.reject(new Error('broken handler')));
    const url = await listen((req, res) => {
      Object.assign(req, { originalUrl: '/api/cobrowse/token' });
      void failing(req, res, (error) => {
        next(error);
        res.statusCode = 502;
        res.end();
      });
    });
    expect((await fetch(url, { method: 'POST' })).status).toBe(502);
    expect(next).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken handler' }));
  });

  it('answers 500 JSON itself when there is no next()', async () => {
    const url = await listen(toNodeHandler(() => Promise.reject(new Error('broken handler'))));
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'internal_error' } });
  });
});
