import { expect } from 'vitest';
import { CobrowseConfigError } from '../../src/shared/config-error';

/** The CobrowseConfigError `fn` throws; the test fails if it throws something else, or nothing. */
export function configError(fn: () => unknown): CobrowseConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CobrowseConfigError);
    return e as CobrowseConfigError;
  }
  throw new Error('expected a CobrowseConfigError');
}
