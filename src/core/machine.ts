import type { CobrowseError } from '../shared/errors';

/** Agent's window to join after the PIN appears (docs/zoom-sdk.md, "Limits and timeouts"). */
export const AGENT_WAIT_MS = 3 * 60_000;

/** Every state a visitor can be in (docs/ARCHITECTURE.md, "The states"). */
export type CobrowseState =
  | 'idle'
  | 'consent'
  | 'starting'
  | 'waiting'
  | 'active'
  | 'ending'
  | 'ended'
  | 'declined'
  | 'error'
  | 'recovering'
  | 'reconnecting';

/** Why a session ended, as far as the widget can tell. */
export type EndReason = 'customer' | 'agent' | 'timeout' | 'unknown';

/** The machine's whole state: the state name plus what the UI needs to render it. */
export interface CobrowseSnapshot {
  state: CobrowseState;
  /** The PIN from the SDK's `pincode_updated`, and only that. */
  pin: string | null;
  /** When the current PIN arrived (epoch ms): the start of the agent's 3-minute window. */
  pinAt: number | null;
  /** Display name of the agent, when the SDK gives one. */
  agentName: string | null;
  /** Whether the agent is currently scrolling/clicking for the visitor. */
  remoteAssist: boolean;
  /** Set in `error`. */
  error: CobrowseError | null;
  /** Set in `ended`. */
  endReason: EndReason | null;
  /** In `reconnecting`/`recovering`: the state to go back to. */
  resumeTo: 'waiting' | 'active' | null;
  /** In `recovering`: the visitor is being asked whether to resume (recovery: 'prompt'). */
  askResume: boolean;
}

/** Machine events (zag style: SCREAMING.DOTTED); each carries one details object. */
export type CobrowseEvent =
  | { type: 'HELP.REQUEST' }
  | { type: 'CONSENT.ACCEPT' }
  | { type: 'CONSENT.DECLINE' }
  | { type: 'START.CANCEL' }
  | { type: 'SESSION.STARTED' }
  | { type: 'PIN.UPDATED'; pin: string; at: number }
  | { type: 'AGENT.JOINED'; agentName?: string }
  | { type: 'AGENT.LEFT'; at: number }
  | { type: 'REMOTE_ASSIST.CHANGED'; active: boolean }
  | { type: 'SESSION.RECONNECTING' }
  | { type: 'END.REQUEST' }
  | { type: 'SESSION.ENDED'; reason: EndReason }
  | { type: 'FAILED'; error: CobrowseError }
  | { type: 'RETRY' }
  | { type: 'RESTART' }
  | { type: 'RESET' }
  | { type: 'RECOVERY.FOUND'; pin: string | null; at: number | null; agentName?: string | null; resumeTo?: 'waiting' | 'active' }
  | { type: 'RECOVERY.ASK' }
  | { type: 'RECOVERY.RESUME' };

/** The state before anything happened. */
export const INITIAL_SNAPSHOT: CobrowseSnapshot = Object.freeze({
  state: 'idle',
  pin: null,
  pinAt: null,
  agentName: null,
  remoteAssist: false,
  error: null,
  endReason: null,
  resumeTo: null,
  askResume: false,
});

const SESSION_STATES: ReadonlySet<CobrowseState> = new Set(['starting', 'waiting', 'active', 'reconnecting', 'recovering', 'ending']);

/** True while the SDK session exists (or is being made) and the page is shared or about to be. */
export function isSessionLive(state: CobrowseState): boolean {
  return SESSION_STATES.has(state);
}

const fresh = (state: CobrowseState, patch: Partial<CobrowseSnapshot> = {}): CobrowseSnapshot => ({ ...INITIAL_SNAPSHOT, state, ...patch });

/**
 * The pure transition function. Returns the same object when the event does
 * not apply, so callers can skip notifying on no-ops.
 */
export function transition(s: CobrowseSnapshot, e: CobrowseEvent): CobrowseSnapshot {
  switch (e.type) {
    case 'HELP.REQUEST':
      return s.state === 'idle' || s.state === 'ended' || s.state === 'declined' ? fresh('consent') : s;
    case 'CONSENT.ACCEPT':
      return s.state === 'consent' ? fresh('starting') : s;
    case 'CONSENT.DECLINE':
      return s.state === 'consent' ? fresh('declined') : s;
    case 'START.CANCEL':
      return s.state === 'starting' || s.state === 'recovering' ? fresh('idle') : s;
    case 'SESSION.STARTED':
      return s;
    case 'PIN.UPDATED':
      if (s.state === 'starting') return fresh('waiting', { pin: e.pin, pinAt: e.at });
      // A resumed session keeps its original agent window when the PIN is the same.
      if (s.state === 'recovering') return fresh('waiting', { pin: e.pin, pinAt: e.pin === s.pin && s.pinAt !== null ? s.pinAt : e.at, agentName: s.agentName });
      // The PIN may be re-issued; the agent's window restarts with it.
      if (s.state === 'waiting') return { ...s, pin: e.pin, pinAt: e.pin === s.pin ? s.pinAt : e.at };
      if (s.state === 'reconnecting' && s.resumeTo === 'waiting') return { ...s, state: 'waiting', resumeTo: null, pin: e.pin };
      if (s.state === 'active' || s.state === 'reconnecting') return { ...s, pin: e.pin };
      return s;
    case 'AGENT.JOINED':
      if (s.state === 'waiting' || s.state === 'reconnecting' || s.state === 'recovering' || s.state === 'active') {
        return { ...s, state: 'active', resumeTo: null, askResume: false, agentName: e.agentName ?? s.agentName };
      }
      return s;
    case 'AGENT.LEFT':
      // The session stays open for another agent; the 3-minute window starts over.
      return s.state === 'active' ? { ...s, state: 'waiting', agentName: null, remoteAssist: false, pinAt: e.at } : s;
    case 'REMOTE_ASSIST.CHANGED':
      return s.state === 'active' && s.remoteAssist !== e.active ? { ...s, remoteAssist: e.active } : s;
    case 'SESSION.RECONNECTING':
      return s.state === 'waiting' || s.state === 'active' ? { ...s, state: 'reconnecting', resumeTo: s.state } : s;
    case 'END.REQUEST':
      return isSessionLive(s.state) && s.state !== 'ending' ? { ...s, state: 'ending' } : s;
    case 'SESSION.ENDED':
      return isSessionLive(s.state) ? fresh('ended', { endReason: s.state === 'ending' ? 'customer' : e.reason }) : s;
    case 'FAILED':
      return isSessionLive(s.state) || s.state === 'consent' ? fresh('error', { error: e.error }) : s;
    case 'RETRY':
      return s.state === 'error' && s.error?.retryable ? fresh('starting') : s;
    case 'RESTART':
      // Consent was given earlier this visit: a new PIN needs no second consent step.
      return s.state === 'ended' ? fresh('starting') : s;
    case 'RESET':
      return s.state === 'ended' || s.state === 'declined' || s.state === 'error' || s.state === 'consent' ? fresh('idle') : s;
    case 'RECOVERY.FOUND':
      return s.state === 'idle'
        ? fresh('recovering', { pin: e.pin, pinAt: e.at, agentName: e.agentName ?? null, resumeTo: e.resumeTo ?? null })
        : s;
    case 'RECOVERY.ASK':
      return s.state === 'recovering' && !s.askResume ? { ...s, askResume: true } : s;
    case 'RECOVERY.RESUME':
      return s.state === 'recovering' && s.askResume ? { ...s, askResume: false } : s;
  }
}
