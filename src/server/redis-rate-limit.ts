import RateLimiterRedis from 'rate-limiter-flexible/lib/RateLimiterRedis.js';
import { describeError, LOG_PREFIX, redact, TokenHandlerConfigError } from './messages';
import { bucketKey, getClientIp, positiveInteger } from './rate-limit';
import type { RateLimitHook, RateLimitResult } from './types';

/** Options of `createRedisRateLimit`. Unknown keys are rejected. */
export interface RedisRateLimitOptions {
  /**
   * Your connected Redis client: node-redis v4+ (`createClient()` from `redis`)
   * or `ioredis`. Neither is a dependency of this package; pass the one your
   * site already uses. Attach your own `client.on('error', …)` listener:
   * node-redis ends the process on an unhandled `error` event.
   */
  client: object;
  /**
   * Requests allowed per client in each window, across every instance sharing the Redis.
   * @default 60
   */
  limit?: number;
  /**
   * Window length in milliseconds, a whole number of seconds (Redis expiries are in seconds).
   * @default 60000
   */
  windowMs?: number;
  /**
   * Prefix of the Redis keys, so several apps (or a staging and a production
   * endpoint) can share one Redis without sharing budgets.
   * @default 'zoom-cobrowse-widget:rl:'
   */
  prefix?: string;
  /**
   * What to do when Redis cannot be reached: `'allow'` answers as if the request
   * were within its budget (a visitor asking for help still gets it), `'deny'`
   * refuses it with 503. Either way the handler says so in the log, once a minute.
   * @default 'allow'
   */
  onStoreError?: 'allow' | 'deny';
  /**
   * How long to wait for Redis before treating it as unreachable, in milliseconds.
   * @default 1000
   */
  timeoutMs?: number;
  /**
   * How to name the client of a request. Return `undefined` when unknown (all
   * unknown clients then share one budget).
   * @default getClientIp
   */
  clientIp?: (request: Request) => string | null | undefined;
  /**
   * Clock in epoch milliseconds, used to say "Redis is unreachable" at most once a minute; for tests.
   * @default Date.now
   */
  now?: () => number;
}

const KNOWN = new Set(['client', 'limit', 'windowMs', 'prefix', 'onStoreError', 'timeoutMs', 'clientIp', 'now']);

/** How often an outage is repeated in the log while it lasts. */
const STORE_ERROR_LOG_INTERVAL_MS = 60_000;
/** Retry-After of a 503 while Redis is down: long enough not to hammer, short enough to recover quickly. */
const STORE_DOWN_RETRY_AFTER_SECONDS = 10;

function fail(option: string, problem: string): never {
  throw new TokenHandlerConfigError(`rateLimit.${option}`, problem);
}

/** What the limiter rejects with when a key is over its budget (an object, not an Error). */
function isOverBudget(outcome: unknown): outcome is { msBeforeNext: number } {
  return !(outcome instanceof Error) && typeof outcome === 'object' && outcome !== null && typeof (outcome as { msBeforeNext?: unknown }).msBeforeNext === 'number';
}

/** A Redis URL in an error message may carry a password (`redis://user:pass@host`). */
function hideCredentials(text: string): string {
  return redact(text, []).replace(/(\w+:\/\/)[^@\s/]*@/g, '$1[redacted]@');
}

/**
 * A fixed-window rate limiter whose counts live in Redis, so every instance of
 * the token endpoint (cluster workers, containers, serverless functions) shares
 * one budget per visitor. Counting is one atomic Lua script per request
 * (rate-limiter-flexible's Redis limiter). When Redis is unreachable it answers
 * by `onStoreError` and logs that once a minute instead of failing the request.
 */
