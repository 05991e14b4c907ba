import type { CompiledMasking } from '../masking/types';
import { hintSdk, type SdkLoader } from '../sdk/loader';
import type { MaskHighlighter, MaskHighlighterOptions } from '../masking/highlight';
import { loadSiblingPart } from '../shared/lazy-parts';
import { resolveConfig, type CobrowseConfig, type ResolvedConfig } from '../config/config';
import { LOG_PREFIX } from '../shared/config-error';
import { createEmitter } from '../shared/emitter';
import { LOAD_FAILED, type CobrowseError } from '../shared/errors';
import { INITIAL_SNAPSHOT, isSessionLive, transition, type CobrowseEvent, type CobrowseSnapshot, type EndReason } from './machine';
import type { MaskingAuditModule } from '../masking/load-audit';
import { isAuditDue } from '../masking/audit-due';
import { pageGlobal } from '../shared/page-global';
import { browserStorage, createRecoveryStore, RECOVERY_WINDOW_MS, type MarkerStorage } from './recovery';
import type * as EngineModule from './engine';
import type { Engine } from './engine';
import { realClock, type Clock } from '../shared/timers';
import type { CobrowseEvents } from './events';
import type { TokenProvider } from './token';
import type { Translate } from '../i18n/translator';

export { AGENT_WAIT_MS } from './machine';
export type { Clock } from '../shared/timers';
export type { CobrowseEvents } from './events';


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
  /** Loads the engine (session, SDK, token and masking code) on intent; tests pass it directly. */
  loadEngine?: () => Promise<Pick<typeof EngineModule, 'createEngine'>>;
  /** Loads the masking audit on demand (strict mode, development); kept out of the first load. */
  loadAudit?: () => Promise<MaskingAuditModule>;
  /** The page the engine audits and injects scripts into. @default document when present */
  document?: Document | null;
  /** The page's host name (development hosts run the masking audit). @default location.hostname when present */
  hostname?: string | null;
  /** Page lifecycle events (pagehide, storage) are listened to here. @default window when present */
  eventTarget?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
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
  /** Keep sharing 10 minutes past the site's time limit (`maxDurationMinutes`); the summary counts it. */
  extend(): void;
  /** After a session: its summary as label/value rows in a language, as the widget lists them ([] before a session has ended). */
  summaryRows(t: Translate, lang: string): Array<[string, string]>;
  /** After a session: sends the visitor's rating (and optional comment) with the summary to `feedback.url`. Never rejects; a failure is logged. */
  feedback(rating: 'up' | 'down', comment?: string): Promise<void>;
  /** Warm up before intent is certain (hover, focus): fetch the engine; Zoom's SDK too only with `sdk.prefetch: 'hover'`. */
  warm(): void;
  /** The compiled masking rules once the engine is loaded (null: masking off; undefined: not loaded yet). */
  maskingRules(): CompiledMasking | null | undefined;
  /**
   * Consent step, "Show what stays hidden": loads the engine and marks what the masking will
   * hide, so `maskHighlighter()` can outline it before the visitor agrees; `false` removes the
   * marks again. Resolves once the marks are in place.
   */
  previewMasking(on: boolean): Promise<void>;
  /** Outlines the masked fields for the visitor (the widget's masking.highlight); undefined until the engine is loaded, or with masking off. */
  maskHighlighter(options: Omit<MaskHighlighterOptions, 'compiled'>): MaskHighlighter | undefined;
  /** The config in force, after validation and defaults. */
  readonly config: ResolvedConfig;
  /** Ends any live session, cancels timers and drops listeners. Safe to call twice. */
  destroy(): void;
}

/** Creates the headless controller (no UI). Throws CobrowseConfigError for a bad config. */
export function createCobrowseController(config: CobrowseConfig, deps: ControllerDeps = {}): CobrowseController {
  return controllerFromResolved(resolveConfig(config), deps);
}

/**
 * The controller for an already validated config (the widget validates first, then builds this at idle time).
 * It holds the state and the public API; what a session does arrives with the engine (src/core/engine.ts) on intent.
 */
