import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../src/shared/errors';
import { ZOOM_ERROR_CODES } from '../../src/sdk/errors';
import { cleanupWidgets, setupWidget } from '../helpers/widget';
import { createFakeToken } from '../../src/testing/jwt';
import { SDK_KEY } from '../helpers/setup';

afterEach(() => {
  cleanupWidgets();
});

describe('what the visitor sees for each SDK error code', () => {
  for (const [code, info] of Object.entries(ZOOM_ERROR_CODES)) {
    const expected = ERROR_TABLE[info.code];
    it(`${code} → "${expected.message}" ${info.retryable ? 'with' : 'without'} Retry`, async () => {
      const w = setupWidget();
      w.fake.failNextStart(Number(code));
      await w.share();
      expect(w.q('.root')?.dataset.state).toBe('error');
      expect(w.q('[data-part="error-message"]')?.textContent).toBe(expected.message);
      expect(w.q('[data-part="error-message"]')?.getAttribute('role')).toBe('alert');
      expect(!!w.q('[data-action="retry"]')).toBe(info.retryable);
      expect(w.q('[data-part="error-code"]')?.textContent).toBe(`${info.code} (${code})`);
    });
  }

  it('an unknown code shows a sentence with the raw code, and Retry', async () => {
    const w = setupWidget();
    w.fake.failNextStart(4242);
    await w.share();
    expect(w.q('[data-part="error-message"]')?.textContent).toMatch(/^Something went wrong.*\(code 4242\)\.$/);
    expect(w.q('[data-action="retry"]')).not.toBeNull();
  });

  it('an error during an active session (session_error) is shown too', async () => {
    const w = setupWidget();
    await w.share();
    w.fake.agentJoin();
    w.fake.raiseError(1016, 'backend gone');
    await w.clock.flush();
    expect(w.q('[data-part="error-message"]')?.textContent).toBe(ERROR_TABLE.network.message);
  });

  it('Retry starts again and reaches the PIN', async () => {
    const w = setupWidget();
    w.fake.failNextStart(1001);
    await w.share();
    await w.click('[data-action="retry"]');
    await w.clock.advance(100);
    expect(w.q('[data-part="pin"]')?.textContent).toBe('482 913');
  });

  it('an unsupported browser says so, without Retry', async () => {
    const w = setupWidget({}, { unsupported: true });
    await w.share();
    expect(w.q('[data-part="error-message"]')?.textContent).toBe(ERROR_TABLE['sdk-unsupported'].message);
    expect(w.q('[data-action="retry"]')).toBeNull();
  });
});

describe('what the visitor sees for each token endpoint fault', () => {
  const TOKEN_URL = '/api/cobrowse/token';
  const cases: Array<[string, () => Promise<Response>, keyof typeof ERROR_TABLE, boolean]> = [
    ['HTTP 500', async () => new Response('oops', { status: 500 }), 'token-http', true],
    ['HTTP 401', async () => new Response('', { status: 401 }), 'token-unauthorized', false],
    ['non-JSON', async () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }), 'token-invalid-response', false],
    ['missing token', async () => new Response(JSON.stringify({ jwt: 'x' }), { status: 200, headers: { 'content-type': 'application/json' } }), 'token-missing', false],
    ['network down', async () => Promise.reject(new TypeError('Failed to fetch')), 'token-network', true],
  ];
  for (const [name, respond, code, retryable] of cases) {
    it(`${name} → "${ERROR_TABLE[code].message}" ${retryable ? 'with' : 'without'} Retry`, async () => {
      const fetchStub = (async () => respond()) as typeof fetch;
      const w = setupWidget({ token: TOKEN_URL }, {}, { fetch: fetchStub });
      await w.share();
      expect(w.q('[data-part="error-message"]')?.textContent).toBe(ERROR_TABLE[code].message);
      expect(!!w.q('[data-action="retry"]')).toBe(retryable);
      expect(w.fake.startCalls).toHaveLength(0);
    });
  }

  it(`timeout → "${ERROR_TABLE['token-timeout'].message}" with Retry`, async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const w = setupWidget({ token: TOKEN_URL, tokenTimeoutMs: 500 }, {}, { fetch: hanging });
    w.widget.open();
    await w.clock.flush();
    await w.click('[data-action="accept"]');
    // The token timeout runs on the injected clock: no real waiting.
    await w.clock.advance(499);
    expect(w.q('[data-part="error-message"]')).toBeNull();
    await w.clock.advance(1);
    expect(w.q('[data-part="error-message"]')?.textContent).toBe(ERROR_TABLE['token-timeout'].message);
    expect(w.q('[data-action="retry"]')).not.toBeNull();
  });

  it('a good token endpoint gets the request and the flow reaches the PIN', async () => {
    const calls: Array<{ url: string; body: unknown }> = [];
    const ok = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ token: createFakeToken({ sdkKey: SDK_KEY, now: w.clock.now() }) }), { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const w = setupWidget({ token: TOKEN_URL, userName: 'Ada' }, {}, { fetch: ok });
    await w.share();
    expect(calls).toEqual([{ url: TOKEN_URL, body: { role: 1, userName: 'Ada' } }]);
    expect(w.q('[data-part="pin"]')?.textContent).toBe('482 913');
  });
});
