import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Redis from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisRateLimit, TokenHandlerConfigError, type RedisRateLimitOptions } from '../../src/server';
import { guardConsole, handler, post, remember } from './helpers';
import { requireRedisOrSkip, startRedis, type RedisProcess } from './redis-server';

const logs = guardConsole();
const HAS_REDIS = requireRedisOrSkip('Redis rate limit tests');

const INSTANCE = fileURLToPath(new URL('./token-instance.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

type ClientKind = 'redis' | 'ioredis';
const makeNodeRedis = (url: string) => createClient({ url });
type AnyClient = ReturnType<typeof makeNodeRedis> | Redis;

let redis: RedisProcess;
const clients: AnyClient[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (HAS_REDIS) redis = await startRedis();
}, 20_000);

afterAll(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const client of clients.splice(0)) {
    if (client instanceof Redis) client.disconnect();
    else client.destroy();
  }
  await redis?.stop();
});

/** A connected client of the given library; outages are reported by the limiter, so client errors are swallowed. */
async function connect(kind: ClientKind): Promise<AnyClient> {
  if (kind === 'ioredis') {
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    clients.push(client);
    if (client.status !== 'ready') await once(client, 'ready');
    return client;
  }
  const client = makeNodeRedis(redis.url);
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

let prefixes = 0;
/** A fresh key prefix per test, so budgets never leak between tests sharing the Redis. */
const freshPrefix = () => `zcw-test-${process.pid}-${++prefixes}:`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const from = (ip: string) => post({}, { 'x-real-ip': ip });

/** Retries a request until `accept` holds (a client reconnecting after Redis restarts), or fails after 15 s. */
async function eventually(send: () => Promise<Response>, accept: (status: number) => boolean): Promise<Response> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await remember(await send());
    if (accept(response.status) || Date.now() > deadline) return response;
    await sleep(100);
  }
}

describe.skipIf(!HAS_REDIS)('createRedisRateLimit with a real redis-server', () => {
  describe.each(['redis', 'ioredis'] as const)('with the %s client', (kind) => {
    const limited = async (extra: Partial<RedisRateLimitOptions> = {}) =>
      handler({ rateLimit: createRedisRateLimit({ client: await connect(kind), prefix: freshPrefix(), ...extra }) });

    it('shares one budget between two handlers (the 61st request gets 429 whichever handler takes it)', async () => {
      const client = await connect(kind);
      const prefix = freshPrefix();
      const a = handler({ rateLimit: createRedisRateLimit({ client, prefix }) });
      const b = handler({ rateLimit: createRedisRateLimit({ client, prefix }) });
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push((await remember(await (i % 2 ? b : a)(from('198.51.100.10')))).status);
      expect(statuses.slice(0, 60)).toEqual(new Array(60).fill(200));
      expect(statuses[60]).toBe(429);
      // Another visitor still has a full budget.
      expect((await remember(await b(from('198.51.100.11')))).status).toBe(200);
    });

    it('answers 429 with a Retry-After inside the window, and counts one IPv6 /64 as one visitor', async () => {
      const h = await limited({ limit: 2, windowMs: 30_000 });
      await remember(await h(from('2001:db8:5:6::1')));
      await remember(await h(from('2001:db8:5:6::ffff')));
      const refused = await h(from('2001:db8:5:6:1::1'));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      expect((await remember(await h(from('2001:db8:5:7::1')))).status).toBe(200);
    });

    it('rolls the window over: a refused visitor is served again once the window has passed', async () => {
      const h = await limited({ limit: 2, windowMs: 1000 });
      const first = await remember(await h(from('203.0.113.20')));
      await remember(await h(from('203.0.113.20')));
      expect(first.status).toBe(200);
      expect((await h(from('203.0.113.20'))).status).toBe(429);
      await sleep(1100);
      expect((await remember(await h(from('203.0.113.20')))).status).toBe(200);
      expect((await remember(await h(from('203.0.113.20')))).status).toBe(200);
      expect((await h(from('203.0.113.20'))).status).toBe(429);
    });

    it('keeps its keys under the prefix, expiring with the window', async () => {
      const client = await connect(kind);
      const prefix = freshPrefix();
      const h = handler({ rateLimit: createRedisRateLimit({ client, prefix, windowMs: 5000 }) });
      await remember(await h(from('203.0.113.30')));
      const key = `${prefix}203.0.113.30`;
      const [count, ttl] =
        client instanceof Redis ? [await client.get(key), await client.pttl(key)] : [await client.get(key), await client.pTTL(key)];
      expect(count).toBe('1');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5000);
    });
  });

  describe('when Redis goes away mid-test', () => {
    it.each(['redis', 'ioredis'] as const)(
      "onStoreError 'allow' (%s) keeps issuing tokens, says so once a minute, and counts again when Redis is back",
      async (kind) => {
        let now = 0;
        const client = await connect(kind);
        const h = handler({ rateLimit: createRedisRateLimit({ client, prefix: freshPrefix(), limit: 3, timeoutMs: 500, now: () => now }) });
        for (let i = 0; i < 3; i++) expect((await remember(await h(from('203.0.113.40')))).status).toBe(200);
        expect((await h(from('203.0.113.40'))).status).toBe(429);

        await redis.kill();
        // Over budget, but the store cannot count: a visitor asking for help still gets a token.
        for (let i = 0; i < 5; i++) expect((await remember(await h(from('203.0.113.40')))).status).toBe(200);
        expect(console.warn).toHaveBeenCalledTimes(1);
        expect(logs.output()).toMatch(/\[zoom-cobrowse-widget\] Redis rate limit: Redis did not answer .*allowed without counting/);
        now += 60_000;
        await remember(await h(from('203.0.113.40')));
        expect(console.warn).toHaveBeenCalledTimes(2);

        await redis.start();
        // Redis restarted empty (no persistence), so counting starts afresh once the client has reconnected.
        await eventually(() => h(from('203.0.113.41')), () => vi.mocked(console.info).mock.calls.length > 0);
        expect(logs.output()).toContain('[zoom-cobrowse-widget] Redis rate limit: Redis answers again; requests are counted again.');
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await remember(await h(from('203.0.113.42')))).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
      },
      30_000,
    );

    it.each(['redis', 'ioredis'] as const)(
      "onStoreError 'deny' (%s) answers 503 with Retry-After while Redis is down and recovers when it is back",
      async (kind) => {
        const client = await connect(kind);
        const h = handler({ rateLimit: createRedisRateLimit({ client, prefix: freshPrefix(), onStoreError: 'deny', timeoutMs: 500 }) });
        expect((await remember(await h(from('203.0.113.50')))).status).toBe(200);

        await redis.kill();
        const refused = await h(from('203.0.113.50'));
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('10');
        expect(await refused.json()).toEqual({
          error: { code: 'service_unavailable', message: 'The token service cannot check its rate limit right now. Try again shortly.' },
        });
        expect(logs.output()).toContain('refused with 503 until it does (onStoreError: "deny")');

        await redis.start();
        const back = await eventually(() => h(from('203.0.113.50')), (status) => status === 200);
        expect(back.status).toBe(200);
      },
      30_000,
    );
  });

  describe('two handler instances in two processes sharing one Redis', () => {
    /** Starts test/server/token-instance.ts in a child process; resolves with its base URL. */
    async function instance(config: Record<string, unknown>): Promise<string> {
      const child = spawn(process.execPath, ['--import', TSX, INSTANCE, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 20_000);
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const ready = /READY (\d+)/.exec(output);
          if (ready) {
            clearTimeout(timer);
            resolve(`http://127.0.0.1:${ready[1]}`);
          }
        });
        child.on('exit', (code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
      });
    }

    const tokenRequest = (base: string, visitor: string) =>
      fetch(`${base}/api/cobrowse/token`, {
        method: 'POST',
        // The instances see 127.0.0.1 (a local proxy), so they count the visitor named by the proxy header.
        headers: { origin: 'http://localhost:5173', 'content-type': 'application/json', 'x-forwarded-for': visitor },
        body: '{}',
      });

    it('enforces one budget of 60 a minute: the 61st request gets 429 whichever process takes it (node-redis and ioredis together)', async () => {
      const prefix = freshPrefix();
      const [a, b] = await Promise.all([
        instance({ limiter: 'redis', redisUrl: redis.url, prefix }),
        instance({ limiter: 'ioredis', redisUrl: redis.url, prefix }),
      ]);
      for (const [visitor, order] of [
        ['198.51.100.60', [a, b]],
        ['198.51.100.61', [b, a]],
      ] as const) {
        const statuses: number[] = [];
        for (let i = 0; i < 61; i++) {
          const response = await tokenRequest(order[i % 2]!, visitor);
          await response.arrayBuffer();
          statuses.push(response.status);
        }
        expect(statuses.filter((s) => s === 200)).toHaveLength(60);
        expect(statuses[60]).toBe(429);
        // The other process refuses this visitor too.
        const other = await tokenRequest(order[1]!, visitor);
        expect(other.status).toBe(429);
        expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }, 60_000);
  });
});

