import { loadAudit, type MaskingAuditModule } from '../masking/load-audit';
import { isAuditDue } from '../masking/audit-due';
import { pageGlobal } from '../shared/page-global';
import type { CompiledMasking, MaskingAuditFinding } from '../masking/types';
import type { SdkEvent, SdkSession } from '../sdk/adapter';
import { prepareClassifier } from '../masking/classify';
import { createFieldMarker, type FieldMarker } from '../masking/mark';
import { createMaskHighlighter, type MaskHighlighter, type MaskHighlighterOptions } from '../masking/highlight';
import type { ResolvedConfig } from '../config/config';
import { LOG_PREFIX } from '../shared/config-error';
import type { Clock } from '../shared/timers';
import type { CobrowseEvents } from './events';
import { createStarter, type StarterDeps } from './starter';
import { cobrowseError, isCobrowseError, type CobrowseError } from '../shared/errors';
import { AGENT_WAIT_MS, isSessionLive, type CobrowseEvent, type CobrowseSnapshot, type EndReason } from './machine';
import { RECOVERY_WINDOW_MS, type RecoveryStore } from './recovery';
import { isStillRecovering, nextRejoinDelay } from './rejoin';
import { createTimers } from '../shared/timers';
import { countMaskedFields } from '../masking/count';
import { summaryRows } from './summary-format';
import type { Translate } from '../i18n/translator';
import { limitEndsAt, logAgent, logAssist, logHidden, newLog, summarize, type SessionLog } from './summary';

/** How long past the agent window we wait for the SDK's own `session_ended` before ending locally. */
const WAIT_GRACE_MS = 15_000;
/** How long `end()` waits for the SDK to confirm before showing "ended" anyway. */
const END_CONFIRM_MS = 5_000;
/** How often a live session refreshes its recovery marker, in case the page dies without `pagehide`. */
const HEARTBEAT_MS = 10_000;

/** What the controller lends the engine: its state, its events, its storage and the page. */
export interface EngineHost {
  readonly cfg: ResolvedConfig;
  readonly clock: Clock;
  readonly log: Pick<Console, 'debug' | 'warn' | 'error' | 'info'>;
  readonly store: RecoveryStore;
  /** The page the engine audits and loads scripts into (null: none). @default document when present */
  readonly document: Document | null | undefined;
  /** The page's host name, for telling development from production (null: unknown). @default location.hostname when present */
  readonly hostname: string | null | undefined;
  /** Where pagehide/storage are listened to (null: nowhere). @default window when present */
  readonly target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null | undefined;
  /** Runs a machine event; false when it did not apply. */
  dispatch(event: CobrowseEvent): boolean;
  /** The current snapshot. */
  state(): CobrowseSnapshot;
  /** Emits a public event. */
  emit<K extends keyof CobrowseEvents>(name: K, payload: CobrowseEvents[K]): void;
  /** Logs when `debug` is on. */
  debug(...args: unknown[]): void;
  /** Loads the masking audit (strict mode, development). @default src/masking/load-audit.ts */
  loadAudit?: (() => Promise<MaskingAuditModule>) | undefined;
}

/**
 * The engine: everything a session does once the visitor has asked for one (token
 * and SDK, start and rejoin, the SDK's events, timers and the recovery marker). It is
 * the widget's lazily loaded part (docs/ARCHITECTURE.md, "Lazy parts"), so pages where
 * nobody asks for help never download it.
 */
