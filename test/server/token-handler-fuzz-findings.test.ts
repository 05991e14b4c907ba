/**
 * Bugs the token handler property tests found (test/server/token-handler.property.test.ts), each pinned by a plain example.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimit, createTokenHandler, TokenHandlerConfigError } from '../../src/server';
import { options } from './helpers';

const optionOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof TokenHandlerConfigError) return err.option;
    throw err;
  }
  throw new Error('expected a TokenHandlerConfigError');
};

describe('found by the token handler property tests and the soak (bench/soak-server.ts)', () => {
  it('createMemoryRateLimit(null) is a TokenHandlerConfigError, not a TypeError from Object.keys', () => {
    expect(optionOf(() => createMemoryRateLimit(null as never))).toBe('rateLimit');
    expect(optionOf(() => createMemoryRateLimit('60/min' as never))).toBe('rateLimit');
    expect(optionOf(() => createMemoryRateLimit([] as never))).toBe('rateLimit');
    // No argument and an options object still work.
    expect(typeof createMemoryRateLimit()).toBe('function');
    expect(typeof createMemoryRateLimit({ limit: 5 })).toBe('function');
  });

  it('an empty or huge unknown option key is named quoted and cut, never as ""', () => {
    expect(optionOf(() => createTokenHandler({ ...options(), '': 1 } as never))).toBe('""');
    const huge = optionOf(() => createTokenHandler({ ...options(), ['k'.repeat(50_000)]: 1 } as never));
    expect(huge.length).toBeLessThan(70);
    expect(optionOf(() => createMemoryRateLimit({ '': 1 } as never))).toBe('rateLimit.""');
    // Ordinary unknown keys keep their plain name.
    expect(optionOf(() => createTokenHandler({ ...options(), origins: [] } as never))).toBe('origins');
  });

  it('the memory limiter keeps a client that is over its limit while rotating addresses fill the table', () => {
    let now = 0;
    const limit = createMemoryRateLimit({ limit: 5, maxClients: 100, now: () => now });
    const from = (ip: string) => new Request('https://api.example.com/t', { method: 'POST', headers: { 'x-real-ip': ip } });
    let hammerTokens = 0;
    let rotating = 0;
    // One client asks 1 000 times in 50 s, while 5 000 other addresses (50 tables full) each ask once.
    for (let i = 0; i < 1000; i++) {
      now += 50;
      if (limit(from('198.51.100.7')) === true) hammerTokens++;
      for (let j = 0; j < 5; j++) limit(from(`${20 + (rotating >> 16)}.${(rotating >> 8) & 255}.${rotating++ & 255}.1`));
    }
    // 50 s of the 60 s window: the limit is 5, not 5 per eviction of its window.
    expect(hammerTokens).toBe(5);
    // Its window still ends on time: after the minute, a fresh budget.
    now += 60_000;
    expect(limit(from('198.51.100.7'))).toBe(true);
  });
});
