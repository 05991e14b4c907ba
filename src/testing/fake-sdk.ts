import { isVersionBefore } from '../sdk/compat';
import { ANNOTATION_SETTINGS_KEY, type ZoomCobrowseSDK, type ZoomInitResult, type ZoomInitSettings, type ZoomSession, type ZoomSessionInfo, type ZoomStartOptions, type ZoomStartResult } from '../sdk/types';
import { realClock, type Clock } from '../shared/timers';
import { showConsentPrompt } from './consent-prompt';
import { decodeJwt } from './jwt';

/** The Web SDK version the fake plays unless told otherwise: the newest in Zoom's changelog. */
export const FAKE_SDK_DEFAULT_VERSION = '3.10.0';

/** Time source for the fake; tests pass a controllable one. The widget's own `Clock`, so one test clock drives both. */
export type FakeClock = Clock;

/** Options for {@link createFakeCobrowseSdk}. */
export interface FakeSdkOptions {
  /** The SDK key tokens must carry as `app_key`; omitted accepts any key. */
  sdkKey?: string;
  clock?: FakeClock;
  /** Delay before `init` calls back (Zoom's is async). @default 0 */
  initDelayMs?: number;
  /** Delay from `start` to `session_started` + `pincode_updated`. @default 30 */
  startDelayMs?: number;
  /** The agent's window before an unanswered session ends. @default 180000 */
  agentWaitMs?: number;
  /** How long after the page went away a session can still be rejoined. @default 120000 */
  recoveryWindowMs?: number;
  /** Make `init` report an unsupported browser. */
  unsupported?: boolean;
  /** Spelling of the PIN field in `pincode_updated`. @default 'pinCode' */
  pinField?: 'pinCode' | 'pincode';
  /** Where a live session is remembered for refresh recovery. @default sessionStorage when present */
  storage?: Storage | null;
  /** Shared by all tabs: one active session per browser. @default localStorage when present */
  sharedStorage?: Storage | null;
  /** Makes the 6-digit PIN; tests can fix it. */
  generatePin?: () => string;
  /**
   * The Web SDK version to play. Before 2.11 the fake reads only the top-level
   * annotation flags; from 2.11 only the nested annotation object (see `annotations`).
   * @default FAKE_SDK_DEFAULT_VERSION
   */
  version?: string;
  /**
   * Whether a start with a custom (BYOP) PIN emits `pincode_updated`. No public source
   * shows it doing so; `false` reports success through `start`'s callback only.
   * (A rejoin after a refresh still emits it: what Zoom does there is not known either.)
   * @default true
   */
  byopPinEvent?: boolean;
  /** `join()` answers 1002 (a transfer session still recovering) for this long after the fake is created. @default 0 */
  recoveringMs?: number;
  /**
   * Where the remote-assist consent prompt is drawn (Zoom's own UI, outside the widget).
   * null draws nothing: answer with `answerRemoteAssist`. @default document when present
   */
  document?: Document | null;
}

/** Annotation settings as the played version reads them from `init`. */
export interface FakeAnnotations {
  agent?: boolean;
  customer?: boolean;
  followScroll?: boolean;
}

/** What the remote-assist consent prompt is doing. */
export type FakePromptEvent = 'shown' | 'allowed' | 'denied' | 'withdrawn';

/** Where the fake session is. */
export type FakeSessionState = 'none' | 'starting' | 'waiting' | 'active' | 'reconnecting' | 'ended';

/** One event the fake emitted, as Zoom would: snake_case name and raw payload. */
export interface FakeEmitted {
  name: string;
  payload: unknown;
}

