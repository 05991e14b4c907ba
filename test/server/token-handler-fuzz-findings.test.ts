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

describe('found by the token handler property tests', () => {
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
});