export function createRedisRateLimit(options: RedisRateLimitOptions): RateLimitHook {
  if (typeof options !== 'object' || options === null) fail('options', 'expected an object such as { client }.');
  const record = options as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN.has(key)) fail(key, `unknown option. Accepted options: ${[...KNOWN].join(', ')}.`);
  }
  const client = record['client'] as Record<string, unknown> | undefined;
  if (typeof client !== 'object' || client === null) {
    fail('client', 'required. Pass your connected Redis client: createClient() from "redis" (v4+) or new Redis() from "ioredis".');
  }
  // ioredis registers Lua scripts as commands; node-redis v4+ has eval(script, { keys, arguments }).
  const isIoredis = typeof client['defineCommand'] === 'function';
  const isNodeRedis = typeof client['eval'] === 'function' && (typeof client['isReady'] === 'boolean' || typeof client['isOpen'] === 'boolean');
  if (!isIoredis && !isNodeRedis) {
    fail('client', 'not a Redis client this limiter knows. Pass createClient() from "redis" (v4 or later) or new Redis() from "ioredis".');
  }
  const limit = positiveInteger(record, 'limit', 60);
  const windowMs = positiveInteger(record, 'windowMs', 60_000);
  if (windowMs % 1000 !== 0) fail('windowMs', `expected a whole number of seconds in milliseconds (Redis expiries are in seconds), e.g. ${Math.max(1, Math.round(windowMs / 1000)) * 1000}.`);
  const timeoutMs = positiveInteger(record, 'timeoutMs', 1000);
  const prefix = record['prefix'] ?? 'zoom-cobrowse-widget:rl:';
  if (typeof prefix !== 'string') fail('prefix', 'expected a string, e.g. "myshop:cobrowse:rl:".');
  const onStoreError = record['onStoreError'] ?? 'allow';
  if (onStoreError !== 'allow' && onStoreError !== 'deny') fail('onStoreError', `expected 'allow' or 'deny', got ${JSON.stringify(onStoreError)}.`);
  for (const key of ['clientIp', 'now'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') fail(key, 'expected a function.');
  }
  const clientIp = options.clientIp ?? getClientIp;
  const now = options.now ?? Date.now;

  const limiter = new RateLimiterRedis({
    storeClient: client,
    useRedisPackage: !isIoredis,
    points: limit,
    duration: windowMs / 1000,
    // rate-limiter-flexible joins prefix and key with ':'; ours already ends with one.
    keyPrefix: prefix.replace(/:$/, ''),
    // Fail at once while the client reconnects, instead of queueing until Redis is back.
    rejectIfRedisNotReady: true,
    inMemoryBlockOnConsumed: 0,
  });

  let lastWarnedAt = -Infinity;
  let down = false;
  const storeFailed = (error: unknown): RateLimitResult => {
    down = true;
    const time = now();
    if (time - lastWarnedAt >= STORE_ERROR_LOG_INTERVAL_MS) {
      lastWarnedAt = time;
      console.warn(
        `${LOG_PREFIX} Redis rate limit: Redis did not answer (${hideCredentials(describeError(error).split('\n', 1)[0] ?? '')}); ` +
          (onStoreError === 'allow'
            ? 'token requests are allowed without counting until it does (onStoreError: "allow").'
            : 'token requests are refused with 503 until it does (onStoreError: "deny").') +
          ' Check that Redis is running and reachable from this server. Repeated at most once a minute.',
      );
    }
    return onStoreError === 'allow' ? true : { allowed: false, unavailable: true, retryAfterSeconds: STORE_DOWN_RETRY_AFTER_SECONDS };
  };
  const storeAnswered = (): void => {
    if (!down) return;
    down = false;
    lastWarnedAt = -Infinity;
    console.info(`${LOG_PREFIX} Redis rate limit: Redis answers again; requests are counted again.`);
  };

  return async (request) => {
    const key = bucketKey(clientIp(request));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([limiter.consume(key), timeout]);
      storeAnswered();
      return true;
    } catch (outcome) {
      if (!isOverBudget(outcome)) return storeFailed(outcome);
      storeAnswered();
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
    } finally {
      clearTimeout(timer);
    }
  };
}