export function controllerFromResolved(cfg: ResolvedConfig, deps: ControllerDeps = {}): CobrowseController {
  const clock = deps.clock ?? realClock;
  const log = deps.logger ?? console;
  const emitter = createEmitter<CobrowseEvents>((err) => log.error(`${LOG_PREFIX} an event handler threw:`, err));
  const listeners = new Set<(s: CobrowseSnapshot) => void>();
  const endWaiters = new Set<() => void>();
  const store = createRecoveryStore(
    cfg.recovery === 'off' ? null : deps.storage !== undefined ? deps.storage : () => browserStorage(cfg.multiTab),
    cfg.sdkKey,
  );
  let snapshot: CobrowseSnapshot = INITIAL_SNAPSHOT;
  /** Bumped by every start, cancel and destroy, so an engine that arrives late acts only for the request that wanted it. */
  let attempt = 0;
  let destroyed = false;
  let engine: Engine | undefined;
  let enginePromise: Promise<Engine> | undefined;
  /** Hints for Zoom's SDK this controller added itself (see `prepare`); removed on destroy. */
  let sdkHints: Element[] | undefined;
  let auditPromise: Promise<MaskingAuditModule> | undefined;

  // The masking audit's code, where it is a file of its own: the script tag's sibling script. npm
  // builds carry it in the engine (src/masking/load-audit.ts): nothing to fetch ahead, and naming it
  // here would put it, with the field classifier, in the first load of every app.
  const fetchAudit = deps.loadAudit ?? (__IIFE__ ? () => loadSiblingPart<MaskingAuditModule>('audit', cfg.nonce) : undefined);
  /** The audit's code, loaded once: requested at the consent step when a start will run it (see `prepare`). A failed load is forgotten so the next start tries again. */
  const loadAuditOnce =
    fetchAudit &&
    ((): Promise<MaskingAuditModule> =>
      (auditPromise ??= fetchAudit().catch((err: unknown) => {
        auditPromise = undefined;
        throw err;
      })));

  const debug = (...args: unknown[]): void => {
    if (cfg.debug) log.debug(LOG_PREFIX, ...args);
  };

  /** The engine, loaded once (src/shared/lazy-parts.ts); a failed load is forgotten so Retry tries again. */
  const loadEngine = (): Promise<Engine> =>
    (enginePromise ??= (deps.loadEngine ?? (() => (__IIFE__ ? loadSiblingPart<typeof EngineModule>('engine', cfg.nonce) : import('./engine'))))().then(
      (m) => {
        const rt = m.createEngine(
          {
            cfg,
            clock,
            log,
            store,
            // The page's globals are the defaults; the engine reads them once, when it is built.
            document: deps.document,
            hostname: deps.hostname,
            target: deps.eventTarget,
            dispatch,
            state: () => snapshot,
            emit: emitter.emit,
            debug,
            loadAudit: loadAuditOnce,
          },
          { loader: deps.loader, fetchToken: deps.fetchToken, fetch: deps.fetch },
        );
        // Destroyed while it loaded: let it go (it already listens to pagehide).
        if (destroyed) rt.destroy();
        return (engine = rt);
      },
      (err: unknown) => {
        enginePromise = undefined;
        throw err;
      },
    ));

  /** Runs `fn` with the engine for the current attempt; a failed load becomes the error view. */
  function withEngine(fn: (rt: Engine) => void): void {
    const mine = ++attempt;
    loadEngine().then(
      (rt) => {
        if (mine === attempt) fn(rt);
      },
      (err: unknown) => {
        if (mine === attempt) {
          const detail = `The widget's engine could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
          dispatch({ type: 'FAILED', error: { code: 'sdk-load-failed', ...LOAD_FAILED, detail } });
        }
      },
    );
  }
  const start = (): void => withEngine((rt) => rt.start());

  /**
   * Loads the engine ahead of the start; with `sdkToo`, also preconnects to Zoom and prefetches
   * its SDK. That request tells Zoom's CDN the visitor's address, so by default it waits for the
   * consent step (`sdk.prefetch`), however the step was opened: launcher, open(), a site button.
   * `atConsent`: the consent step is showing, so the start may be a click away.
   */
  function prepare(sdkToo: boolean, atConsent = false): void {
    if (destroyed) return;
    // A start that runs the masking audit (strict mode, development) waits for its code: at the
    // consent step (not on hover: it is the site owner's check, not the visitor's) fetch it beside the engine.
    if (atConsent) {
      if (loadAuditOnce && isAuditDue(cfg.maskingConfig, cfg.debug, pageGlobal(deps.hostname, () => location.hostname))) {
        loadAuditOnce().catch(() => {
          /* the start reports it (or carries on without the audit) */
        });
      }
    }
    // The hints go out now, not once the engine has arrived: opened with no hover first (open(),
    // a site button) on a slow network, the engine's own download would hold the SDK's back. The
    // engine's loader finds them on the page and adds none; an injected loader hints for itself.
    if (sdkToo && !deps.loader && !sdkHints) {
      const doc = pageGlobal(deps.document, () => document);
      if (doc) sdkHints = hintSdk({ sdkKey: cfg.sdkKey, ...cfg.sdk }, { nonce: cfg.nonce, document: doc });
    }
    loadEngine().then(
      (rt) => void (sdkToo && rt.warm()),
      () => {
        /* warming is best effort; the start will report a real failure */
      },
    );
  }

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
    engine?.onEnter(prev, next);
    const st = next.state;
    if (!isSessionLive(st)) {
      for (const w of [...endWaiters]) w();
      endWaiters.clear();
    }
    // Outside a session (and at a fresh start) there is nothing to resume after a refresh.
    if (st === 'starting' || !isSessionLive(st)) store.clear();
    if (st === 'error' && next.error) {
      log.warn(`${LOG_PREFIX} ${next.error.code}: ${next.error.message}${next.error.detail ? ` (${next.error.detail})` : ''}`);
      emitter.emit('error', next.error);
    }
    // The engine, the only source of SESSION.ENDED, always attaches the summary.
    if (st === 'ended') emitter.emit('ended', { reason: next.endReason ?? 'unknown', summary: next.summary! });
    if (st === 'consent') prepare(cfg.sdk.prefetch !== false, true);
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

  /**
   * On page load: a fresh marker means a session may still be running. Load the
   * engine straight away and let it ask the SDK (the engine rejoins, or asks
   * the visitor first). A stale marker clears itself without any UI.
   */
  function checkRecovery(): void {
    const marker = store.read();
    if (!marker || destroyed || snapshot.state !== 'idle') return;
    if (clock.now() - marker.t >= RECOVERY_WINDOW_MS) {
      debug('recovery marker is stale; clearing it');
      store.clear();
      return;
    }
    dispatch({ type: 'RECOVERY.FOUND', pin: marker.pin, at: marker.pinAt, agentName: marker.agentName, resumeTo: marker.state, startedAt: marker.startedAt, extensions: marker.extensions });
    withEngine((rt) => rt.recover());
  }

  const controller: CobrowseController = {
    config: cfg,
    getState: () => snapshot,
    maskingRules: () => engine?.masking,
    maskHighlighter: (options) => engine?.highlighter(options),
    previewMasking: (on) =>
      on
        ? loadEngine().then((rt) => (destroyed ? undefined : rt.previewMasking(true).then(() => undefined)))
        : Promise.resolve(engine?.previewMasking(false)).then(() => undefined),
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
        start();
      }
    },
    decline() {
      if (dispatch({ type: 'CONSENT.DECLINE' })) emitter.emit('consent', { accepted: false });
    },
    cancel() {
      attempt++;
      dispatch({ type: 'START.CANCEL' });
    },
    resume() {
      engine?.resume();
    },
    end() {
      const s = snapshot.state;
      if (s === 'starting' || s === 'recovering') {
        controller.cancel();
        return Promise.resolve();
      }
      if (!isSessionLive(s)) return Promise.resolve();
      const done = new Promise<void>((resolve) => endWaiters.add(resolve));
      if (dispatch({ type: 'END.REQUEST' })) engine?.end();
      return done;
    },
    retry() {
      if (dispatch({ type: 'RETRY' })) start();
    },
    restart() {
      if (dispatch({ type: 'RESTART' })) start();
    },
    reset() {
      dispatch({ type: 'RESET' });
    },
    extend() {
      if (cfg.maxDurationMinutes) dispatch({ type: 'LIMIT.EXTEND' });
    },
    summaryRows: (t, lang) => engine?.summaryRows(t, lang) ?? [],
    feedback: (rating, comment) => engine?.feedback(rating, comment) ?? Promise.resolve(),
    warm: () => prepare(cfg.sdk.prefetch === 'hover'),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      attempt++;
      clock.clearTimeout(recoveryCheck);
      engine?.destroy();
      for (const el of sdkHints ?? []) el.remove();
      for (const w of [...endWaiters]) w();
      endWaiters.clear();
      listeners.clear();
      emitter.clear();
    },
  };
  // Checked just after mount rather than during it: the first storage access can
  // cost a millisecond or more, and a page without a marker shouldn't pay it on its critical path.
  const recoveryCheck = typeof window !== 'undefined' || deps.storage ? clock.setTimeout(checkRecovery, 0) : undefined;
  return controller;
}
