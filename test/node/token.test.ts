import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../src/shared/errors';
import { createTokenProvider } from '../../src/core/token';
import { createFakeToken } from '../../src/testing/jwt';

const URL_ = 'https://shop.example/api/cobrowse/token';
const TOKEN = createFakeToken({ sdkKey: 'k' });
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const provider = (timeoutMs = 2000) => createTokenProvider(URL_, { userId: 'u-1', userName: 'Ada', timeoutMs });

describe('token client (URL)', () => {
  it('POSTs { role: 1, userId, userName } as JSON and returns the token', async () => {
    let body: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(URL_, async ({ request }) => {
        body = await request.json();
        contentType = request.headers.get('content-type');
        return HttpResponse.json({ token: TOKEN });
      }),
    );
    await expect(provider()()).resolves.toBe(TOKEN);
    expect(body).toEqual({ role: 1, userId: 'u-1', userName: 'Ada' });
    expect(contentType).toBe('application/json');
  });

  it('accepts both token shapes seen in the wild: { token } and { sdkToken }', async () => {
    const other = createFakeToken({ sdkKey: 'other' });
    server.use(http.post(URL_, () => HttpResponse.json({ token: TOKEN })));
    await expect(provider()()).resolves.toBe(TOKEN);
    server.use(http.post(URL_, () => HttpResponse.json({ sdkToken: other })));
    await expect(provider()()).resolves.toBe(other);
    // Neither: the console detail names both fields, so the developer knows what is accepted.
    server.use(http.post(URL_, () => HttpResponse.json({ jwt: TOKEN })));
    await expect(provider()()).rejects.toMatchObject({ code: 'token-missing', detail: expect.stringContaining('"sdkToken"') });
  });

  it('omits userId/userName when not configured', async () => {
    let body: unknown;
    server.use(http.post(URL_, async ({ request }) => ((body = await request.json()), HttpResponse.json({ token: TOKEN }))));
    await createTokenProvider(URL_, { timeoutMs: 1000 })();
    expect(body).toEqual({ role: 1 });
  });

  const faults: Array<[string, Parameters<typeof http.post>[1], string, boolean]> = [
    ['HTTP 500', () => new HttpResponse('boom', { status: 500 }), 'token-http', true],
    ['HTTP 503', () => new HttpResponse(null, { status: 503 }), 'token-http', true],
    ['HTTP 401', () => new HttpResponse(null, { status: 401 }), 'token-unauthorized', false],
    ['HTTP 403', () => HttpResponse.json({ error: { code: 'origin_not_allowed', message: 'no' } }, { status: 403 }), 'token-refused', false],
    ['HTTP 429', () => new HttpResponse(null, { status: 429 }), 'token-rate-limited', true],
    ['HTTP 404', () => new HttpResponse(null, { status: 404 }), 'token-misconfigured', false],
    ['non-JSON body', () => new HttpResponse('<html>login</html>', { headers: { 'content-type': 'text/html' } }), 'token-invalid-response', false],
    ['missing token', () => HttpResponse.json({ ok: true }), 'token-missing', false],
    ['token not a JWT', () => HttpResponse.json({ token: 'hello' }), 'token-invalid-response', false],
    ['network error', () => HttpResponse.error(), 'token-network', true],
  ];
  for (const [name, resolver, code, retryable] of faults) {
    it(`${name} → ${code} (retry ${retryable ? 'offered' : 'not offered'})`, async () => {
      server.use(http.post(URL_, resolver));
      const err = await provider()().then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ code, retryable, message: ERROR_TABLE[code as keyof typeof ERROR_TABLE].message });
      expect((err as { detail?: string }).detail).toBeTruthy();
    });
  }

  it("passes the handler's error code and Retry-After to the developer detail", async () => {
    server.use(http.post(URL_, () => HttpResponse.json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429, headers: { 'retry-after': '30' } })));
    const err = await provider()().then(() => null, (e: unknown) => e);
    expect((err as { detail: string }).detail).toMatch(/HTTP 429\. rate_limited: slow down Retry-After: 30s/);
  });

  it('times out with token-timeout (retryable)', async () => {
    server.use(http.post(URL_, async () => (await delay(5000), HttpResponse.json({ token: TOKEN }))));
    const err = await provider(100)().then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'token-timeout', retryable: true });
  });

  it('an outer abort (visitor cancelled) stops the request', async () => {
    server.use(http.post(URL_, async () => (await delay(5000), HttpResponse.json({ token: TOKEN }))));
    const ctrl = new AbortController();
    const p = provider(10_000)(ctrl.signal);
    ctrl.abort();
    await expect(p).rejects.toMatchObject({ code: 'token-network' });
  });
});

describe('token client (function)', () => {
  it('accepts a string, { token } or { sdkToken } and passes role 1 and the user', async () => {
    const seen: unknown[] = [];
    const fn = async (req: { role: 1; userId?: string }) => (seen.push({ role: req.role, userId: req.userId }), { token: TOKEN });
    await expect(createTokenProvider(fn, { userId: 'u', timeoutMs: 1000 })()).resolves.toBe(TOKEN);
    await expect(createTokenProvider(async () => TOKEN, { timeoutMs: 1000 })()).resolves.toBe(TOKEN);
    await expect(createTokenProvider(async () => ({ sdkToken: TOKEN }), { timeoutMs: 1000 })()).resolves.toBe(TOKEN);
    expect(seen).toEqual([{ role: 1, userId: 'u' }]);
  });

  it('a throwing function becomes token-network; a hanging one times out', async () => {
    await expect(createTokenProvider(async () => Promise.reject(new Error('x')), { timeoutMs: 1000 })()).rejects.toMatchObject({ code: 'token-network', retryable: true });
    await expect(createTokenProvider(() => new Promise(() => {}), { timeoutMs: 50 })()).rejects.toMatchObject({ code: 'token-timeout' });
    await expect(createTokenProvider(async () => ({}) as { token: string }, { timeoutMs: 50 })()).rejects.toMatchObject({ code: 'token-missing' });
  });
});
