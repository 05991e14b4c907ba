import { cobrowseError, type CobrowseError } from '../shared/errors';
import { sdkError } from './errors';
import type { ZoomCobrowseSDK, ZoomErrorPayload, ZoomInitSettings, ZoomSession } from './types';

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
  annotations?: { agent?: boolean; customer?: boolean };
  multiTab?: { enabled: boolean; cookieKey?: string };
  /** npm/BYOP mode: Zoom wants the SDK key in settings. */
  appKey?: string;
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
    out.piiMask =
      s.masking.mode === 'all-inputs'
        ? { maskType: 'all_input' }
        : { maskType: 'custom_input', maskCssSelectors: s.masking.selectors.join(',') };
  }
  if (s.remoteAssist) {
    out.remoteAssist = {
      enable: s.remoteAssist.enabled,
      enableCustomerConsent: s.remoteAssist.requireConsent,
      remoteAssistTypes: s.remoteAssist.types.map(() => 'scroll_page'),
    };
    if (s.remoteAssist.requireStopConfirmation !== undefined) out.remoteAssist.requireStopConfirmation = s.remoteAssist.requireStopConfirmation;
  }
  if (s.annotations?.agent !== undefined) out.allowAgentAnnotation = s.annotations.agent;
  if (s.annotations?.customer !== undefined) out.allowCustomerAnnotation = s.annotations.customer;
  if (s.multiTab?.enabled) {
    out.multiTabSessionPersistence = { enable: true };
    if (s.multiTab.cookieKey) out.multiTabSessionPersistence.stateCookieKey = s.multiTab.cookieKey;
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
  const log = options.logger ?? console;
  const emit = (e: SdkEvent): void => {
    if (disposed) return;
    for (const h of [...handlers]) h(e);
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
      try {
        session.start(customPin ? { sdkToken: token, customPinCode: customPin } : { sdkToken: token });
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
    const timer = setTimeout(() => {
      settled = true;
      reject(cobrowseError('sdk-unknown', `ZoomCobrowseSDK.init() did not call back within ${options.initTimeoutMs ?? 15_000} ms`));
    }, options.initTimeoutMs ?? 15_000);
    const done = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
