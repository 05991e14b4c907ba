import type { CompiledMasking } from '../masking/types';
import type { SdkEvent, SdkSession } from '../sdk/adapter';
import type { SdkLoader } from '../sdk/loader';
import type { createEngine, Engine } from './engine';
import { importEngine } from './import-engine';
import { resolveConfig, type CobrowseConfig, type ResolvedConfig } from './config';
import { LOG_PREFIX } from './config-error';
import { createEmitter } from './emitter';
import { cobrowseError, isCobrowseError, type CobrowseError } from './errors';
import { INITIAL_SNAPSHOT, isSessionLive, transition, type CobrowseEvent, type CobrowseSnapshot, type EndReason } from './machine';
import { loadAudit, type MaskingAuditModule } from '../masking/load-audit';
import type { MaskingAuditFinding } from '../masking/types';
import { browserStorage, createRecoveryStore, RECOVERY_WINDOW_MS, type MarkerStorage } from './recovery';
import { createTokenProvider, type TokenProvider } from './token';

/** Agent's window to join after the PIN appears (contract §7). */
export const AGENT_WAIT_MS = 3 * 60_000;
/** How long past the agent window we wait for the SDK's own `session_ended` before ending locally. */
const WAIT_GRACE_MS = 15_000;
/** How long `end()` waits for the SDK to confirm before showing "ended" anyway. */
const END_CONFIRM_MS = 5_000;
/** How often a live session refreshes its recovery marker, in case the page dies without `pagehide`. */
const HEARTBEAT_MS = 10_000;

/** Timers and time, injected so tests control them. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Effects the controller runs; tests and the npm build can swap any of them. */
export interface ControllerDeps {
  /** Loads the SDK object (CDN script or injected module). */
  loader?: Pick<SdkLoader, 'load' | 'warm' | 'dispose'>;
  /** Fetches a customer token. */
  fetchToken?: TokenProvider;
  /** fetch used by the default token provider. */
  fetch?: typeof fetch;
  clock?: Clock;
  logger?: Pick<Console, 'debug' | 'warn' | 'error' | 'info'>;
  /** Where the recovery marker lives; null disables recovery. @default sessionStorage (localStorage with multiTab) */
  storage?: MarkerStorage | null;
  /** Loads the engine (SDK, token and masking code) on intent; tests pass it directly. */
  loadEngine?: () => Promise<{ createEngine: typeof createEngine }>;
  /** Loads the masking audit on demand (strict mode, development); kept out of the first load. */
  loadAudit?: () => Promise<MaskingAuditModule>;
  /** Page lifecycle events (pagehide, storage) are listened to here. @default window when present */
  eventTarget?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
}

/** Hosts where the page is obviously in development: the audit runs there at every session start. */
export function isDevelopmentHost(hostname: string): boolean {
  return /^(localhost|127(\.\d+){3}|\[::1\]|::1|0\.0\.0\.0)$/.test(hostname) || /\.(localhost|local|test)$/.test(hostname);
}

/** Public events of the controller and the widget (payloads are single objects so fields can be added). */
export interface CobrowseEvents extends Record<string, unknown> {
  /** Any state change, with the full snapshot. */
  stateChange: CobrowseSnapshot;
  /** The SDK issued a PIN for the visitor to read to the agent. */
  pin: { pinCode: string };
  /** An agent joined the session. */
  agentJoined: { agentName: string | null };
  /** The agent left; the session waits for another. */
  agentLeft: Record<string, never>;
  /** Remote assist turned on or off. */
  remoteAssist: { active: boolean };
  /** The session ended. */
  ended: { reason: EndReason };
  /** Something failed; the same error is in the snapshot. */
  error: CobrowseError;
  /** The visitor accepted or declined the consent step. */
  consent: { accepted: boolean };
}

