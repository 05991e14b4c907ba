import type { CobrowseError } from '../shared/errors';

/**
 * Rejoining after a refresh or in a second tab: while Zoom's transfer session is
 * still recovering, a join is refused as "connecting in progress" (Zoom's 1002,
 * docs/zoom-sdk.md "Error codes"). That means "still reconnecting", not a failure:
 * the widget keeps its reconnecting view and tries again, with back-off, until
 * Zoom's 2-minute recovery window is spent.
 */

/** Waits between rejoin attempts; the last one repeats. */
export const REJOIN_BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000, 15_000];

/** True for the error that means "the session is still recovering, ask again". */
export function isStillRecovering(error: CobrowseError): boolean {
  return error.code === 'connecting-in-progress';
}

/**
 * How long to wait before rejoin attempt `tries + 1`; the wait is cut short to
 * try once more at the deadline, and undefined once the deadline has passed.
 */
export function nextRejoinDelay(tries: number, now: number, deadline: number): number | undefined {
  if (now >= deadline) return undefined;
  const wait = REJOIN_BACKOFF_MS[Math.min(tries, REJOIN_BACKOFF_MS.length - 1)]!;
  return Math.min(wait, deadline - now);
}
