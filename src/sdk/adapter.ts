import { ALL_FIELD_SELECTORS } from '../masking/compile';
import { cobrowseError, type CobrowseError } from '../shared/errors';
import { sdkError } from './errors';
import { ANNOTATION_SETTINGS_KEY, type ZoomAnnotationSettings, type ZoomCobrowseSDK, type ZoomErrorPayload, type ZoomInitSettings, type ZoomSession } from './types';
import { realClock, type Clock } from '../shared/timers';

/** Events in the widget's own vocabulary; the only shapes code above src/sdk sees. */
export type SdkEvent =
  | { type: 'started' }
  | { type: 'pin'; pin: string }
  | { type: 'agent-joined'; agentName?: string }
  | { type: 'agent-left' }
  | { type: 'ended'; reason?: string }
  | { type: 'error'; error: CobrowseError }
  | { type: 'reconnecting' }
  | { type: 'remote-assist'; active: boolean };

/** Masking as the widget compiles it (src/masking); the adapter turns it into `piiMask`. */
export interface SdkMasking {
  mode: 'custom' | 'all-inputs';
  selectors: string[];
}

/** Init options in the widget's vocabulary. */
export interface SdkSettings {
  masking?: SdkMasking | null;
  remoteAssist?: { enabled: boolean; requireConsent: boolean; types: 'scroll-page'[]; requireStopConfirmation?: boolean };
  /** `agent` only reaches builds before 2.11; `followScroll` only builds from 2.11 on. */
  annotations?: { agent?: boolean; customer?: boolean; followScroll?: boolean };
  multiTab?: { enabled: boolean; cookieKey?: string };
  /** npm/BYOP mode: Zoom wants the SDK key in settings. */
  appKey?: string;
  /** Which build of Zoom's SDK runs: the CDN script or the npm package. @default 'cdn' */
  build?: 'cdn' | 'npm';
}

/** What `getSessionInfo()` tells about a session after a refresh. */
export interface SdkSessionInfo {
  recoverable: boolean;
  pin?: string;
  /** Zoom's raw status string, for debug output. */
  status?: string;
}

/** A started SDK session, wrapped. */
export interface SdkSession {
  start(token: string, customPin?: string): void;
  join(): void;
  end(): void;
  info(): SdkSessionInfo;
  /** Subscribes; returns an unsubscribe. */
  onEvent(handler: (event: SdkEvent) => void): () => void;
  /** Stops delivering events. Zoom has no `off()`, so listeners stay registered but go quiet. */
  dispose(): void;
}

/** Options for {@link initSdk}. */
export interface AdapterOptions {
  /** Log unknown events and raw payloads. */
  debug?: boolean;
  logger?: Pick<Console, 'debug' | 'warn'>;
  /** Fail if the init callback never comes. */
  initTimeoutMs?: number;
  /** Time for the init timeout. @default the real clock */
  clock?: Clock;
}

const ZOOM_EVENTS = [
  'session_started',
  'pincode_updated',
  'agent_joined',
  'agent_left',
  'session_ended',
  'session_error',
  'session_reconnecting',
  'remote_assist_started',
  'remote_assist_stopped',
] as const;

