/**
 * Property tests of the token endpoint: NUM_RUNS (default 10 000) generated option objects
 * through createTokenHandler / createMemoryRateLimit, and NUM_RUNS generated requests
 * (random JSON, wrong types, huge and deeply nested values, invalid UTF-8, bad origins,
 * methods and content types) through the handler. Each request's status is checked against
 * a small model of the documented rules (README "Errors"), each 200 carries a valid token
 * with clean claims, and nothing ever answers 500 or echoes the secret. Fixed seed;
 * `SEED=` and `NUM_RUNS=` override.
 */
import fc from 'fast-check';
import { jwtVerify } from 'jose';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryRateLimit, createTokenHandler, TokenHandlerConfigError } from '../../src/server';
import { MAX_NAME_LENGTH, MAX_USER_ID_LENGTH } from '../../src/server/body';
import { HOSTILE_STRINGS, NUM_RUNS, SEED } from '../helpers/config-arbitraries';
import { expectNoPollution } from '../helpers/config-checks';
import { ORIGIN, SDK_KEY, SDK_SECRET, SECRET_BYTES, URL_ } from './helpers';

const MAX_BODY = 16 * 1024;
const hostile = fc.constantFrom(...HOSTILE_STRINGS);
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostile,
  fc.constantFrom(NaN, Infinity, -0, 1e308, null, undefined, true, Symbol('s'), 10n, () => true, new Date(0), Object.create(null)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown),
);

// ---- Options ----

const origin = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(ORIGIN, 'http://localhost:5173', 'https://a.example:8443') },
  { weight: 1, arbitrary: fc.constantFrom('*', 'https://*.example.com', 'shop.example.com', 'https://shop.example.com/path', 'ftp://x', 'https://user@x.example', '', ' ') },
  { weight: 1, arbitrary: anything },
);
const opt = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: anything });
const optionsArb = fc
  .record(
    {
      sdkKey: opt(fc.constantFrom(SDK_KEY, 'other-key')),
      sdkSecret: opt(fc.oneof({ weight: 12, arbitrary: fc.constant(SDK_SECRET) }, { weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 40 }) }, { weight: 1, arbitrary: fc.constant(` ${SDK_SECRET}\n`) }, { weight: 1, arbitrary: fc.constant(SDK_KEY) })),
      allowedOrigins: opt(fc.oneof(fc.array(origin, { minLength: 1, maxLength: 4 }), fc.constant([]), fc.constant((o: string) => o === ORIGIN), fc.constant('*'))),
      allowMissingOrigin: opt(fc.boolean()),
      allowCredentials: opt(fc.boolean()),
      allowHeaders: opt(fc.array(fc.oneof(fc.constantFrom('authorization', 'x-csrf-token'), hostile), { maxLength: 3 })),
      ttlSeconds: opt(fc.oneof(fc.integer({ min: 1800, max: 172_800 }), fc.double())),
      enableByop: opt(fc.boolean()),
      maxBodyBytes: opt(fc.oneof(fc.integer({ min: 256, max: 1 << 20 }), fc.integer())),
      authorizeAgent: opt(fc.constant(() => true)),
      identify: opt(fc.constant(() => null)),
      rateLimit: opt(fc.oneof(fc.constant(false as const), fc.constant(() => true))),
      onError: opt(fc.constant(() => {})),
      now: opt(fc.constant(() => Date.now())),
    },
    { requiredKeys: ['sdkKey', 'sdkSecret', 'allowedOrigins'] },
  )
  .chain((o) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(o as unknown) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'origin', 'secret', 'sdk_secret'), anything).map(([k, v]) => Object.defineProperty({ ...o }, k, { value: v, enumerable: true })) },
      { weight: 1, arbitrary: anything },
    ),
  );

const limiterArb = fc
  .record(
    {
      limit: opt(fc.integer({ min: 1, max: 1000 })),
      windowMs: opt(fc.integer({ min: 1, max: 3_600_000 })),
      maxClients: opt(fc.integer({ min: 1, max: 100_000 })),
      clientIp: opt(fc.constant(() => '203.0.113.9')),
      now: opt(fc.constant(() => 0)),
    },
    { requiredKeys: [] },
  )
  .chain((o) => fc.oneof({ weight: 8, arbitrary: fc.constant(o as unknown) }, { weight: 1, arbitrary: anything }));

