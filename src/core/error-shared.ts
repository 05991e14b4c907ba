import type { CobrowseError } from './errors';

/**
 * The one error the controller raises itself (the engine, or Zoom's SDK through it, could not be loaded).
 * It lives apart from ERROR_TABLE so the script-tag build carries this sentence and not the whole table.
 */
export const LOAD_FAILED = {
  message: "We couldn't load the co-browsing service. An ad blocker, a privacy setting or a lost connection may be blocking it.",
  retryable: true,
} as const;

/** True for objects shaped like a CobrowseError (used to pass errors through promise chains untouched). */
export function isCobrowseError(value: unknown): value is CobrowseError {
  const e = value as CobrowseError | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.retryable === 'boolean' && typeof e.message === 'string';
}