/** Turns the widget's settings into Zoom's init settings (docs/zoom-sdk.md, "Settings"). */
export function toZoomSettings(s: SdkSettings): ZoomInitSettings {
  const out: ZoomInitSettings = {};
  if (s.masking) {
    // No public source has an "all inputs" mask type, so every-field masking is selectors too.
    const selectors = s.masking.mode === 'all-inputs' ? [...new Set([...ALL_FIELD_SELECTORS, ...s.masking.selectors])] : s.masking.selectors;
    out.piiMask = { maskType: 'custom_input', maskCssSelectors: selectors.join(',') };
  }
  if (s.remoteAssist) {
    out.remoteAssist = {
      enable: s.remoteAssist.enabled,
      enableCustomerConsent: s.remoteAssist.requireConsent,
      remoteAssistTypes: s.remoteAssist.types.map(() => 'scroll_page'),
    };
    if (s.remoteAssist.requireStopConfirmation !== undefined) out.remoteAssist.requireStopConfirmation = s.remoteAssist.requireStopConfirmation;
  }
  const a = s.annotations ?? {};
  // Before 2.11 both flags sat at the top level; 2.11 dropped the agent's and moved the
  // customer's into an object whose key is our guess. Both shapes go out: each build reads its own.
  if (a.agent !== undefined) out.allowAgentAnnotation = a.agent;
  if (a.customer !== undefined) out.allowCustomerAnnotation = a.customer;
  if (a.customer !== undefined || a.followScroll !== undefined) {
    const nested: ZoomAnnotationSettings = {};
    if (a.customer !== undefined) nested.allowCustomerAnnotation = a.customer;
    if (a.followScroll !== undefined) nested.enableAnnotationFollowScroll = a.followScroll;
    out[ANNOTATION_SETTINGS_KEY] = nested;
  }
  if (s.multiTab?.enabled) {
    const persistence: { enable: boolean; stateCookieKey?: string } = { enable: true };
    if (s.multiTab.cookieKey) persistence.stateCookieKey = s.multiTab.cookieKey;
    out.multiTabSessionPersistence = persistence;
    // One Zoom npm page names it differently; an unknown key is ignored, so send both.
    if (s.build === 'npm') out.allowSessionContinuation = { ...persistence };
  }
  if (s.appKey) out.appKey = s.appKey;
  return out;
}

