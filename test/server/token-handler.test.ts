import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRateLimit, createTokenHandler } from '../../src/server';
import { guardConsole, handler, options, ORIGIN, post, remember, SDK_KEY, SDK_SECRET, SECRET_BYTES, URL_ } from './helpers';

const logs = guardConsole();

async function tokenOf(response: Response, currentDate?: Date): Promise<{ token: string; expiresAt: string; payload: JWTPayload }> {
  await remember(response);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token: string; expiresAt: string };
  const { payload } = await jwtVerify(body.token, SECRET_BYTES, { algorithms: ['HS256'], ...(currentDate ? { currentDate } : {}) });
  return { ...body, payload };
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text();
  expect(text).not.toContain(SDK_SECRET);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  return body.error;
}

describe('customer tokens', () => {
  it('signs a role 1 token with exactly the claims of docs/zoom-sdk.md, "JWT"', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await handler()(post({}));
    const { token, expiresAt, payload } = await tokenOf(response);

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(Object.keys(payload).sort()).toEqual(['app_key', 'exp', 'iat', 'role_type', 'user_id', 'user_name']);
    expect(payload).toMatchObject({ app_key: SDK_KEY, role_type: 1 });
    // Zoom requires user_name; without one it is the user id, as in Zoom's sample.
    expect(payload['user_name']).toBe('Customer');
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(payload.exp! - payload.iat!).toBe(7200);
    expect(payload['user_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(expiresAt).toBe(new Date(payload.exp! * 1000).toISOString());
  });

  it('answers with no-store, JSON and CORS headers for the allowed origin', async () => {
    const response = await remember(await handler()(post({ role: 1 })));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('uses userId and userName from the body, and accepts role as a string like Zoom\'s sample', async () => {
    const { payload } = await tokenOf(await handler()(post({ role: '1', userId: 'visitor-7', userName: 'Ada Lovelace' })));
    expect(payload).toMatchObject({ role_type: 1, user_id: 'visitor-7', user_name: 'Ada Lovelace' });
  });

  it('treats an empty body as a default customer request', async () => {
    const { payload } = await tokenOf(await handler()(post('')));
    expect(payload['role_type']).toBe(1);
  });

  it('adds enable_byop: 1 only when enableByop is on', async () => {
    const { payload } = await tokenOf(await handler({ enableByop: true })(post({})));
    expect(payload['enable_byop']).toBe(1);
  });

  it('generates a different user id for each anonymous visitor', async () => {
    const h = handler();
    const a = await tokenOf(await h(post({})));
    const b = await tokenOf(await h(post({})));
    expect(a.payload['user_id']).not.toBe(b.payload['user_id']);
  });

  it('takes iat from the injected clock', async () => {
    const { payload } = await tokenOf(await handler({ now: () => 1_700_000_000_500 })(post({})), new Date(1_700_000_001_000));
    expect(payload.iat).toBe(1_700_000_000);
  });
});

describe('lifetime', () => {
  it('clamps ttlSeconds: 10 up to 1800 (and says so once at construction)', async () => {
    const { payload } = await tokenOf(await handler({ ttlSeconds: 10 })(post({})));
    expect(payload.exp! - payload.iat!).toBe(1800);
    expect(logs.output()).toContain('[zoom-cobrowse-widget] ttlSeconds 10 is outside');
  });

  it('clamps ttlSeconds above 48 h down to 172800', async () => {
    const { payload } = await tokenOf(await handler({ ttlSeconds: 10_000_000 })(post({})));
    expect(payload.exp! - payload.iat!).toBe(172_800);
  });

  it('lets expirationSeconds shorten the token but never below 1800 or above ttlSeconds', async () => {
    const h = handler({ ttlSeconds: 7200 });
    const span = async (expirationSeconds: unknown) => {
      const { payload } = await tokenOf(await h(post({ expirationSeconds })));
      return payload.exp! - payload.iat!;
    };
    expect(await span(3600)).toBe(3600);
    expect(await span('3600')).toBe(3600);
    expect(await span(10)).toBe(1800);
    expect(await span(172_800)).toBe(7200);
  });
});

describe('user identity is validated and clamped', () => {
  it('clamps a 30 000-character userName to Zoom\'s 80 characters (body cap raised to let it through)', async () => {
    const { payload } = await tokenOf(await handler({ maxBodyBytes: 64 * 1024 })(post({ userName: 'x'.repeat(30_000) })));
    expect(payload['user_name']).toBe('x'.repeat(80));
  });

  it('keeps an 80-character userName whole (Zoom\'s documented maximum, above its sample\'s 35)', async () => {
    const name = 'Ms Bartholomew-Featherstonehaugh Cholmondeley-Worthington of the Support Desk 42';
    expect(name).toHaveLength(80);
    const { payload } = await tokenOf(await handler()(post({ userName: name })));
    expect(payload['user_name']).toBe(name);
  });

  it('refuses the same 30 000-character body with 413 under the default 16 KiB cap', async () => {
    expect((await handler()(post({ userName: 'x'.repeat(30_000) }))).status).toBe(413);
  });

  it('clamps a 30 000-character userName from identify too', async () => {
    const { payload } = await tokenOf(await handler({ identify: () => ({ userName: 'y'.repeat(30_000) }) })(post({})));
    expect(payload['user_name']).toBe('y'.repeat(80));
  });

  it('never splits an emoji when clamping', async () => {
    const { payload } = await tokenOf(await handler()(post({ userName: `${'a'.repeat(79)}😀` })));
    expect(payload['user_name']).toBe('a'.repeat(79));
  });

  it('strips control and bidi characters and collapses whitespace', async () => {
    const { payload } = await tokenOf(await handler()(post({ userName: ' Jo\u0000hn\n\tSmith\u202E\u0007 ' })));
    expect(payload['user_name']).toBe('John Smith');
  });

  it('falls back to the role as the name when nothing printable is left', async () => {
    const { payload } = await tokenOf(await handler()(post({ userId: 'visitor-9', userName: '\u0000\u202E  ' })));
    expect(payload['user_name']).toBe('Customer');
  });

  it('hashes a userId longer than 35 characters to a stable 35-character id instead of truncating it', async () => {
    const h = handler();
    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    const a = await tokenOf(await h(post({ userId: uuid })));
    const again = await tokenOf(await h(post({ userId: uuid })));
    const sibling = await tokenOf(await h(post({ userId: `${uuid.slice(0, 35)}1` })));
    expect(a.payload['user_id']).toMatch(/^h[\w-]{34}$/);
    expect(again.payload['user_id']).toBe(a.payload['user_id']);
    expect(sibling.payload['user_id']).not.toBe(a.payload['user_id']);
  });

  it('keeps a 35-character userId as is', async () => {
    const { payload } = await tokenOf(await handler()(post({ userId: 'u'.repeat(35) })));
    expect(payload['user_id']).toBe('u'.repeat(35));
  });

  it.each([
    [{ role: 3 }, '"role"'],
    [{ role: 'agent' }, '"role"'],
    [{ userId: 42 }, '"userId"'],
    [{ userName: { first: 'a' } }, '"userName"'],
    [{ expirationSeconds: 'soon' }, '"expirationSeconds"'],
    [{ expirationSeconds: -5 }, '"expirationSeconds"'],
    [[1, 2], 'JSON object'],
    ['"just a string"', 'JSON object'],
  ])('answers 400 invalid_request for %j', async (body, mentions) => {
    const response = await handler()(post(body));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(mentions);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('answers 400 invalid_json for malformed JSON', async () => {
    const response = await handler()(post('{"role": 1,'));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_json');
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const request = new Request(URL_, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    const response = await handler()(request);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('UTF-8');
  });
});

describe('agent tokens', () => {
  it('refuses role 2 when no authorizeAgent hook is configured', async () => {
    const response = await handler()(post({ role: 2 }));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'agent_not_authorized' });
  });

  it('refuses role 2 when authorizeAgent resolves false, or anything but true', async () => {
    for (const answer of [false, 'yes', 1, {}, undefined]) {
      const response = await handler({ authorizeAgent: async () => answer as boolean })(post({ role: 2 }));
      expect(response.status, String(answer)).toBe(403);
    }
  });

  it('issues role_type 2 when authorizeAgent resolves true, passing it the parsed body', async () => {
    const authorizeAgent = vi.fn(async (request: Request) => request.headers.get('authorization') === 'Bearer staff');
    const h = handler({ authorizeAgent });
    const { payload } = await tokenOf(await h(post({ role: 2, userName: 'Grace' }, { authorization: 'Bearer staff' })));
    expect(payload).toMatchObject({ role_type: 2, user_name: 'Grace' });
    expect(authorizeAgent).toHaveBeenCalledWith(expect.any(Request), { body: { role: 2, userName: 'Grace' } });
    expect((await h(post({ role: 2 }, { authorization: 'Bearer guess' }))).status).toBe(403);
  });

  it('does not consult authorizeAgent for customer tokens', async () => {
    const authorizeAgent = vi.fn(() => false);
    await tokenOf(await handler({ authorizeAgent })(post({ role: 1 })));
    expect(authorizeAgent).not.toHaveBeenCalled();
  });

  it('always puts user_id and user_name in agent tokens (the name defaults to the role)', async () => {
    const { payload } = await tokenOf(await handler({ authorizeAgent: () => true })(post({ role: 2, userId: 'agent-3' })));
    expect(payload).toMatchObject({ user_id: 'agent-3', user_name: 'Agent' });
  });
});

describe('identify', () => {
  it('takes the user from the hook and ignores the body identity', async () => {
    const identify = vi.fn(() => ({ userId: 'acct-42', userName: 'Ada\u0000 Lovelace' }));
    const { payload } = await tokenOf(await handler({ identify })(post({ userId: 'spoofed', userName: 'Admin' })));
    expect(payload).toMatchObject({ user_id: 'acct-42', user_name: 'Ada Lovelace' });
    expect(identify).toHaveBeenCalledWith(expect.any(Request), { role: 1, body: { userId: 'spoofed', userName: 'Admin' } });
  });

  it('treats null as an anonymous visitor (generated id, body still ignored)', async () => {
    const { payload } = await tokenOf(await handler({ identify: async () => null })(post({ userId: 'spoofed' })));
    expect(payload['user_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(payload['user_name']).toBe('Customer');
  });

  it('answers 401 when the hook returns false', async () => {
    const response = await handler({ identify: () => false })(post({}));
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'unauthenticated' });
  });

  it('hashes an over-long userId from the hook too', async () => {
    const { payload } = await tokenOf(await handler({ identify: () => ({ userId: 'x'.repeat(80) }) })(post({})));
    expect(payload['user_id']).toMatch(/^h[\w-]{34}$/);
  });

  it('answers a generic 500 when the hook returns something that is not an identity, and logs why', async () => {
    const response = await handler({ identify: () => ({ userId: 42 }) as never })(post({}));
    expect(response.status).toBe(500);
    expect(logs.output()).toContain('userId that is not a string');
  });
});

describe('hook failures', () => {
  it('answers a generic 500 and logs the error with the secret and any JWT redacted', async () => {
    const jwtLike = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const identify = () => {
      throw new Error(`db down; config was ${SDK_SECRET}; session ${jwtLike}`);
    };
    const response = await handler({ identify })(post({}));
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error).toEqual({ code: 'internal_error', message: expect.not.stringContaining('db down') });
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const output = logs.output();
    expect(output).toContain('[zoom-cobrowse-widget] Token handler: the identify hook failed');
    expect(output).toContain('db down');
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(jwtLike);
  });

  it('passes failures to onError instead of the console', async () => {
    const onError = vi.fn();
    const boom = new Error('nope');
    const response = await handler({ authorizeAgent: () => Promise.reject(boom), onError })(post({ role: 2 }));
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(boom, { during: 'authorizeAgent', request: expect.any(Request) });
    expect(logs.output()).toBe('');
  });

  it('survives an onError that throws', async () => {
    const response = await handler({
      identify: () => {
        throw new Error('a');
      },
      onError: () => {
        throw new Error('b');
      },
    })(post({}));
    expect(response.status).toBe(500);
  });

  it('answers 500 when an allowedOrigins predicate throws', async () => {
    const response = await handler({
      allowedOrigins: () => {
        throw new Error('lookup failed');
      },
    })(post({}));
    expect(response.status).toBe(500);
    expect(logs.output()).toContain('allowedOrigins hook failed');
  });
});

describe('origin checks', () => {
  it('refuses a disallowed origin with 403 and no CORS headers', async () => {
    const response = await handler()(post({}, { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await errorOf(response)).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('names the refused origin in the error and logs one line per origin per minute, without tokens', async () => {
    let now = Date.UTC(2026, 0, 1);
    const h = handler({ now: () => now });
    const first = await h(post({}, { origin: 'https://staging.shop.example.com' }));
    expect(await errorOf(first)).toEqual({
      code: 'origin_not_allowed',
      message: 'The origin "https://staging.shop.example.com" may not request tokens. If it is your site, add it to allowedOrigins on the server.',
    });
    await h(post({}, { origin: 'https://staging.shop.example.com' }));
    await h(new Request(URL_, { method: 'OPTIONS', headers: { origin: 'https://staging.shop.example.com' } }));
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(logs.output()).toContain(
      '[zoom-cobrowse-widget] Token handler: refused a token request from origin "https://staging.shop.example.com" (403, not in allowedOrigins).',
    );
    await h(post({}, { origin: 'https://other.example' }));
    expect(console.warn).toHaveBeenCalledTimes(2);
    now += 60_000;
    await h(post({}, { origin: 'https://staging.shop.example.com' }));
    expect(console.warn).toHaveBeenCalledTimes(3);
  });

  it('logs at most 10 refused origins a minute, and sums up the rest in one line', async () => {
    let now = Date.UTC(2026, 0, 1);
    const h = handler({ now: () => now });
    for (let i = 0; i < 15; i++) await h(post({}, { origin: `https://rotating-${i}.example` }));
    expect(console.warn).toHaveBeenCalledTimes(10);
    now += 60_000;
    await h(post({}, { origin: 'https://rotating-0.example' }));
    expect(console.warn).toHaveBeenCalledTimes(12);
    expect(logs.output()).toContain('[zoom-cobrowse-widget] Token handler: 5 more token requests from other refused origins were not logged in the last minute.');
  });

  it('escapes a forged multi-line Origin in the log and caps what it echoes', async () => {
    const forged = `https://x.example\n[zoom-cobrowse-widget] fake line ${'a'.repeat(500)}`;
    const response = await handler()(post({}, { origin: forged.replace('\n', ' ') }));
    expect((await errorOf(response)).message.length).toBeLessThan(320);
    const direct = await handler()(new Request(URL_, { method: 'POST', headers: { origin: 'https://x.example\tfake' } }));
    expect(direct.status).toBe(403);
    expect(logs.output().split('\n').every((line) => line.startsWith('[zoom-cobrowse-widget]'))).toBe(true);
  });

  it('does not match look-alike origins', async () => {
    const h = handler();
    for (const origin of [`${ORIGIN}.evil.example`, 'http://shop.example.com', `${ORIGIN}:8443`, 'https://SHOP.example.com', 'null']) {
      expect((await h(post({}, { origin }))).status, origin).toBe(403);
    }
  });

  it('normalises allowlist entries (trailing slash, default port)', async () => {
    const h = handler({ allowedOrigins: ['https://shop.example.com:443/'] });
    await tokenOf(await h(post({})));
  });

  it('refuses requests without Origin by default, and accepts them with allowMissingOrigin', async () => {
    const bare = () => new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const refused = await handler()(bare());
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toContain('allowMissingOrigin');

    const allowed = await handler({ allowMissingOrigin: true })(bare());
    await tokenOf(allowed);
    expect(allowed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('accepts a predicate for patterns such as preview deployments', async () => {
    const h = handler({ allowedOrigins: (origin) => /^https:\/\/pr-\d+\.preview\.example\.com$/.test(origin) });
    await tokenOf(await h(post({}, { origin: 'https://pr-12.preview.example.com' })));
    expect((await h(post({}, { origin: 'https://pr-12.preview.example.com.evil.io' }))).status).toBe(403);
  });

  it('sends Allow-Credentials when allowCredentials is on', async () => {
    const response = await remember(await handler({ allowCredentials: true })(post({})));
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('CORS preflight', () => {
  const preflight = (origin: string | null, extra: Record<string, string> = {}) =>
    new Request(URL_, {
      method: 'OPTIONS',
      headers: {
        ...(origin === null ? {} : { origin }),
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        ...extra,
      },
    });

  it('answers 204 with the CORS headers for an allowed origin', async () => {
    const response = await handler()(preflight(ORIGIN));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('access-control-max-age')).toBe('7200');
  });

  it('lists extra allowHeaders', async () => {
    const response = await handler({ allowHeaders: ['Authorization', 'X-CSRF-Token'] })(preflight(ORIGIN));
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, authorization, x-csrf-token');
  });

  it('answers 403 without CORS headers for a disallowed origin', async () => {
    const response = await handler()(preflight('https://evil.example'));
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('answers a plain OPTIONS without Origin only when allowMissingOrigin is on', async () => {
    expect((await handler()(preflight(null))).status).toBe(403);
    const response = await handler({ allowMissingOrigin: true })(preflight(null));
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('method, media type and size', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD'])('answers 405 with Allow for %s', async (method) => {
    const response = await handler()(new Request(URL_, { method, headers: { origin: ORIGIN } }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    if (method !== 'HEAD') expect(await errorOf(response)).toMatchObject({ code: 'method_not_allowed' });
  });

  it.each([null, 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', 'multipart/form-data'])(
    'answers 415 for content-type %s',
    async (type) => {
      const headers: Record<string, string> = { origin: ORIGIN };
      if (type !== null) headers['content-type'] = type;
      const response = await handler()(new Request(URL_, { method: 'POST', headers, body: '{}' }));
      expect(response.status).toBe(415);
      expect(await errorOf(response)).toMatchObject({ code: 'unsupported_media_type' });
    },
  );

  it('accepts application/json with parameters, in any case', async () => {
    await tokenOf(await handler()(post({}, { 'content-type': 'Application/JSON; charset=UTF-8' })));
  });

  it('answers 413 for a 1 MB body', async () => {
    const response = await handler()(post({ userName: 'x'.repeat(1_000_000) }));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 413 from the declared Content-Length without reading the body', async () => {
    const request = post({}, { 'content-length': '1000000' });
    const read = vi.spyOn(request.body!, 'getReader');
    expect((await handler()(request)).status).toBe(413);
    expect(read).not.toHaveBeenCalled();
  });

  it('answers 413 when Content-Length lies, counting the bytes actually read', async () => {
    const response = await handler()(post({ userName: 'x'.repeat(1_000_000) }, { 'content-length': '12' }));
    expect(response.status).toBe(413);
  });

  it('stops reading an endless stream at the cap and cancels it', async () => {
    let pulled = 0;
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(4096).fill(0x20));
      },
      cancel,
    });
    const request = new Request(URL_, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect((await handler()(request)).status).toBe(413);
    expect(cancel).toHaveBeenCalled();
    expect(pulled).toBeLessThan(10);
  });

  it('accepts a body exactly at maxBodyBytes and refuses one byte more', async () => {
    const h = handler({ maxBodyBytes: 1024 });
    const sized = (n: number) => {
      const base = JSON.stringify({ userName: '' });
      return JSON.stringify({ userName: ' '.repeat(n - base.length) });
    };
    expect(sized(1024)).toHaveLength(1024);
    expect((await remember(await h(post(sized(1024))))).status).toBe(200);
    expect((await h(post(sized(1025)))).status).toBe(413);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After when the hook returns false', async () => {
    const response = await handler({ rateLimit: () => false })(post({}));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await errorOf(response)).toMatchObject({ code: 'rate_limited' });
  });

  it('uses the hook\'s retryAfterSeconds', async () => {
    const response = await handler({ rateLimit: async () => ({ allowed: false, retryAfterSeconds: 12.2 }) })(post({}));
    expect(response.headers.get('retry-after')).toBe('13');
  });

  it('limits with createMemoryRateLimit and recovers after the window', async () => {
    let now = 1_000_000;
    const h = handler({ rateLimit: createMemoryRateLimit({ limit: 2, windowMs: 10_000, now: () => now }) });
    const ip = { 'x-real-ip': '203.0.113.7' };
    expect((await remember(await h(post({}, ip)))).status).toBe(200);
    expect((await remember(await h(post({}, ip)))).status).toBe(200);
    const limited = await h(post({}, ip));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await remember(await h(post({}, { 'x-real-ip': '203.0.113.8' })))).status).toBe(200);
    now += 10_000;
    expect((await remember(await h(post({}, ip)))).status).toBe(200);
  });

  it('rate-limits by default (60 per minute per client)', async () => {
    const h = createTokenHandler({ sdkKey: SDK_KEY, sdkSecret: SDK_SECRET, allowedOrigins: [ORIGIN] });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await remember(await h(post({}, { 'x-real-ip': '198.51.100.1' })))).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it('does not count preflights or disallowed origins', async () => {
    const rateLimit = vi.fn(() => true);
    const h = handler({ rateLimit });
    await h(new Request(URL_, { method: 'OPTIONS', headers: { origin: ORIGIN } }));
    await h(post({}, { origin: 'https://evil.example' }));
    expect(rateLimit).not.toHaveBeenCalled();
  });

  it('answers 503 with Retry-After when the limiter cannot count and refuses anyway (unavailable: true)', async () => {
    const response = await handler({ rateLimit: () => ({ allowed: false, unavailable: true, retryAfterSeconds: 10 }) })(post({}));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('10');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(await errorOf(response)).toMatchObject({ code: 'service_unavailable' });
  });

  it('answers 500 when the hook returns something that is not a verdict', async () => {
    const response = await handler({ rateLimit: () => undefined as unknown as boolean })(post({}));
    expect(response.status).toBe(500);
    expect(logs.output()).toContain('rateLimit must return');
  });
});

describe('secrets stay secret', () => {
  it('never puts the secret or a token in any error body', async () => {
    const h = handler({ identify: () => ({ userName: SDK_SECRET }) });
    const requests = [
      post({ role: 2 }),
      post('{bad'),
      post({}, { origin: 'https://evil.example' }),
      post({}, { 'content-type': 'text/plain' }),
      post({ userName: 'x'.repeat(100_000) }),
      new Request(URL_, { method: 'GET', headers: { origin: ORIGIN } }),
    ];
    for (const request of requests) {
      const text = await (await h(request)).text();
      expect(text).not.toContain(SDK_SECRET);
      expect(text).not.toMatch(/eyJ/);
    }
  });

  it('keeps options unchanged and does not expose the secret on the handler', () => {
    const opts = options();
    const h = createTokenHandler(opts);
    expect(opts.sdkSecret).toBe(SDK_SECRET);
    expect(JSON.stringify(Object.entries(h))).not.toContain(SDK_SECRET);
    expect(h.toString()).not.toContain(SDK_SECRET);
  });
});
