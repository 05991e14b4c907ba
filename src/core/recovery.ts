/**
 * The recovery marker: a small record kept in storage while a session is live,
 * so that after a refresh or navigation the widget knows to rejoin (and, in
 * multi-tab mode, so a second tab shows the live session instead of starting one).
 */

/** Zoom ends a session the customer has been away from for more than 2 minutes (docs/zoom-sdk.md, "Limits and timeouts"). */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/** What the marker remembers. */
export interface RecoveryMarker {
  /** Last time the page was known to be in the session (epoch ms). */
  t: number;
  state: 'waiting' | 'active';
  pin: string | null;
  /** When the PIN was issued, so the agent countdown carries on. */
  pinAt: number | null;
  agentName: string | null;
}

/** The storage calls the marker needs; `sessionStorage` and `localStorage` fit. */
export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads, writes and clears the marker; storage errors (private mode, quota) are swallowed. */
export interface RecoveryStore {
  readonly key: string;
  read(): RecoveryMarker | null;
  write(marker: RecoveryMarker): void;
  clear(): void;
}

/** Storage key for one SDK key, so two widgets for two Zoom apps never confuse each other. */
export function markerKey(sdkKey: string): string {
  return `zoom-cobrowse-widget:session:${sdkKey}`;
}

/** Picks the browser storage: localStorage for multi-tab, else sessionStorage (per tab). */
export function browserStorage(multiTab: boolean): MarkerStorage | null {
  try {
    const g = globalThis as { localStorage?: Storage; sessionStorage?: Storage };
    return (multiTab ? g.localStorage : g.sessionStorage) ?? null;
  } catch {
    // Access can throw (sandboxed iframes, blocked cookies): recovery is then simply off.
    return null;
  }
}

function isMarker(v: unknown): v is RecoveryMarker {
  const m = v as RecoveryMarker;
  return typeof m === 'object' && m !== null && typeof m.t === 'number' && (m.state === 'waiting' || m.state === 'active');
}

/**
 * Creates the store over `storage` (null: a store that remembers nothing). A
 * function is called on first use: touching `sessionStorage` costs about a
 * millisecond the first time, which the widget's mount should not pay.
 */
export function createRecoveryStore(source: MarkerStorage | null | (() => MarkerStorage | null), sdkKey: string): RecoveryStore {
  const key = markerKey(sdkKey);
  let resolved: MarkerStorage | null | undefined = typeof source === 'function' ? undefined : source;
  const store = (): MarkerStorage | null => (resolved === undefined ? (resolved = (source as () => MarkerStorage | null)()) : resolved);
  return {
    key,
    read() {
      try {
        const raw = store()?.getItem(key);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        return isMarker(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    write(marker) {
      try {
        store()?.setItem(key, JSON.stringify(marker));
      } catch {
        /* quota or privacy mode: recovery won't happen, nothing else breaks */
      }
    },
    clear() {
      try {
        store()?.removeItem(key);
      } catch {
        /* see write */
      }
    },
  };
}
