import { optionName, TokenHandlerConfigError } from './messages';
import { remoteAddresses } from './request-context';
import type { RateLimitHook } from './types';

/** Options of `createMemoryRateLimit`. Unknown keys are rejected. */
export interface MemoryRateLimitOptions {
  /**
   * Requests allowed per client in each window.
   * @default 60
   */
  limit?: number;
  /**
   * Window length in milliseconds.
   * @default 60000
   */
  windowMs?: number;
  /**
   * Most clients tracked at once; beyond it the oldest windows are forgotten, so
   * memory stays bounded even when an attacker rotates addresses.
   * @default 10000
   */
  maxClients?: number;
  /**
   * How to name the client of a request. Return `undefined` when unknown (all
   * unknown clients then share one budget).
   * @default getClientIp
   */
  clientIp?: (request: Request) => string | null | undefined;
  /**
   * Clock in epoch milliseconds, for tests.
   * @default Date.now
   */
  now?: () => number;
}

const KNOWN = new Set(['limit', 'windowMs', 'maxClients', 'clientIp', 'now']);

function parseIPv4(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

/** Expands an IPv6 address to 8 hextets, or `undefined` if it is not one. */
function parseIPv6(ip: string): number[] | undefined {
  let address = ip.replace(/%.*$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(address) || !address.includes(':')) return undefined;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.', lastColon)) {
    // Rewrite an embedded IPv4 tail (::ffff:1.2.3.4) as its two hextets.
    const v4 = parseIPv4(address.slice(lastColon + 1));
    if (!v4) return undefined;
    address = `${address.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
    return groups.every((g) => !Number.isNaN(g)) ? groups : undefined;
  };
  const left = toGroups(halves[0] ?? '');
  const right = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}

/** Unwraps `::ffff:1.2.3.4`, which dual-stack Node sockets report for IPv4 peers. */
function unmapIPv4(ip: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return match?.[1] ?? ip;
}

/** Loopback, private, link-local or CGNAT: the address of a proxy, never of a visitor on the internet. */
function isInternal(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a === 0;
  }
  const v6 = parseIPv6(ip);
  if (!v6) return false;
  const first = v6[0]!;
  const isLoopback = v6.slice(0, 7).every((g) => g === 0) && v6[7] === 1;
  return isLoopback || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

function normaliseIp(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ip = unmapIPv4(value.trim());
  return parseIPv4(ip) || parseIPv6(ip) ? ip : undefined;
}

/**
 * The client address of a request, for rate limiting. A request that reached
 * `toNodeHandler` straight from a public address uses that address: forwarding
 * headers are then written by the client and could rotate at will. Otherwise
 * (behind a proxy on a private address, or on Workers/Vercel/Deno where the
 * platform sets them) it reads `cf-connecting-ip`, `x-real-ip`, then the
 * right-most public `x-forwarded-for` entry — the one your own proxy appended.
 */
export function getClientIp(request: Request): string | undefined {
  const peer = normaliseIp(remoteAddresses.get(request));
  if (peer !== undefined && !isInternal(peer)) return peer;
  const direct = normaliseIp(request.headers.get('cf-connecting-ip')) ?? normaliseIp(request.headers.get('x-real-ip'));
  if (direct !== undefined) return direct;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => normaliseIp(entry))
    .filter((ip): ip is string => ip !== undefined);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!isInternal(forwarded[i]!)) return forwarded[i];
  }
  return forwarded.at(-1) ?? peer;
}

/** IPv6 users usually hold a whole /64, so one budget per /64, not per address. */
function bucketKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const v6 = parseIPv4(ip) ? undefined : parseIPv6(ip);
  return v6 ? `${v6.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64` : ip;
}

function positiveInteger(options: Record<string, unknown>, key: string, fallback: number): number {
  const value = options[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TokenHandlerConfigError(`rateLimit.${key}`, `expected a whole number of at least 1 (default ${fallback}).`);
  }
  return value;
}

/**
 * A fixed-window rate limiter kept in this process's memory: fine for one
 * server process, but every instance (each serverless isolate, each cluster
 * worker) counts separately, so use a shared store when you run several.
 */
export function createMemoryRateLimit(options: MemoryRateLimitOptions = {}): RateLimitHook {
  // null (or a string) would fail in Object.keys with a TypeError that names no option.
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TokenHandlerConfigError('rateLimit', 'createMemoryRateLimit expects an options object such as { limit: 60, windowMs: 60000 }, or no argument.');
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN.has(key)) throw new TokenHandlerConfigError(`rateLimit.${optionName(key)}`, `unknown option. Accepted options: ${[...KNOWN].join(', ')}.`);
  }
  const limit = positiveInteger(record, 'limit', 60);
  const windowMs = positiveInteger(record, 'windowMs', 60_000);
  const maxClients = positiveInteger(record, 'maxClients', 10_000);
  for (const key of ['clientIp', 'now'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new TokenHandlerConfigError(`rateLimit.${key}`, 'expected a function.');
    }
  }
  const clientIp = options.clientIp ?? getClientIp;
  const now = options.now ?? Date.now;

  // Map keeps insertion order, and an entry is re-inserted whenever its window
  // restarts, so the oldest window is (nearly always) first: expiry and eviction
  // are both O(1) from the front, whatever an attacker does. An over-limit window
  // moved to the back by evictOne may outlive its end there; it is reset when read.
  const windows = new Map<string, { count: number; resetAt: number }>();

  /**
   * Forgets the oldest window, but not one whose client is over its limit: forgetting it
   * would hand that client a fresh budget whenever enough other addresses fill the table
   * (a soak with rotating addresses let one client take 480 tokens in 20 s instead of 60 a
   * minute). Such a window moves to the back instead; a few probes at most, so the cost stays
   * O(1), and if every probed window is over its limit the oldest goes anyway.
   */
  const evictOne = (): void => {
    for (let probe = 0; probe < 8; probe++) {
      const oldest = windows.entries().next();
      if (oldest.done) return;
      const [key, entry] = oldest.value;
      windows.delete(key);
      if (entry.count <= limit || probe === 7) return;
      windows.set(key, entry);
    }
  };

  return (request) => {
    const time = now();
    for (const [key, entry] of windows) {
      if (entry.resetAt > time) break;
      windows.delete(key);
    }
    const key = bucketKey(clientIp(request));
    let entry = windows.get(key);
    if (entry !== undefined && entry.resetAt <= time) {
      // A window kept past its end behind a newer one (see below): start a new one, at the back.
      windows.delete(key);
      entry = undefined;
    }
    if (entry === undefined) {
      if (windows.size >= maxClients) evictOne();
      entry = { count: 0, resetAt: time + windowMs };
      windows.set(key, entry);
    }
    entry.count += 1;
    if (entry.count <= limit) return true;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - time) / 1000)) };
  };
}