export interface Engine {
  /** From `starting`: token and SDK side by side, the audit when due, then start. */
  start(): void;
  /** From `recovering`: ask the SDK whether the marker's session is still there, and rejoin (or ask first). */
  recover(): void;
  /** The visitor answered "Resume" to the recovery prompt. */
  resume(): void;
  /** After END.REQUEST: ask the SDK to end, and end locally if it never confirms. */
  end(): void;
  /** Preconnect to Zoom and prefetch its SDK. */
  warm(): void;
  /** Effects of a state change (timers, marker, teardown). */
  onEnter(prev: CobrowseSnapshot, next: CobrowseSnapshot): void;
  /** Compiled masking rules (null when masking is off). */
  readonly masking: CompiledMasking | null;
  /** Outlines the masked fields for the visitor (masking.highlight). */
  highlighter(options: Omit<MaskHighlighterOptions, 'compiled'>): MaskHighlighter | undefined;
  /** Consent step: mark what the classifier finds now, so the visitor can see it outlined before agreeing (false: remove the marks again). */
  previewMasking(on: boolean): Promise<unknown>;
  /** The ended session's summary as label/value rows in the visitor's language ([] when there is none). */
  summaryRows(t: Translate, lang: string): Array<[string, string]>;
  /** POSTs the visitor's rating of the ended session, with its summary, to `feedback.url`; never rejects (a failure is logged). */
  feedback(rating: 'up' | 'down', comment?: string): Promise<void>;
  /** Ends any live session quietly and drops timers and listeners. */
  destroy(): void;
}