function record(payload: unknown): Record<string, unknown> {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** Reads the PIN from either spelling seen in the wild ([M] `pinCode`, [L] `pincode`). */
export function readPin(payload: unknown): string | undefined {
  const p = record(payload);
  return str(p.pinCode) ?? str(p.pincode) ?? str(p.pin_code) ?? (typeof payload === 'string' ? str(payload) : undefined);
}

/** Agent payloads are undocumented: accept a few plausible spellings. */
function readAgentName(payload: unknown): string | undefined {
  const p = record(payload);
  const agent = record(p.agent);
  return str(p.agentName) ?? str(p.userName) ?? str(p.user_name) ?? str(p.displayName) ?? str(p.name) ?? str(agent.name) ?? str(agent.userName);
}

function readError(payload: unknown): CobrowseError {
  const p = record(payload) as ZoomErrorPayload;
  return sdkError(p.code, str(p.errorMsg) ?? str(p.message));
}

function translate(name: string, payload: unknown): SdkEvent | undefined {
  switch (name) {
    case 'session_started':
      return { type: 'started' };
    case 'pincode_updated': {
      const pin = readPin(payload);
      return pin ? { type: 'pin', pin } : undefined;
    }
    case 'agent_joined': {
      const agentName = readAgentName(payload);
      return agentName ? { type: 'agent-joined', agentName } : { type: 'agent-joined' };
    }
    case 'agent_left':
      return { type: 'agent-left' };
    case 'session_ended': {
      const reason = str(record(payload).reason);
      return reason ? { type: 'ended', reason } : { type: 'ended' };
    }
    case 'session_error':
      return { type: 'error', error: readError(payload) };
    case 'session_reconnecting':
      return { type: 'reconnecting' };
    case 'remote_assist_started':
      return { type: 'remote-assist', active: true };
    case 'remote_assist_stopped':
      return { type: 'remote-assist', active: false };
    default:
      return undefined;
  }
}

function wrapSession(session: ZoomSession, options: AdapterOptions): SdkSession {
  const handlers = new Set<(e: SdkEvent) => void>();
  let disposed = false;
  /** Whether `pincode_updated` has given a PIN since the last start. */
  let pinSeen = false;
  const log = options.logger ?? console;
  const emit = (e: SdkEvent): void => {
    if (disposed) return;
    if (e.type === 'pin') pinSeen = true;
    for (const h of [...handlers]) h(e);
  };

  /**
   * `start`'s result callback [M]: a failure is reported at once instead of after the start
   * timeout; in BYOP mode a success with no `pincode_updated` means the PIN is the custom
   * one, which Zoom uppercases. No source shows the event firing for a custom PIN.
   */
  const startResult = (customPin: string | undefined) => {
    let answered = false;
    return (result: unknown): void => {
      if (answered || disposed) return;
      answered = true;
      if (options.debug) log.debug('[zoom-cobrowse-widget] session.start() result', result);
      const r = record(result);
      if (r.success === false || (r.success !== true && r.error !== undefined)) {
        const e = record(r.error);
        emit({ type: 'error', error: e.code !== undefined ? readError(e) : cobrowseError('session-start-failed', `session.start() reported failure${str(e.errorMsg) ? `: ${str(e.errorMsg)}` : ' without an error code'}`) });
        return;
      }
      // A pincode_updated fired right after the callback still wins: wait a microtask for it.
      if (r.success === true && customPin) {
        void Promise.resolve().then(() => {
          if (!pinSeen) emit({ type: 'pin', pin: customPin.toUpperCase() });
        });
      }
    };
  };
  for (const name of ZOOM_EVENTS) {
    session.on(name, (payload: unknown) => {
      if (disposed) return;
      if (options.debug) log.debug('[zoom-cobrowse-widget] sdk event', name, payload);
      const event = translate(name, payload);
      if (event) emit(event);
      else if (options.debug) log.warn(`[zoom-cobrowse-widget] ignored "${name}" event with an unreadable payload`, payload);
    });
  }
  const call = (method: 'join' | 'end'): void => {
    const fn = session[method];
    if (typeof fn !== 'function') {
      emit({ type: 'error', error: cobrowseError('sdk-unknown', `This SDK build has no session.${method}()`) });
      return;
    }
    try {
      fn.call(session);
    } catch (err) {
      emit({ type: 'error', error: cobrowseError('sdk-unknown', `session.${method}() threw: ${String(err)}`) });
    }
  };
  return {
    start(token, customPin) {
      pinSeen = false;
      try {
        session.start(customPin ? { sdkToken: token, customPinCode: customPin } : { sdkToken: token }, startResult(customPin));
      } catch (err) {
        emit({ type: 'error', error: cobrowseError('session-start-failed', `session.start() threw: ${String(err)}`) });
      }
    },
    join: () => call('join'),
    end: () => call('end'),
    info() {
      try {
        const info = session.getSessionInfo?.();
        const status = str(info?.sessionStatus);
        const pin = readPin(info);
        const out: SdkSessionInfo = { recoverable: status === 'session_recoverable' };
        if (pin) out.pin = pin;
        if (status) out.status = status;
        return out;
      } catch {
        return { recoverable: false };
      }
    },
    onEvent(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    dispose() {
      disposed = true;
      handlers.clear();
    },
  };
}

/**
 * Calls `init` and resolves with the wrapped session once Zoom's callback says
 * success. A callback that never comes (a broken build) fails after `initTimeoutMs`.
 */
export function initSdk(sdk: ZoomCobrowseSDK, settings: SdkSettings, options: AdapterOptions = {}): Promise<SdkSession> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const clock = options.clock ?? realClock;
    const timer = clock.setTimeout(() => {
      settled = true;
      reject(cobrowseError('sdk-unknown', `ZoomCobrowseSDK.init() did not call back within ${options.initTimeoutMs ?? 15_000} ms`));
    }, options.initTimeoutMs ?? 15_000);
    const done = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      fn();
    };
    try {
      sdk.init(toZoomSettings(settings), (result) => {
        done(() => {
          if (result?.success && result.session) resolve(wrapSession(result.session, options));
          else if (result?.error?.code !== undefined) {
            const e = readError(result.error);
            // init's only documented job is the browser check, so an unknown code means "unsupported".
            reject(e.code === 'sdk-unknown' ? { ...cobrowseError('sdk-unsupported', e.detail), ...(e.sdkCode ? { sdkCode: e.sdkCode } : {}) } : e);
          } else reject(cobrowseError('sdk-unsupported', 'ZoomCobrowseSDK.init() reported failure without an error code (unsupported browser?)'));
        });
      });
    } catch (err) {
      done(() => reject(cobrowseError('sdk-unknown', `ZoomCobrowseSDK.init() threw: ${String(err)}`)));
    }
  });
}