/** The headless controller: the state machine plus its effects, without UI. */
export interface CobrowseController {
  /** The current snapshot. */
  getState(): CobrowseSnapshot;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (snapshot: CobrowseSnapshot) => void): () => void;
  /** Listens to a public event; returns the unsubscribe. */
  on<K extends keyof CobrowseEvents>(name: K, handler: (payload: CobrowseEvents[K]) => void): () => void;
  /** Visitor asked for help: show the consent step. */
  requestHelp(): void;
  /** Visitor consented: fetch a token and load the SDK in parallel, then start. */
  accept(): void;
  /** Visitor declined consent. */
  decline(): void;
  /** Abandon a start in progress, or decline resuming a recovered session. */
  cancel(): void;
  /** Resume the recovered session the visitor was asked about (recovery: 'prompt'). */
  resume(): void;
  /** End the live session for everyone; resolves once it has ended. */
  end(): Promise<void>;
  /** Try again after a retryable error. */
  retry(): void;
  /** From ended (e.g. the PIN expired): start a new session straight away, consent having been given this visit. */
  restart(): void;
  /** Back to idle from ended, declined, error or consent. */
  reset(): void;
  /** Warm up before intent is certain: fetch the engine, preconnect to Zoom and prefetch its SDK. */
  warm(): void;
  /** The compiled masking rules once the engine is loaded (null: masking off; undefined: not loaded yet). */
  maskingRules(): CompiledMasking | null | undefined;
  /** The config in force, after validation and defaults. */
  readonly config: ResolvedConfig;
  /** Ends any live session, cancels timers and drops listeners. Safe to call twice. */
  destroy(): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Creates the headless controller (no UI). Throws CobrowseConfigError for a bad config. */
export function createCobrowseController(config: CobrowseConfig, deps: ControllerDeps = {}): CobrowseController {
  return controllerFromResolved(resolveConfig(config), deps);
}