/** Builds the engine for one controller. */
export function createEngine(host: EngineHost, deps: Omit<StarterDeps, 'logger' | 'clock' | 'document'>): Engine {
  const { cfg, clock, log, store, dispatch, state, emit, debug } = host;
  // Everything the engine touches on the page comes from here: tests and SSR pass their own or null.
  const doc = pageGlobal(host.document, () => document);
  const hostname = pageGlobal(host.hostname, () => location.hostname);
  const target = pageGlobal(host.target, () => window);
  const starter = createStarter(cfg, { ...deps, logger: log, clock, document: doc });
  // The engine loads on intent, before the visitor has read the consent step: index the
  // classifier's vocabulary now, so the session start pays only for reading the page.
  if (starter.masking) prepareClassifier();
  const timers = createTimers(clock);
  let abort: AbortController | undefined;
  let session: SdkSession | undefined;
  let pendingResume: (() => void) | undefined;
  /** Marks the fields the classifier puts in an enabled category, from before the SDK loads until the session ends. */
  let marker: FieldMarker | undefined;
  /** While recovering: how to join again, by when, and how often it has been tried. */
  let rejoin: { join: () => void; deadline: number; tries: number } | undefined;

  /**
   * Classifies and marks every field now, and watches the page for more, before Zoom's SDK
   * is loaded or started: the observer is created first, so its callbacks run ahead of the
   * SDK's and a payment step injected later is marked before its value could be read.
   */
  function markFields(watch: boolean): Promise<unknown> {
    const compiled = starter.masking;
    if (!compiled || !doc) return Promise.resolve();
    // The root element rather than the document: it sees a router swapping <body> just the same.
    marker ??= createFieldMarker({ root: doc.documentElement, categories: compiled.categories, masking: compiled, logger: log });
    // Watching starts at once; reading the page already there goes in slices (no long task on a
    // page with thousands of fields), and whatever shares the page waits for the last slice.
    if (watch) marker.observe();
    return marker.markAllInSlices();
  }

  /** Removes the marks the widget added (never the site's own). */
  function unmarkFields(): void {
    marker?.dispose();
    marker = undefined;
  }
  /** What the summary needs; null until sharing begins. */
  let record: SessionLog | null = null;

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

  /** Counts the fields hidden on this page: the summary keeps the most seen per category. */
  function countHidden(): void {
    if (record && doc && starter.masking) logHidden(record, countMaskedFields(doc, starter.masking));
  }

  function sessionEnded(reason: EndReason): boolean {
    const s = state();
    if (!isSessionLive(s.state)) return false;
    countHidden();
    return dispatch({ type: 'SESSION.ENDED', reason, summary: summarize(record ?? newLog(), s, reason, clock.now()) });
  }

  /** The site's time limit ran out: stop sharing now, and say why. */
  function limitReached(): void {
    endQuietly();
    sessionEnded('time-limit');
  }

  function fail(err: unknown): void {
    const error: CobrowseError = isCobrowseError(err) ? err : cobrowseError('sdk-unknown', String(err));
    // Don't leave a half-started SDK session sharing the page behind the error.
    endQuietly();
    dispatch({ type: 'FAILED', error });
  }

  /** A fresh abort controller for one start or rejoin; tearing down aborts it. */
  function begin(): AbortController {
    teardownSession();
    return (abort = new AbortController());
  }

  function saveMarker(): void {
    const s = state();
    const st = s.state === 'reconnecting' ? s.resumeTo : s.state;
    if (st === 'waiting' || st === 'active') {
      store.write({ t: clock.now(), state: st, pin: s.pin, pinAt: s.pinAt, agentName: s.agentName, startedAt: s.startedAt, extensions: s.extensions, ...(record ? { log: record } : {}) });
    }
  }

  function heartbeat(): void {
    timers.set('heartbeat', HEARTBEAT_MS, () => {
      saveMarker();
      heartbeat();
    });
  }

  const shared = (st: string): boolean => st === 'waiting' || st === 'active' || st === 'reconnecting';
  // The window is counted from when the page went away, so stamp the marker on the way out.
  const onPageHide = (): void => {
    if (shared(state().state)) saveMarker();
  };
  // Multi-tab: another tab ended the session (its marker is gone), so this tab's view is stale.
  const onStorage = (e: Event): void => {
    const se = e as StorageEvent;
    const st = state().state;
    if (se.key === store.key && se.newValue === null && (st === 'waiting' || st === 'active')) sessionEnded('unknown');
  };
  target?.addEventListener('pagehide', onPageHide);
  if (cfg.multiTab) target?.addEventListener('storage', onStorage);

  function handleSdkEvent(e: SdkEvent): void {
    const s = state();
    switch (e.type) {
      case 'started':
        dispatch({ type: 'SESSION.STARTED' });
        return;
      case 'pin':
        if (dispatch({ type: 'PIN.UPDATED', pin: e.pin, at: clock.now() })) emit('pin', { pinCode: e.pin });
        return;
      case 'agent-joined':
        if (dispatch(e.agentName ? { type: 'AGENT.JOINED', agentName: e.agentName } : { type: 'AGENT.JOINED' })) emit('agentJoined', { agentName: state().agentName });
        return;
      case 'agent-left':
        if (dispatch({ type: 'AGENT.LEFT', at: clock.now() })) emit('agentLeft', {});
        return;
      case 'remote-assist':
        if (dispatch({ type: 'REMOTE_ASSIST.CHANGED', active: e.active })) emit('remoteAssist', { active: e.active });
        return;
      case 'reconnecting':
        dispatch({ type: 'SESSION.RECONNECTING' });
        return;
      case 'ended':
        sessionEnded(
          s.state === 'ending' ? 'customer' : s.state === 'waiting' && s.pinAt !== null && clock.now() - s.pinAt >= AGENT_WAIT_MS ? 'timeout' : s.state === 'active' ? 'agent' : 'unknown',
        );
        return;
      case 'error': {
        const error = retryRejoin(e.error);
        if (error) fail(error);
        return;
      }
    }
  }

  /**
   * A rejoin refused because the session is still recovering is tried again later (null);
   * any other error, or one once the window is spent, is returned to be shown.
   */
  function retryRejoin(error: CobrowseError): CobrowseError | null {
    const r = rejoin;
    if (!r || state().state !== 'recovering' || !isStillRecovering(error)) return error;
    const wait = nextRejoinDelay(r.tries++, clock.now(), r.deadline);
    if (wait === undefined) return { ...error, detail: `${error.detail ?? ''} Still recovering when the 2-minute recovery window ran out.`.trim() };
    debug(`rejoin refused while the session is still recovering; trying again in ${wait} ms`);
    timers.clear('start');
    timers.set('rejoin', wait, r.join);
    return null;
  }

  /**
   * The masking audit, when it should run: always in strict mode, and in development (debug, or a
   * localhost-like host) so the site owner sees gaps early. Its code is requested at once, beside
   * the token and the SDK; it reads the page once `marked` has settled, as marked.
   */
  function auditPage(marked: Promise<unknown>): Promise<MaskingAuditFinding[]> {
    const m = cfg.maskingConfig;
    if (m === false || !doc || !isAuditDue(m, cfg.debug, hostname)) return marked.then(() => []);
    // Settled either way now, so a failed load waiting for the marks is never an unhandled rejection.
    const loaded = (host.loadAudit ?? (() => loadAudit(cfg.nonce)))().then(
      (audit) => ({ audit }),
      (err: unknown) => ({ err }),
    );
    return Promise.all([loaded, marked]).then(([r]) => {
      if ('err' in r) {
        // Strict mode must not share a page it could not check.
        if (m.strict === true) throw cobrowseError('masking-unsafe', `The masking audit could not be loaded: ${String(r.err)}`);
        log.warn(`${LOG_PREFIX} the masking audit could not be loaded (${String(r.err)}); sharing continues with the configured masking.`);
        return [];
      }
      const findings = r.audit.auditFields(doc, m);
      const group = log as Partial<Pick<Console, 'groupCollapsed' | 'groupEnd'>>;
      r.audit.reportMaskingAudit(findings, {
        groupCollapsed: group.groupCollapsed?.bind(log) ?? log.warn.bind(log),
        groupEnd: group.groupEnd?.bind(log) ?? (() => {}),
        warn: log.warn.bind(log),
      });
      return findings;
    });
  }

  /** Adopts a ready SDK session unless this attempt was cancelled meanwhile. */
  function adopt(ctrl: AbortController, sdkSession: SdkSession): boolean {
    if (ctrl.signal.aborted || abort !== ctrl) {
      sdkSession.dispose();
      return false;
    }
    session = sdkSession;
    sdkSession.onEvent(handleSdkEvent);
    return true;
  }

  const guard = (ctrl: AbortController) => (err: unknown) => {
    if (!ctrl.signal.aborted && abort === ctrl) fail(err);
  };

  return {
    masking: starter.masking,
    start() {
      const ctrl = begin();
      const marked = markFields(true);
      timers.set('start', cfg.startTimeoutMs, () => fail(cobrowseError('start-timeout', `No PIN within ${cfg.startTimeoutMs} ms of starting.`)));
      // The slow steps run side by side: the visitor waits for the slowest, not the sum.
      // The audit reads the page as marked, so it waits for the marks; token and SDK don't.
      Promise.all([starter.prepare(ctrl.signal), auditPage(marked)])
        .then(([{ token, session: sdkSession }, findings]) => {
          const strict = cfg.maskingConfig !== false && cfg.maskingConfig.strict;
          if (findings.length && strict && !ctrl.signal.aborted) {
            sdkSession.dispose();
            const where = findings.slice(0, 3).map((f) => f.selector).join(', ');
            throw cobrowseError('masking-unsafe', `masking.strict: ${findings.length} sensitive-looking field(s) are not masked (${where}${findings.length > 3 ? ', …' : ''}). See the console group above.`);
          }
          if (!adopt(ctrl, sdkSession)) return;
          const pin = starter.customPin();
          debug('starting session', pin ? '(custom PIN)' : '');
          sdkSession.start(token, pin);
        })
        .catch(guard(ctrl));
    },
    recover() {
      const ctrl = begin();
      // The summary so far came with the marker; remote assist that was on when the page went away is counted up to then.
      const saved = store.read();
      if (saved?.log) {
        record = { ...saved.log, agents: [...saved.log.agents], hidden: { ...saved.log.hidden } };
        logAssist(record, false, saved.t);
      }
      // A recovering SDK may resume sharing as soon as it is initialised: the marks come first.
      markFields(true)
        .then(() => starter.init())
        .then((sdkSession) => {
          const info = sdkSession.info();
          debug('recovery: getSessionInfo', info);
          if (!info.recoverable && !ctrl.signal.aborted) {
            sdkSession.dispose();
            store.clear();
            dispatch({ type: 'START.CANCEL' });
            return;
          }
          if (!adopt(ctrl, sdkSession)) return;
          // Zoom's window is counted from when the page went away, which the marker recorded.
          const deadline = (store.read()?.t ?? clock.now()) + RECOVERY_WINDOW_MS;
          const join = (): void => {
            pendingResume = undefined;
            timers.set('start', cfg.startTimeoutMs, () => fail(cobrowseError('join-failed', `No answer within ${cfg.startTimeoutMs} ms of rejoining.`)));
            sdkSession.join();
          };
          rejoin = { join, deadline, tries: 0 };
          if (cfg.recovery === 'prompt') {
            pendingResume = join;
            dispatch({ type: 'RECOVERY.ASK' });
          } else join();
        })
        .catch(guard(ctrl));
    },
    resume() {
      const join = pendingResume;
      if (join && dispatch({ type: 'RECOVERY.RESUME' })) join();
    },
    end() {
      session?.end();
      // If Zoom never confirms, still release the visitor.
      timers.set('end', END_CONFIRM_MS, () => sessionEnded('customer'));
    },
    warm: () => starter.warm(),
    onEnter(prev, next) {
      const st = next.state;
      const now = clock.now();
      if (st === 'waiting' && prev.state === 'starting') record = newLog();
      if (shared(st)) {
        record ??= newLog();
        if (!shared(prev.state)) countHidden();
        if (st === 'active' && (prev.state !== 'active' || prev.agentName !== next.agentName)) logAgent(record, next.agentName);
        if (prev.remoteAssist !== next.remoteAssist) logAssist(record, next.remoteAssist, now);
        const endsAt = limitEndsAt(next, cfg.maxDurationMinutes);
        if (endsAt !== null && (endsAt !== limitEndsAt(prev, cfg.maxDurationMinutes) || !timers.has('limit'))) timers.set('limit', Math.max(0, endsAt - now), limitReached);
      }
      if (!isSessionLive(st)) {
        timers.clear('limit');
        record = null;
      }
      if (st === 'waiting' && next.pinAt !== prev.pinAt && next.pinAt !== null) {
        // Zoom ends an unanswered session after 3 minutes; if its event never comes, don't leave the visitor staring at a dead PIN.
        timers.set('agent-wait', Math.max(0, next.pinAt + AGENT_WAIT_MS + WAIT_GRACE_MS - clock.now()), () => sessionEnded('timeout'));
      }
      if (st !== 'waiting' && st !== 'reconnecting') timers.clear('agent-wait');
      if (st !== 'starting' && st !== 'recovering') timers.clear('start');
      if (st !== 'recovering') {
        pendingResume = undefined;
        rejoin = undefined;
        timers.clear('rejoin');
      }
      if (!isSessionLive(st)) {
        timers.clear('end');
        teardownSession();
        // The consent step keeps a preview's marks; any other state outside a session drops them.
        if (st !== 'consent') unmarkFields();
      }
      if (shared(st)) {
        saveMarker();
        if (!timers.has('heartbeat')) heartbeat();
      } else if (st !== 'recovering' && st !== 'ending') timers.clear('heartbeat');
    },
    summaryRows(t, lang) {
      const m = state().summary;
      return m ? summaryRows(m, t, lang, !!cfg.remoteAssist) : [];
    },
    feedback(rating, comment) {
      const s = state();
      const url = cfg.feedback?.url;
      if (!url || !s.summary) return Promise.resolve();
      // The site's own endpoint, and only what the visitor saw in the summary: no token, no PIN.
      const body = JSON.stringify({ rating, ...(comment?.trim() ? { comment: comment.trim().slice(0, 2000) } : {}), summary: s.summary });
      const send = deps.fetch ?? globalThis.fetch;
      // keepalive: the visitor may rate and leave the page at once.
      return Promise.resolve()
        .then(() => send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true }))
        .then((res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
        })
        .catch((err: unknown) => {
          // Silent to the visitor: a rating is a courtesy, not something to retry at them.
          log.warn(`${LOG_PREFIX} feedback could not be sent to ${url} (${err instanceof Error ? err.message : String(err)}). Check that the endpoint accepts a JSON POST.`);
        });
    },
    highlighter: (options) => (starter.masking ? createMaskHighlighter({ ...options, compiled: starter.masking }) : undefined),
    previewMasking(on) {
      if (!on) return Promise.resolve(unmarkFields());
      return state().state === 'consent' ? markFields(false) : Promise.resolve();
    },
    destroy() {
      if (isSessionLive(state().state)) endQuietly();
      target?.removeEventListener('pagehide', onPageHide);
      target?.removeEventListener('storage', onStorage);
      timers.clearAll();
      teardownSession();
      unmarkFields();
      starter.dispose();
    },
  };
}