/** The fake SDK plus the handle that plays the agent and the service. */
export interface FakeCobrowseSdk {
  /** Pass this as `sdk.module`, or install it as `window.ZoomCobrowseSDK`. */
  readonly sdk: ZoomCobrowseSDK;
  /** Current state of the (latest) session. */
  readonly state: FakeSessionState;
  /** The PIN issued by the latest start, as the agent would type it. */
  readonly pin: string | null;
  /** Every settings object `init` received, in order. */
  readonly initCalls: readonly ZoomInitSettings[];
  /** Every `start` argument, in order. */
  readonly startCalls: readonly ZoomStartOptions[];
  /** The Web SDK version played. */
  readonly version: string;
  /** The annotation settings the played version honours, from the latest `init`. */
  readonly annotations: FakeAnnotations;
  /** True while the visitor's remote-assist consent prompt waits for an answer. */
  readonly remoteAssistPrompt: boolean;
  /** Everything emitted so far. */
  readonly emitted: readonly FakeEmitted[];
  /** An agent joins with this PIN (defaults to the current one); fails like Zoom's desk on a wrong PIN. */
  agentJoin(options?: { pin?: string; name?: string }): boolean;
  /** The agent leaves; the session goes back to waiting. */
  agentLeave(): void;
  /** The agent (or the service) ends the session. */
  endSession(): void;
  /** Network blip: `session_reconnecting`, then back after `ms`. */
  reconnect(ms?: number): void;
  /** Emits `session_error` with any code. */
  raiseError(code: number | string, errorMsg?: string): void;
  /** The next `start` fails with this code instead of issuing a PIN. */
  failNextStart(code: number): void;
  /**
   * The agent starts or stops remote assist (only if the settings enabled it). With
   * `enableCustomerConsent` on, starting shows the visitor Zoom's consent prompt first,
   * and remote assist starts only once it is allowed.
   */
  remoteAssist(active: boolean): void;
  /** Answers the consent prompt as the visitor would (Allow or Deny). */
  answerRemoteAssist(allow: boolean): void;
  /** Observes the consent prompt (shown, allowed, denied, withdrawn by the agent); returns the unsubscribe. */
  onRemoteAssistPrompt(listener: (event: FakePromptEvent) => void): () => void;
  /** From now, `join()` answers 1002 (still recovering) for `ms`. */
  holdRecovery(ms: number): void;
  /** Emits any event, known to the widget or not (Zoom adds events without publishing their names). */
  emitEvent(name: string, payload?: unknown): void;
  /** Observes every emitted event; returns the unsubscribe. */
  onEmit(listener: (event: FakeEmitted) => void): () => void;
  /** Stamps "last seen" now (the script build calls it on pagehide). */
  touch(): void;
  /** Forgets everything (and the stored session). */
  reset(): void;
}

const ACTIVE_KEY = 'zoom-cobrowse-fake:active';
const SESSION_KEY = 'zoom-cobrowse-fake:session';
const MIN_TTL = 1800;
const MAX_TTL = 172_800;

interface StoredSession {
  id: string;
  pin: string;
  agentName: string | null;
  state: FakeSessionState;
  lastSeen: number;
}

function storageOr(value: Storage | null | undefined, name: 'sessionStorage' | 'localStorage'): Storage | null {
  if (value !== undefined) return value;
  try {
    return (globalThis as unknown as Record<string, Storage | undefined>)[name] ?? null;
  } catch {
    return null;
  }
}