const optionCounts = { errors: 0, created: 0, other: 0, limiterErrors: 0, limiterCreated: 0, limiterOther: 0 };

/** A thrown value is a TokenHandlerConfigError naming an option, prefixed, never echoing the secret. */
function expectOptionError(err: unknown): void {
  if (!(err instanceof TokenHandlerConfigError)) throw new Error(`not a TokenHandlerConfigError: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
  expect(err.option.length).toBeGreaterThan(0);
  expect(err.message.startsWith('[zoom-cobrowse-widget]')).toBe(true);
  expect(err.message).not.toContain(SDK_SECRET);
}

// ---- Requests ----

interface GeneratedRequest {
  method: string;
  origin: string | null;
  contentType: string | null;
  /** What is sent: text, raw bytes, or nothing. */
  body: { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'none' };
  declaredLength?: string;
}

const fieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: hostile.filter((s) => s.length < 6000) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const bodyObject = fc.record(
  {
    role: fc.oneof(fc.constantFrom(1, 2, '1', '2', 0, 3, '01', -1, 1.5, null, true, 'agent', [1]), fc.jsonValue({ maxDepth: 1 })),
    userId: fieldValue,
    userName: fieldValue,
    expirationSeconds: fc.oneof(fc.integer(), fc.constantFrom('3600', ' 1800 ', '1e3', '-5', 0, 1e308, 10 ** 12), fc.double(), fc.jsonValue({ maxDepth: 1 })),
    extra: fc.jsonValue({ maxDepth: 3 }),
    __proto__: fc.constant({ polluted: 'yes' }),
    constructor: fc.constant({ prototype: { polluted: 'yes' } }),
  },
  { requiredKeys: [] },
);
const nested = fc.integer({ min: 100, max: 7000 }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`);
const bodyText = fc.oneof(
  { weight: 6, arbitrary: bodyObject.map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '{', '{"role":1', 'null', '[]', '"x"', '{"role":1}garbage', '\uFEFF{"role":1}', '{"role":1,"role":2}') },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: nested.map((s) => `{"userName":"x","deep":${s}}`) },
  // Huge: over maxBodyBytes, in bytes or in UTF-16 units.
  { weight: 1, arbitrary: fc.integer({ min: MAX_BODY - 64, max: MAX_BODY * 4 }).map((n) => JSON.stringify({ userName: 'x'.repeat(n) })) },
  { weight: 1, arbitrary: fc.integer({ min: 4000, max: 9000 }).map((n) => JSON.stringify({ userName: '😀'.repeat(n) })) },
);
// Invalid UTF-8: lone continuation bytes, overlong forms, surrogates encoded, truncated sequences.
const invalidUtf8 = fc
  .tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xff]), fc.uint8Array({ maxLength: 10 }))
  .map(([a, bad, b]) => new Uint8Array([...new TextEncoder().encode('{"userName":"'), ...a, ...bad, ...b, ...new TextEncoder().encode('"}')]));