/** The controller for an already validated config (the widget validates first, then builds this at idle time). */
export function controllerFromResolved(cfg: ResolvedConfig, deps: ControllerDeps = {}): CobrowseController {
  const clock = deps.clock ?? realClock;
  const log = deps.logger ?? console;
  let enginePromise: Promise<Engine> | undefined;
  let engineReady: Engine | undefined;
  /** The engine, loaded once; a failed load is forgotten so Retry tries again. */
  const engine = (): Promise<Engine> =>
    (enginePromise ??= (deps.loadEngine ?? (() => importEngine(cfg.nonce)))().then(
      (m) => (engineReady = m.createEngine(cfg, { loader: deps.loader, fetchToken: deps.fetchToken, fetch: deps.fetch, logger: log })),
      (err: unknown) => {
        enginePromise = undefined;
        throw cobrowseError('sdk-load-failed', `The widget's engine could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      },
    ));

  const emitter = createEmitter<CobrowseEvents>((err) => log.error(`${LOG_PREFIX} an event handler threw:`, err));
  const listeners = new Set<(s: CobrowseSnapshot) => void>();
  let snapshot: CobrowseSnapshot = INITIAL_SNAPSHOT;
  let attempt = 0;
  let abort: AbortController | undefined;
  let session: SdkSession | undefined;
  let destroyed = false;
  const timers = new Map<string, unknown>();
  const endWaiters = new Set<() => void>();
  const store = createRecoveryStore(
    cfg.recovery === 'off' ? null : deps.storage !== undefined ? deps.storage : () => browserStorage(cfg.multiTab),
    cfg.sdkKey,
  );
  const target = deps.eventTarget !== undefined ? deps.eventTarget : typeof window !== 'undefined' ? window : null;
  let pendingResume: (() => void) | undefined;

  const debug = (...args: unknown[]): void => {
    if (cfg.debug) log.debug(LOG_PREFIX, ...args);
  };
  const setTimer = (name: string, ms: number, fn: () => void): void => {
    clearTimer(name);
    timers.set(name, clock.setTimeout(() => {
      timers.delete(name);
      fn();
    }, ms));
  };
  const clearTimer = (name: string): void => {
    if (timers.has(name)) clock.clearTimeout(timers.get(name));
    timers.delete(name);
  };

  function dispatch(event: CobrowseEvent): boolean {
    if (destroyed) return false;
    const next = transition(snapshot, event);
    if (next === snapshot) {
      debug('ignored', event.type, 'in', snapshot.state);
      return false;
    }
    const prev = snapshot;
    snapshot = next;
    debug(event.type, prev.state, '→', next.state);
    onEnter(prev, next);
    for (const l of [...listeners]) {
      try {
        l(next);
      } catch (err) {
        log.error(`${LOG_PREFIX} a subscriber threw:`, err);
      }
    }
    emitter.emit('stateChange', next);
    return true;
  }

  /** Timers and teardown that follow from the state alone. */
  function onEnter(prev: CobrowseSnapshot, next: CobrowseSnapshot): void {
    if (next.state === 'waiting' && next.pinAt !== prev.pinAt && next.pinAt !== null) {
      // Zoom ends an unanswered session after 3 minutes; if its event never comes, don't leave the visitor staring at a dead PIN.
      const left = next.pinAt + AGENT_WAIT_MS + WAIT_GRACE_MS - clock.now();
      setTimer('agent-wait', Math.max(0, left), () => sessionEnded('timeout'));
    }
    if (next.state !== 'waiting' && next.state !== 'reconnecting') clearTimer('agent-wait');
    if (next.state !== 'starting' && next.state !== 'recovering') clearTimer('start');
    if (!isSessionLive(next.state)) {
      clearTimer('end');
      teardownSession();
      for (const w of [...endWaiters]) w();
      endWaiters.clear();
    }
    if (next.state === 'waiting' || next.state === 'active' || next.state === 'reconnecting') {
      saveMarker();
      if (!timers.has('heartbeat')) heartbeat();
    } else if (next.state !== 'recovering' && next.state !== 'ending') {
      clearTimer('heartbeat');
      store.clear();
    }
    if (next.state === 'error' && next.error) {
      log.warn(`${LOG_PREFIX} ${next.error.code}: ${next.error.message}${next.error.detail ? ` (${next.error.detail})` : ''}`);
      emitter.emit('error', next.error);
    }
    if (next.state === 'ended') emitter.emit('ended', { reason: next.endReason ?? 'unknown' });
  }

  function saveMarker(): void {
    const s = snapshot;
    const state = s.state === 'reconnecting' ? s.resumeTo : s.state;
    if (state !== 'waiting' && state !== 'active') return;
    store.write({ t: clock.now(), state, pin: s.pin, pinAt: s.pinAt, agentName: s.agentName });
  }

  function heartbeat(): void {
    setTimer('heartbeat', HEARTBEAT_MS, () => {
      saveMarker();
      heartbeat();
    });
  }

  // The window is counted from when the page went away, so stamp the marker on the way out.
  const onPageHide = (): void => {
    if (snapshot.state === 'waiting' || snapshot.state === 'active' || snapshot.state === 'reconnecting') saveMarker();
  };
  // Multi-tab: another tab ended the session (its marker is gone), so this tab's view is stale.
  const onStorage = (e: Event): void => {
    const se = e as StorageEvent;
    if (se.key === store.key && se.newValue === null && (snapshot.state === 'waiting' || snapshot.state === 'active')) sessionEnded('unknown');
  };
  target?.addEventListener('pagehide', onPageHide);
  if (cfg.multiTab) target?.addEventListener('storage', onStorage);

  function teardownSession(): void {
    abort?.abort();
    abort = undefined;
    session?.dispose();
    session = undefined;
  }

  /** Ends the SDK session without hearing back: silenced first, so its own "ended" event can't overtake what the caller reports. */
  function endQuietly(): void {
    const s = session;
    teardownSession();
    try {
      s?.end();
    } catch {
      /* ending is best effort */
    }
  }

  function sessionEnded(reason: EndReason): void {
    dispatch({ type: 'SESSION.ENDED', reason });
  }

  function fail(err: unknown): void {
    const error: CobrowseError = isCobrowseError(err) ? err : cobrowseError('sdk-unknown', String(err));
    // Don't leave a half-started SDK session sharing the page behind the error.
    endQuietly();
    dispatch({ type: 'FAILED', error });
  }

  function handleSdkEvent(e: SdkEvent): void {
    switch (e.type) {
      case 'started':
        dispatch({ type: 'SESSION.STARTED' });
        return;
      case 'pin':
        if (dispatch({ type: 'PIN.UPDATED', pin: e.pin, at: clock.now() })) emitter.emit('pin', { pinCode: e.pin });
        return;
      case 'agent-joined':
        if (dispatch(e.agentName ? { type: 'AGENT.JOINED', agentName: e.agentName } : { type: 'AGENT.JOINED' })) {
          emitter.emit('agentJoined', { agentName: snapshot.agentName });
        }
        return;
      case 'agent-left':
        if (dispatch({ type: 'AGENT.LEFT', at: clock.now() })) emitter.emit('agentLeft', {});
        return;
      case 'remote-assist':
        if (dispatch({ type: 'REMOTE_ASSIST.CHANGED', active: e.active })) emitter.emit('remoteAssist', { active: e.active });
        return;
      case 'reconnecting':
        dispatch({ type: 'SESSION.RECONNECTING' });
        return;
      case 'ended': {
        const reason: EndReason =
          snapshot.state === 'ending' ? 'customer' : snapshot.state === 'waiting' && snapshot.pinAt !== null && clock.now() - snapshot.pinAt >= AGENT_WAIT_MS ? 'timeout' : snapshot.state === 'active' ? 'agent' : 'unknown';
        sessionEnded(reason);
        return;
      }
      case 'error':
        fail(e.error);
        return;
    }
  }

  /**
   * The masking audit, when it should run: always in strict mode, and in
   * development (debug, or a localhost-like host) so the site owner sees gaps early.
   */
  function auditPage(): Promise<MaskingAuditFinding[]> {
    const strict = cfg.maskingConfig !== false && cfg.maskingConfig.strict === true;
    const dev = cfg.debug || (typeof location !== 'undefined' && isDevelopmentHost(location.hostname));
    if ((!strict && !dev) || cfg.maskingConfig === false || typeof document === 'undefined') return Promise.resolve([]);
    const load = deps.loadAudit ?? (() => loadAudit(cfg.nonce));
    return load().then(
      (m) => {
        const findings = m.auditMasking(document, cfg.maskingConfig);
        const group = log as Partial<Pick<Console, 'groupCollapsed' | 'groupEnd'>>;
        m.reportMaskingAudit(findings, {
          groupCollapsed: group.groupCollapsed?.bind(log) ?? log.warn.bind(log),
          groupEnd: group.groupEnd?.bind(log) ?? (() => {}),
          warn: log.warn.bind(log),
        });
        return findings;
      },
      (err: unknown) => {
        // Strict mode must not share a page it could not check.
        if (strict) throw cobrowseError('masking-unsafe', `The masking audit could not be loaded: ${String(err)}`);
        log.warn(`${LOG_PREFIX} the masking audit could not be loaded (${String(err)}); sharing continues with the configured masking.`);
        return [];
      },
    );
  }

  async function runStart(): Promise<void> {
    const mine = ++attempt;
    teardownSession();
    const ctrl = new AbortController();
    abort = ctrl;
    setTimer('start', cfg.startTimeoutMs, () => fail(cobrowseError('start-timeout', `No PIN within ${cfg.startTimeoutMs} ms of starting.`)));
    try {
      // The two slow steps run side by side: the visitor waits for the slower, not the sum.
      const [{ token, session: sdkSession }, findings] = await Promise.all([engine().then((e) => e.prepare(ctrl.signal)), auditPage()]);
      if (mine !== attempt || ctrl.signal.aborted || destroyed) {
        sdkSession.dispose();
        return;
      }
      if (findings.length && cfg.maskingConfig !== false && cfg.maskingConfig.strict) {
        sdkSession.dispose();
        const where = findings.slice(0, 3).map((f) => f.selector).join(', ');
        throw cobrowseError('masking-unsafe', `masking.strict: ${findings.length} sensitive-looking field(s) are not masked (${where}${findings.length > 3 ? ', …' : ''}). See the console group above.`);
      }
      session = sdkSession;
      sdkSession.onEvent(handleSdkEvent);
      const pin = engineReady?.customPin();
      debug('starting session', pin ? '(custom PIN)' : '');
      sdkSession.start(token, pin);
    } catch (err) {
      if (mine === attempt && !ctrl.signal.aborted) fail(err);
    }
  }

  /**
   * On page load: a fresh marker means a session may still be running. Load the
   * SDK straight away, ask it, and rejoin (or ask the visitor first). A stale
   * marker or a session the SDK won't resume clears itself without any UI.
   */
  async function runRecovery(): Promise<void> {
    const marker = store.read();
    if (!marker || destroyed || snapshot.state !== 'idle') return;
    if (clock.now() - marker.t >= RECOVERY_WINDOW_MS) {
      debug('recovery marker is stale; clearing it');
      store.clear();
      return;
    }
    const mine = ++attempt;
    const ctrl = new AbortController();
    abort = ctrl;
    dispatch({ type: 'RECOVERY.FOUND', pin: marker.pin, at: marker.pinAt, agentName: marker.agentName, resumeTo: marker.state });
    try {
      const sdkSession = await (await engine()).init();
      if (mine !== attempt || ctrl.signal.aborted || destroyed) {
        sdkSession.dispose();
        return;
      }
      const info = sdkSession.info();
      debug('recovery: getSessionInfo', info);
      if (!info.recoverable) {
        sdkSession.dispose();
        store.clear();
        attempt++;
        dispatch({ type: 'START.CANCEL' });
        return;
      }
      session = sdkSession;
      sdkSession.onEvent(handleSdkEvent);
      const join = (): void => {
        pendingResume = undefined;
        setTimer('start', cfg.startTimeoutMs, () => fail(cobrowseError('join-failed', `No answer within ${cfg.startTimeoutMs} ms of rejoining.`)));
        sdkSession.join();
      };
      if (cfg.recovery === 'prompt') {
        pendingResume = join;
        dispatch({ type: 'RECOVERY.ASK' });
      } else join();
    } catch (err) {
      if (mine === attempt && !ctrl.signal.aborted) fail(err);
    }
  }

  const controller: CobrowseController = {
    config: cfg,
    getState: () => snapshot,
    maskingRules: () => (engineReady ? engineReady.masking : undefined),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    on: (name, handler) => emitter.on(name, handler),
    requestHelp() {
      dispatch({ type: 'HELP.REQUEST' });
    },
    accept() {
      if (dispatch({ type: 'CONSENT.ACCEPT' })) {
        emitter.emit('consent', { accepted: true });
        void runStart();
      }
    },
    decline() {
      if (dispatch({ type: 'CONSENT.DECLINE' })) emitter.emit('consent', { accepted: false });
    },
    cancel() {
      attempt++;
      pendingResume = undefined;
      if (dispatch({ type: 'START.CANCEL' })) store.clear();
    },
    resume() {
      const join = pendingResume;
      if (join && dispatch({ type: 'RECOVERY.RESUME' })) join();
    },
    end() {
      const s = snapshot.state;
      if (s === 'starting' || s === 'recovering') {
        controller.cancel();
        return Promise.resolve();
      }
      if (!isSessionLive(s)) return Promise.resolve();
      const done = new Promise<void>((resolve) => endWaiters.add(resolve));
      if (dispatch({ type: 'END.REQUEST' })) {
        session?.end();
        // If Zoom never confirms, still release the visitor.
        setTimer('end', END_CONFIRM_MS, () => sessionEnded('customer'));
      }
      return done;
    },
    retry() {
      if (dispatch({ type: 'RETRY' })) void runStart();
    },
    restart() {
      if (dispatch({ type: 'RESTART' })) void runStart();
    },
    reset() {
      dispatch({ type: 'RESET' });
    },
    warm() {
      if (destroyed) return;
      engine().then(
        (e) => e.warm(),
        () => {
          /* warming is best effort; the click will report a real failure */
        },
      );
    },
    destroy() {
      if (destroyed) return;
      if (isSessionLive(snapshot.state)) endQuietly();
      destroyed = true;
      attempt++;
      target?.removeEventListener('pagehide', onPageHide);
      target?.removeEventListener('storage', onStorage);
      for (const name of [...timers.keys()]) clearTimer(name);
      teardownSession();
      for (const w of [...endWaiters]) w();
      endWaiters.clear();
      listeners.clear();
      emitter.clear();
      engineReady?.dispose();
    },
  };
  // Checked just after mount rather than during it: the first storage access can
  // cost a millisecond or more, and a page without a marker shouldn't pay it on its critical path.
  if (typeof window !== 'undefined' || deps.storage) {
    const check = (): void => {
      timers.delete('recovery');
      if (store.read()) void runRecovery();
    };
    timers.set('recovery', clock.setTimeout(check, 0));
  }
  return controller;
}