describe('createRedisRateLimit options', () => {
  const fakeNodeRedis = { isReady: true, eval: () => Promise.resolve([1, 1000]) };

  it('requires a node-redis v4+ or ioredis client', () => {
    expect(() => createRedisRateLimit({} as RedisRateLimitOptions)).toThrow(/rateLimit\.client.*required/);
    expect(() => createRedisRateLimit({ client: { get: () => undefined } })).toThrow(/not a Redis client this limiter knows/);
    expect(() => createRedisRateLimit({ client: fakeNodeRedis })).not.toThrow();
  });

  it('refuses unknown options, windows that are not whole seconds, and other onStoreError values', () => {
    expect(() => createRedisRateLimit({ client: fakeNodeRedis, max: 5 } as unknown as RedisRateLimitOptions)).toThrow(TokenHandlerConfigError);
    expect(() => createRedisRateLimit({ client: fakeNodeRedis, windowMs: 1500 })).toThrow(/rateLimit\.windowMs.*whole number of seconds/);
    expect(() => createRedisRateLimit({ client: fakeNodeRedis, onStoreError: 'ignore' as 'allow' })).toThrow(/'allow' or 'deny'/);
    expect(() => createRedisRateLimit({ client: fakeNodeRedis, limit: 0 })).toThrow(/rateLimit\.limit/);
  });

  it('treats a store that never answers as down after timeoutMs, and never logs a password from the error', async () => {
    const failing = {
      isReady: true,
      eval: () => Promise.reject(new Error('connect to redis://app:hunter2@cache.internal:6379 failed')),
    };
    const h = handler({ rateLimit: createRedisRateLimit({ client: failing }) });
    expect((await remember(await h(from('203.0.113.70')))).status).toBe(200);
    expect(logs.output()).toContain('redis://[redacted]@cache.internal:6379');
    expect(logs.output()).not.toContain('hunter2');

    const silent = { isReady: true, eval: () => new Promise(() => undefined) };
    const started = Date.now();
    const denied = await handler({ rateLimit: createRedisRateLimit({ client: silent, timeoutMs: 200, onStoreError: 'deny' }) })(from('203.0.113.71'));
    expect(denied.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(logs.output()).toContain('no answer within 200 ms');
  });
});
