import ipaddr, { type IPv4, type IPv6 } from 'ipaddr.js';
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

/**
 * Parses a textual address the way a socket or a proxy writes it. IPv4 only in
 * dotted-quad form: ipaddr.js's general parser also takes `127.1` or `0x7f.0.0.1`,
 * which no proxy emits and a forged header could use to name one client twice.
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what dual-stack Node sockets report) becomes IPv4.
 */
function parseIp(value: string | null | undefined): IPv4 | IPv6 | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return undefined;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/**
 * ipaddr.js range names of addresses that belong to proxies, never to a visitor
 * on the internet: private, loopback, link-local, and CGNAT (the carrier's
 * address, shared by thousands of subscribers).
 */
const INTERNAL_V4 = new Set(['private', 'loopback', 'linkLocal', 'carrierGradeNat', 'unspecified']);
const INTERNAL_V6 = new Set(['loopback', 'linkLocal', 'uniqueLocal']);

/** True for a proxy's address: then the forwarding headers, not the address, name the visitor. */
function isInternal(ip: IPv4 | IPv6): boolean {
  return (ip.kind() === 'ipv4' ? INTERNAL_V4 : INTERNAL_V6).has(ip.range());
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
  const peer = parseIp(remoteAddresses.get(request));
  if (peer !== undefined && !isInternal(peer)) return peer.toString();
  const direct = parseIp(request.headers.get('cf-connecting-ip')) ?? parseIp(request.headers.get('x-real-ip'));
  if (direct !== undefined) return direct.toString();
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => parseIp(entry))
    .filter((ip): ip is IPv4 | IPv6 => ip !== undefined);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!isInternal(forwarded[i]!)) return forwarded[i]!.toString();
  }
  return (forwarded.at(-1) ?? peer)?.toString();
}

/**
 * The counting key of a client. IPv6 users usually hold a whole /64, so one
 * budget per /64, not per address. Shared by the memory and Redis limiters.
 */
export function bucketKey(ip: string | null | undefined): string {
  const parsed = parseIp(ip);
  if (parsed === undefined) return ip ? ip : 'unknown';
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as IPv6).parts.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** Reads a whole-number option of at least 1, or throws naming it. */
export function positiveInteger(options: Record<string, unknown>, key: string, fallback: number): number {
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
