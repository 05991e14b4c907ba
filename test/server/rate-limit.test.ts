import { describe, expect, it } from 'vitest';
import { createMemoryRateLimit, getClientIp, toNodeHandler, type NodeRequestLike, type NodeResponseLike } from '../../src/server';
import { guardConsole } from './helpers';

guardConsole();

const req = (headers: Record<string, string> = {}) => new Request('https://api.example.com/token', { method: 'POST', headers });

/** Runs a fake Node request through toNodeHandler and returns the Request the handler saw. */
async function viaNode(remoteAddress: string, headers: Record<string, string>): Promise<Request> {
  let seen: Request | undefined;
  const handler = toNodeHandler(async (request) => {
    seen = request;
    return new Response(null, { status: 204 });
  });
  const fakeReq: NodeRequestLike = {
    method: 'OPTIONS',
    url: '/token',
    headers,
    socket: { remoteAddress },
    on: () => undefined,
    removeListener: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
  };
  const fakeRes: NodeResponseLike = { statusCode: 0, setHeader: () => undefined, end: () => undefined };
  await handler(fakeReq, fakeRes);
  return seen!;
}

describe('getClientIp', () => {
  it('reads cf-connecting-ip, then x-real-ip', () => {
    expect(getClientIp(req({ 'cf-connecting-ip': '203.0.113.1', 'x-real-ip': '203.0.113.2' }))).toBe('203.0.113.1');
    expect(getClientIp(req({ 'x-real-ip': '203.0.113.2' }))).toBe('203.0.113.2');
  });

  it('takes the right-most public x-forwarded-for entry, which a client cannot forge', () => {
    expect(getClientIp(req({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(getClientIp(req({ 'x-forwarded-for': '198.51.100.4, 10.0.0.2, 192.168.1.1' }))).toBe('198.51.100.4');
  });

  it('ignores garbage header values', () => {
    expect(getClientIp(req({ 'x-real-ip': 'not-an-ip', 'x-forwarded-for': '<script>' }))).toBeUndefined();
  });

  it('refuses shorthand IPv4 forms no proxy writes, so one client cannot pose as two', () => {
    expect(getClientIp(req({ 'x-real-ip': '127.1' }))).toBeUndefined();
    expect(getClientIp(req({ 'x-real-ip': '0x7f.0.0.1' }))).toBeUndefined();
    expect(getClientIp(req({ 'x-real-ip': '3232235777' }))).toBeUndefined();
  });

  it('unmaps IPv4-mapped IPv6 and normalises IPv6 spelling', () => {
    expect(getClientIp(req({ 'x-real-ip': '::ffff:203.0.113.4' }))).toBe('203.0.113.4');
    expect(getClientIp(req({ 'x-real-ip': '2001:DB8:0:0:0:0:0:1' }))).toBe('2001:db8::1');
  });

  it('skips CGNAT and unique-local entries in x-forwarded-for', () => {
    expect(getClientIp(req({ 'x-forwarded-for': '198.51.100.4, 100.64.0.9, fd00::1' }))).toBe('198.51.100.4');
  });

  it('uses the socket address of a directly connected public client, ignoring its headers', async () => {
    const request = await viaNode('203.0.113.50', { 'x-forwarded-for': '8.8.8.8', 'x-real-ip': '8.8.4.4' });
    expect(getClientIp(request)).toBe('203.0.113.50');
  });

  it('trusts forwarding headers when the socket peer is a local proxy', async () => {
    expect(getClientIp(await viaNode('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }))).toBe('198.51.100.7');
    expect(getClientIp(await viaNode('10.1.2.3', { 'x-real-ip': '198.51.100.8' }))).toBe('198.51.100.8');
  });

  it('falls back to the proxy address when no header names the client', async () => {
    expect(getClientIp(await viaNode('::1', {}))).toBe('::1');
  });
});

describe('createMemoryRateLimit', () => {
  it('allows `limit` requests per window per client, then tells how long to wait', () => {
    let now = 0;
    const limit = createMemoryRateLimit({ limit: 3, windowMs: 60_000, now: () => now });
    const a = req({ 'x-real-ip': '203.0.113.1' });
    expect([limit(a), limit(a), limit(a)]).toEqual([true, true, true]);
    now = 15_000;
    expect(limit(a)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limit(req({ 'x-real-ip': '203.0.113.2' }))).toBe(true);
    now = 60_000;
    expect(limit(a)).toBe(true);
  });

  it('gives one budget to a whole IPv6 /64', () => {
    const limit = createMemoryRateLimit({ limit: 1, now: () => 0 });
    expect(limit(req({ 'x-real-ip': '2001:db8:1:2::1' }))).toBe(true);
    expect(limit(req({ 'x-real-ip': '2001:db8:1:2:ffff::9' }))).toMatchObject({ allowed: false });
    expect(limit(req({ 'x-real-ip': '2001:db8:1:3::1' }))).toBe(true);
  });

  it('shares one budget among requests with no known client', () => {
    const limit = createMemoryRateLimit({ limit: 1, now: () => 0 });
    expect(limit(req())).toBe(true);
    expect(limit(req())).toMatchObject({ allowed: false });
  });

  it('accepts a custom clientIp', () => {
    const limit = createMemoryRateLimit({ limit: 1, now: () => 0, clientIp: (r) => r.headers.get('x-user') });
    expect(limit(req({ 'x-user': 'a' }))).toBe(true);
    expect(limit(req({ 'x-user': 'b' }))).toBe(true);
    expect(limit(req({ 'x-user': 'a' }))).toMatchObject({ allowed: false });
  });

  it('keeps memory bounded by forgetting the oldest clients beyond maxClients', () => {
    const limit = createMemoryRateLimit({ limit: 1, maxClients: 3, now: () => 0 });
    const ip = (n: number) => req({ 'x-real-ip': `203.0.113.${n}` });
    for (let n = 1; n <= 4; n++) expect(limit(ip(n))).toBe(true);
    // Client 1 was evicted, so it starts a fresh window; client 4 is still tracked.
    expect(limit(ip(1))).toBe(true);
    expect(limit(ip(4))).toMatchObject({ allowed: false });
  });

  it('survives a flood of distinct addresses in bounded time', () => {
    let now = 0;
    const limit = createMemoryRateLimit({ limit: 5, maxClients: 1000, now: () => now });
    const started = performance.now();
    for (let n = 0; n < 20_000; n++) {
      now += 1;
      limit(req({ 'x-real-ip': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }));
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