function readJson<T>(storage: Storage | null, key: string): T | null {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The annotation flags a build of `version` reads from its init settings (docs/zoom-sdk.md, "Settings"). */
function readAnnotations(settings: ZoomInitSettings, version: string): FakeAnnotations {
  const out: FakeAnnotations = {};
  if (isVersionBefore(version, 2, 11)) {
    if (typeof settings.allowAgentAnnotation === 'boolean') out.agent = settings.allowAgentAnnotation;
    if (typeof settings.allowCustomerAnnotation === 'boolean') out.customer = settings.allowCustomerAnnotation;
    return out;
  }
  const nested = settings[ANNOTATION_SETTINGS_KEY];
  if (typeof nested?.allowCustomerAnnotation === 'boolean') out.customer = nested.allowCustomerAnnotation;
  if (typeof nested?.enableAnnotationFollowScroll === 'boolean') out.followScroll = nested.enableAnnotationFollowScroll;
  return out;
}

/**
 * A fake of the Zoom Cobrowse customer SDK that behaves as docs/zoom-sdk.md
 * describes: async `init`, token claim checks, `session_started` then
 * `pincode_updated` (and `start`'s result callback), the 3-minute agent window,
 * refresh recovery within 2 minutes, one active session per browser, and the
 * visitor's consent prompt before remote assist.
 */
export function createFakeCobrowseSdk(options: FakeSdkOptions = {}): FakeCobrowseSdk {
  const clock = options.clock ?? realClock;
  const storage = storageOr(options.storage, 'sessionStorage');
  const shared = storageOr(options.sharedStorage, 'localStorage');
  const recoveryWindow = options.recoveryWindowMs ?? 120_000;
  const agentWait = options.agentWaitMs ?? 180_000;
  const generatePin = options.generatePin ?? (() => String(Math.floor(100000 + Math.random() * 900000)));
  const version = options.version ?? FAKE_SDK_DEFAULT_VERSION;
  const promptDoc = options.document !== undefined ? options.document : typeof document !== 'undefined' ? document : null;
  const promptListeners = new Set<(e: FakePromptEvent) => void>();
  let recoveringUntil = options.recoveringMs ? clock.now() + options.recoveringMs : 0;

  const initCalls: ZoomInitSettings[] = [];
  const startCalls: ZoomStartOptions[] = [];
  const emitted: FakeEmitted[] = [];
  const observers = new Set<(e: FakeEmitted) => void>();
  let current: FakeSessionImpl | undefined;
  let nextStartFailure: number | undefined;

  class FakeSessionImpl implements ZoomSession {
    readonly handlers = new Map<string, Array<(p: unknown) => void>>();
    settings: ZoomInitSettings;
    state: FakeSessionState = 'none';
    pin: string | null = null;
    id = `fake-${Math.random().toString(36).slice(2)}`;
    agentName: string | null = null;
    remoteAssistOn = false;
    /** The consent prompt while it waits: how to take it down. */
    prompt: (() => void) | undefined;
    promptPending = false;
    timers = new Set<unknown>();

    /** Where this session's record lives: shared by all tabs when multi-tab persistence is on, as Zoom's cookie is. */
    records: Storage | null;

    constructor(settings: ZoomInitSettings) {
      this.settings = settings;
      this.records = settings.multiTabSessionPersistence?.enable ? shared : storage;
    }

    on(event: string, handler: (payload: unknown) => void): void {
      const list = this.handlers.get(event) ?? [];
      list.push(handler);
      this.handlers.set(event, list);
    }
    // Deliberately no off(): no public source shows one (docs/zoom-sdk.md, "Session object").

    emit(name: string, payload: unknown): void {
      const e = { name, payload };
      emitted.push(e);
      for (const o of [...observers]) o(e);
      for (const h of [...(this.handlers.get(name) ?? [])]) h(payload);
      this.persist();
    }

    later(ms: number, fn: () => void): void {
      const handle = clock.setTimeout(() => {
        this.timers.delete(handle);
        fn();
      }, ms);
      this.timers.add(handle);
    }

    clearTimers(): void {
      for (const t of this.timers) clock.clearTimeout(t);
      this.timers.clear();
    }

    error(code: number, errorMsg: string, callback?: (result: ZoomStartResult) => void): void {
      this.later(0, () => {
        callback?.({ success: false, error: { code, errorMsg } });
        this.emit('session_error', { code, errorMsg });
      });
    }

    /** Takes the consent prompt down; `event` says why, for the emulator's agent. */
    closePrompt(event: FakePromptEvent): void {
      if (!this.promptPending) return;
      this.promptPending = false;
      this.prompt?.();
      this.prompt = undefined;
      for (const l of [...promptListeners]) l(event);
    }

    answerPrompt(allow: boolean): void {
      if (!this.promptPending) return;
      this.closePrompt(allow ? 'allowed' : 'denied');
      if (allow && this.state === 'active' && !this.remoteAssistOn) {
        this.remoteAssistOn = true;
        this.emit('remote_assist_started', {});
      }
    }

    persist(): void {
      try {
        if (this.state === 'none' || this.state === 'ended' || this.state === 'starting' || !this.pin) return;
        const record: StoredSession = { id: this.id, pin: this.pin, agentName: this.agentName, state: this.state, lastSeen: clock.now() };
        this.records?.setItem(SESSION_KEY, JSON.stringify(record));
        shared?.setItem(ACTIVE_KEY, JSON.stringify({ id: this.id, lastSeen: record.lastSeen }));
      } catch {
        /* storage may be full or blocked; recovery then just doesn't happen */
      }
    }

    release(): void {
      try {
        this.records?.removeItem(SESSION_KEY);
        const lock = readJson<{ id: string }>(shared, ACTIVE_KEY);
        if (lock?.id === this.id) shared?.removeItem(ACTIVE_KEY);
      } catch {
        /* see persist */
      }
    }

    /** Zoom counts the 2-minute window from when the page went away; keep "last seen" fresh while it's here. */
    heartbeat(): void {
      if (this.heartbeatOn) return;
      this.heartbeatOn = true;
      const beat = (): void =>
        this.later(5000, () => {
          if (this.state === 'ended' || this.state === 'none') return void (this.heartbeatOn = false);
          this.persist();
          beat();
        });
      beat();
    }
    heartbeatOn = false;

    waitForAgent(): void {
      this.later(agentWait, () => {
        if (this.state === 'waiting') this.finish({ reason: 'agent_wait_timeout' });
      });
    }

    finish(payload: unknown): void {
      this.closePrompt('withdrawn');
      this.clearTimers();
      this.heartbeatOn = false;
      this.state = 'ended';
      this.release();
      this.emit('session_ended', payload);
    }

    start(opts: ZoomStartOptions, callback?: (result: ZoomStartResult) => void): void {
      startCalls.push({ ...opts });
      const fail = (code: number, errorMsg: string): void => this.error(code, errorMsg, callback);
      if (this.state !== 'none' && this.state !== 'ended') return fail(1002, 'A session is already connecting or active.');
      const failure = nextStartFailure;
      nextStartFailure = undefined;
      if (failure !== undefined) return fail(failure, `Simulated failure ${failure}.`);
      const lock = readJson<{ id: string; lastSeen: number }>(shared, ACTIVE_KEY);
      if (lock && lock.id !== this.id && clock.now() - lock.lastSeen < recoveryWindow) {
        return fail(1004, 'Another session is active in this browser for this site.');
      }
      const claims = typeof opts?.sdkToken === 'string' ? decodeJwt(opts.sdkToken) : undefined;
      const now = Math.floor(clock.now() / 1000);
      const problem = !claims
        ? 'sdkToken is not a JWT'
        : claims.role_type !== 1
          ? `role_type is ${String(claims.role_type)}, the customer SDK needs 1`
          : typeof claims.app_key !== 'string' || (options.sdkKey !== undefined && claims.app_key !== options.sdkKey)
            ? 'app_key does not match the SDK key'
            : typeof claims.exp !== 'number' || claims.exp <= now
              ? 'token expired'
              : typeof claims.iat !== 'number' || claims.exp - claims.iat < MIN_TTL || claims.exp - claims.iat > MAX_TTL
                ? 'token lifetime outside 30 min to 48 h'
                : undefined;
      if (problem) return fail(2001, `Invalid token: ${problem}.`);
      const byop = claims?.enable_byop === 1;
      let pin: string;
      const custom = opts.customPinCode !== undefined;
      if (custom) {
        if (!byop) return fail(2001, 'Invalid token: customPinCode needs enable_byop in the token.');
        if (!/^[a-z0-9]{1,10}$/i.test(String(opts.customPinCode))) return fail(1008, 'Custom PIN must be 1 to 10 letters or digits.');
        // Zoom's BYOP page: the custom PIN is converted to uppercase.
        pin = String(opts.customPinCode).toUpperCase();
      } else if (byop) {
        return fail(1009, 'BYOP token but no customPinCode.');
      } else {
        pin = generatePin();
      }
      this.state = 'starting';
      this.later(options.startDelayMs ?? 30, () => {
        if (this.state !== 'starting') return;
        this.pin = pin;
        this.state = 'waiting';
        this.emit('session_started', { sessionId: this.id });
        if (!custom || options.byopPinEvent !== false) this.emit('pincode_updated', { [options.pinField ?? 'pinCode']: pin });
        callback?.({ success: true });
        this.waitForAgent();
        this.heartbeat();
      });
    }

    join(): void {
      if (clock.now() < recoveringUntil) return this.error(1002, 'A transfer session is still recovering.');
      const stored = readJson<StoredSession>(this.records, SESSION_KEY);
      if (!stored || clock.now() - stored.lastSeen >= recoveryWindow) {
        this.release();
        return this.error(1011, 'The session can no longer be rejoined.');
      }
      this.id = stored.id;
      this.pin = stored.pin;
      this.agentName = stored.agentName;
      this.state = 'starting';
      this.later(options.startDelayMs ?? 30, () => {
        this.state = stored.state === 'active' ? 'active' : 'waiting';
        this.emit('session_started', { sessionId: this.id, rejoined: true });
        this.emit('pincode_updated', { [options.pinField ?? 'pinCode']: stored.pin });
        if (this.state === 'active') this.emit('agent_joined', { agentName: stored.agentName ?? undefined });
        else this.waitForAgent();
        this.heartbeat();
      });
    }

    end(): void {
      if (this.state === 'none' || this.state === 'ended') return;
      this.closePrompt('withdrawn');
      this.clearTimers();
      this.heartbeatOn = false;
      this.state = 'ended';
      this.release();
      // Zoom confirms asynchronously.
      this.later(0, () => this.emit('session_ended', { reason: 'customer_ended' }));
    }

    getSessionInfo(): ZoomSessionInfo {
      if (this.state === 'waiting' || this.state === 'active' || this.state === 'reconnecting') {
        return this.pin ? { pinCode: this.pin } : {};
      }
      const stored = readJson<StoredSession>(this.records, SESSION_KEY);
      if (stored && clock.now() - stored.lastSeen < recoveryWindow) return { sessionStatus: 'session_recoverable', pinCode: stored.pin };
      return {};
    }
  }

  const requireLive = (what: string): FakeSessionImpl => {
    if (!current || (current.state !== 'waiting' && current.state !== 'active' && current.state !== 'reconnecting')) {
      throw new Error(`[zoom-cobrowse-widget/testing] ${what}: no live fake session (state ${current?.state ?? 'none'}).`);
    }
    return current;
  };

  const sdk: ZoomCobrowseSDK = {
    init(settings, callback) {
      initCalls.push(JSON.parse(JSON.stringify(settings ?? {})) as ZoomInitSettings);
      clock.setTimeout(() => {
        let result: ZoomInitResult;
        if (options.unsupported) result = { success: false, error: { code: 'BROWSER_NOT_SUPPORTED', errorMsg: 'Browser not supported.' } };
        else {
          current = new FakeSessionImpl(settings ?? {});
          result = { success: true, session: current };
        }
        callback?.(result);
      }, options.initDelayMs ?? 0);
    },
  };

  return {
    sdk,
    get state() {
      return current?.state ?? 'none';
    },
    get pin() {
      return current?.pin ?? null;
    },
    initCalls,
    startCalls,
    emitted,
    version,
    get annotations() {
      return readAnnotations(current?.settings ?? initCalls[initCalls.length - 1] ?? {}, version);
    },
    get remoteAssistPrompt() {
      return current?.promptPending ?? false;
    },
    agentJoin(opts = {}) {
      const s = requireLive('agentJoin');
      if (opts.pin !== undefined && opts.pin.toUpperCase() !== s.pin) return false;
      s.clearTimers();
      s.heartbeatOn = false;
      s.heartbeat();
      s.agentName = opts.name ?? null;
      s.state = 'active';
      s.emit('agent_joined', opts.name ? { agentName: opts.name } : {});
      return true;
    },
    agentLeave() {
      const s = requireLive('agentLeave');
      s.closePrompt('withdrawn');
      s.agentName = null;
      s.remoteAssistOn = false;
      s.state = 'waiting';
      s.emit('agent_left', {});
      s.waitForAgent();
    },
    endSession() {
      requireLive('endSession').finish({ reason: 'agent_ended' });
    },
    reconnect(ms = 1000) {
      const s = requireLive('reconnect');
      const back = s.state === 'active' ? 'active' : 'waiting';
      s.state = 'reconnecting';
      s.emit('session_reconnecting', {});
      s.later(ms, () => {
        if (s.state !== 'reconnecting') return;
        s.state = back;
        if (back === 'active') s.emit('agent_joined', s.agentName ? { agentName: s.agentName } : {});
        else s.emit('pincode_updated', { [options.pinField ?? 'pinCode']: s.pin });
      });
    },
    raiseError(code, errorMsg) {
      if (!current) throw new Error('[zoom-cobrowse-widget/testing] raiseError: init() has not been called yet.');
      current.emit('session_error', errorMsg === undefined ? { code } : { code, errorMsg });
    },
    failNextStart(code) {
      nextStartFailure = code;
    },
    remoteAssist(active) {
      const s = requireLive('remoteAssist');
      if (!s.settings.remoteAssist?.enable) throw new Error('[zoom-cobrowse-widget/testing] remoteAssist: not enabled in the init settings.');
      if (!active) s.closePrompt('withdrawn');
      if (s.remoteAssistOn === active) return;
      if (active && s.settings.remoteAssist.enableCustomerConsent) {
        // Zoom asks the visitor itself; nothing starts until they allow it.
        if (s.promptPending) return;
        if (s.state !== 'active') throw new Error('[zoom-cobrowse-widget/testing] remoteAssist: no agent has joined.');
        s.promptPending = true;
        s.prompt = promptDoc ? showConsentPrompt(promptDoc, (allow) => s.answerPrompt(allow)) : undefined;
        for (const l of [...promptListeners]) l('shown');
        return;
      }
      s.remoteAssistOn = active;
      s.emit(active ? 'remote_assist_started' : 'remote_assist_stopped', {});
    },
    answerRemoteAssist(allow) {
      if (!current?.promptPending) throw new Error('[zoom-cobrowse-widget/testing] answerRemoteAssist: no consent prompt is showing. Call remoteAssist(true) with remoteAssist.requireConsent on first.');
      current.answerPrompt(allow);
    },
    onRemoteAssistPrompt(listener) {
      promptListeners.add(listener);
      return () => void promptListeners.delete(listener);
    },
    holdRecovery(ms) {
      recoveringUntil = clock.now() + ms;
    },
    emitEvent(name, payload) {
      if (!current) throw new Error('[zoom-cobrowse-widget/testing] emitEvent: init() has not been called yet.');
      current.emit(name, payload);
    },
    touch() {
      current?.persist();
    },
    onEmit(listener) {
      observers.add(listener);
      return () => void observers.delete(listener);
    },
    reset() {
      current?.closePrompt('withdrawn');
      current?.clearTimers();
      current?.release();
      current = undefined;
      nextStartFailure = undefined;
      initCalls.length = startCalls.length = emitted.length = 0;
      try {
        storage?.removeItem(SESSION_KEY);
        shared?.removeItem(SESSION_KEY);
        shared?.removeItem(ACTIVE_KEY);
      } catch {
        /* ignore */
      }
    },
  };
}