const requestArb: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: fc.oneof({ weight: 12, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') }),
  origin: fc.oneof(
    { weight: 10, arbitrary: fc.constant(ORIGIN) },
    { weight: 1, arbitrary: fc.constantFrom(null, 'null', 'https://evil.example', `${ORIGIN}.evil.example`, 'HTTPS://SHOP.EXAMPLE.COM', `${ORIGIN}/`, `${ORIGIN}:443`, '') },
  ),
  contentType: fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom(null, 'text/plain', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/jsonx', 'multipart/form-data', ' application/json ;x=y') },
  ),
  body: fc.oneof(
    { weight: 10, arbitrary: bodyText.map((text) => ({ kind: 'text' as const, text })) },
    { weight: 1, arbitrary: invalidUtf8.map((bytes) => ({ kind: 'bytes' as const, bytes })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  ),
  declaredLength: fc.option(fc.constantFrom('0', '10', String(MAX_BODY + 1), '99999999999', 'abc'), { nil: undefined }),
});

function toRequest(g: GeneratedRequest): Request {
  const headers = new Headers();
  if (g.origin !== null) headers.set('origin', g.origin);
  if (g.contentType !== null) headers.set('content-type', g.contentType);
  const canHaveBody = g.method !== 'GET' && g.method !== 'HEAD';
  const body = !canHaveBody || g.body.kind === 'none' ? null : g.body.kind === 'text' ? g.body.text : g.body.bytes;
  // A Request computes its own Content-Length; a declared one is a hint the handler may read from a proxied request.
  const request = new Request(URL_, { method: g.method, headers, body: body as BodyInit | null });
  if (g.declaredLength !== undefined && body !== null) {
    return new Proxy(request, {
      get(target, prop) {
        if (prop === 'headers') {
          const h = new Headers(target.headers);
          h.set('content-length', g.declaredLength!);
          return h;
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }
  return request;
}

/** The documented answer to a request, from the README's rules in the handler's order. */
function expectedStatus(g: GeneratedRequest): { status: number; code?: string } {
  const originOk = g.origin === ORIGIN;
  if (g.method === 'OPTIONS') return originOk ? { status: 204 } : { status: 403, code: 'origin_not_allowed' };
  if (g.method !== 'POST') return { status: 405, code: 'method_not_allowed' };
  if (!originOk) return { status: 403, code: 'origin_not_allowed' };
  const mediaType = g.contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return { status: 415, code: 'unsupported_media_type' };
  const bytes = g.body.kind === 'text' ? new TextEncoder().encode(g.body.text) : g.body.kind === 'bytes' ? g.body.bytes : new Uint8Array();
  if (g.declaredLength !== undefined && g.body.kind !== 'none' && /^\d+$/.test(g.declaredLength) && Number(g.declaredLength) > MAX_BODY) return { status: 413, code: 'payload_too_large' };
  if (bytes.byteLength > MAX_BODY) return { status: 413, code: 'payload_too_large' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, code: 'invalid_request' };
  }
  if (text.trim() === '') return { status: 200 };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { status: 400, code: 'invalid_json' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { status: 400, code: 'invalid_request' };
  const r = raw as Record<string, unknown>;
  const role = r.role;
  if (!(role === undefined || role === null || role === 1 || role === 2 || role === '1' || role === '2')) return { status: 400, code: 'invalid_request' };
  for (const k of ['userId', 'userName']) if (!(r[k] === undefined || r[k] === null || typeof r[k] === 'string')) return { status: 400, code: 'invalid_request' };
  const s = r.expirationSeconds;
  if (s !== undefined && s !== null) {
    const n = typeof s === 'string' && /^\s*\d+\s*$/.test(s) ? Number(s) : s;
    if (!(typeof n === 'number' && Number.isFinite(n) && n > 0)) return { status: 400, code: 'invalid_request' };
  }
  if (role === 2 || role === '2') return { status: 403, code: 'agent_not_authorized' };
  return { status: 200 };
}

const INVISIBLE = /[\p{Cc}\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const statusCounts = new Map<string, number>();

afterAll(() => {
  console.log(`[property] createTokenHandler options (seed ${SEED}): ${optionCounts.errors + optionCounts.created + optionCounts.other} runs — config errors ${optionCounts.errors} / created ${optionCounts.created} / other ${optionCounts.other}`);
  console.log(`[property] createMemoryRateLimit options (seed ${SEED}): ${optionCounts.limiterErrors + optionCounts.limiterCreated + optionCounts.limiterOther} runs — config errors ${optionCounts.limiterErrors} / created ${optionCounts.limiterCreated} / other ${optionCounts.limiterOther}`);
  const total = [...statusCounts.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...statusCounts.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`[property] token handler requests (seed ${SEED}): ${total} runs, every status as documented — ${byStatus}`);
});

describe('createTokenHandler over generated options', () => {
  it(`${NUM_RUNS} option objects: a TokenHandlerConfigError naming the option, or a working handler`, () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      fc.assert(
        fc.property(optionsArb, limiterArb, (options, limiter) => {
          try {
            const h = createTokenHandler(options as never);
            expect(typeof h).toBe('function');
            optionCounts.created++;
          } catch (err) {
            if (err instanceof TokenHandlerConfigError) optionCounts.errors++;
            else optionCounts.other++;
            expectOptionError(err);
          }
          try {
            const l = createMemoryRateLimit(limiter as never);
            expect(typeof l).toBe('function');
            optionCounts.limiterCreated++;
          } catch (err) {
            if (err instanceof TokenHandlerConfigError) optionCounts.limiterErrors++;
            else optionCounts.limiterOther++;
            expectOptionError(err);
          }
          expectNoPollution();
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
      for (const [args] of warn.mock.calls) expect(String(args)).not.toContain(SDK_SECRET);
    } finally {
      warn.mockRestore();
    }
    expect(optionCounts.other + optionCounts.limiterOther).toBe(0);
    expect(optionCounts.created).toBeGreaterThan(NUM_RUNS / 10);
    expect(optionCounts.errors).toBeGreaterThan(NUM_RUNS / 10);
  }, 120_000);
});

describe('the token handler over generated requests', () => {
  it(`${NUM_RUNS} requests: each answered with its documented status, never a 500, tokens only for valid customer bodies`, async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The handler says once per origin that it refused one; those lines are checked, not printed.
    const warnLog = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handle = createTokenHandler({ sdkKey: SDK_KEY, sdkSecret: SDK_SECRET, allowedOrigins: [ORIGIN], rateLimit: false });
    try {
      await fc.assert(
        fc.asyncProperty(requestArb, async (g) => {
          const response = await handle(toRequest(g));
          const want = expectedStatus(g);
          const text = await response.text();
          statusCounts.set(String(response.status), (statusCounts.get(String(response.status)) ?? 0) + 1);
          expect(response.status, text.slice(0, 200)).toBe(want.status);
          expect(text).not.toContain(SDK_SECRET);
          expect(response.headers.get('cache-control')).toBe('no-store');
          if (response.status === 204) {
            expect(text).toBe('');
          } else if (response.status === 200) {
            const body = JSON.parse(text) as { token: string; expiresAt: string };
            const { payload } = await jwtVerify(body.token, SECRET_BYTES, { algorithms: ['HS256'] });
            expect(payload.role_type).toBe(1);
            expect(payload.app_key).toBe(SDK_KEY);
            const name = payload['user_name'] as string;
            const id = payload['user_id'] as string;
            expect(name.length).toBeGreaterThan(0);
            expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
            expect(name).not.toMatch(INVISIBLE);
            expect(id.length).toBeGreaterThan(0);
            expect(id.length).toBeLessThanOrEqual(MAX_USER_ID_LENGTH);
            expect(payload.exp! - payload.iat!).toBeGreaterThanOrEqual(1800);
            expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(7200);
          } else {
            const body = JSON.parse(text) as { error: { code: string; message: string } };
            expect(Object.keys(body)).toEqual(['error']);
            expect(body.error.code).toBe(want.code);
            expect(body.error.message.length).toBeGreaterThan(0);
          }
          // CORS headers only for the allowed origin.
          expect(response.headers.get('access-control-allow-origin')).toBe(g.origin === ORIGIN ? ORIGIN : null);
          expectNoPollution();
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
      // No request made the handler log a failure: nothing threw inside it.
      expect(errorLog).not.toHaveBeenCalled();
      for (const [line] of warnLog.mock.calls) {
        expect(String(line).startsWith('[zoom-cobrowse-widget]')).toBe(true);
        expect(String(line)).not.toContain(SDK_SECRET);
      }
    } finally {
      errorLog.mockRestore();
      warnLog.mockRestore();
    }
    for (const status of ['200', '400', '403', '413', '415']) expect(statusCounts.get(status), status).toBeGreaterThan(0);
  }, 300_000);
});
