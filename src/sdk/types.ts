/**
 * Our own types for the Zoom Cobrowse *customer* SDK, written from
 * docs/zoom-sdk.md because `@zoom/cobrowsesdk` cannot be installed
 * here. Confidence marks ([H]/[M]/[L]) follow that document; anything below [H]
 * is optional in these types so the adapter has to cope with its absence.
 */

/** `piiMask` init setting: which fields the agent sees blanked. */
export interface ZoomPiiMask {
  /** [H] custom_input masks what the selectors match; [M] all_input masks every input. */
  maskType: 'custom_input' | 'all_input';
  /** [H] one comma-separated string of CSS selectors. */
  maskCssSelectors?: string;
  /** [L] e.g. "data-sensitive=true"; format unverified. */
  maskHTMLAttributes?: string;
}

/** `remoteAssist` init setting. */
export interface ZoomRemoteAssist {
  enable: boolean;
  /** [H] true: the SDK itself shows the customer a consent pop-up. */
  enableCustomerConsent: boolean;
  remoteAssistTypes: string[];
  /** [L] */
  requireStopConfirmation?: boolean;
}

/** Settings passed to `ZoomCobrowseSDK.init`. */
export interface ZoomInitSettings {
  allowAgentAnnotation?: boolean;
  allowCustomerAnnotation?: boolean;
  piiMask?: ZoomPiiMask;
  remoteAssist?: ZoomRemoteAssist;
  /** CDN build only [H]. */
  multiTabSessionPersistence?: { enable: boolean; stateCookieKey?: string };
  /** npm/BYOP builds only [M]. */
  appKey?: string;
}

/** Error payload of `init` and of `session_error`; only `code` is [H]. */
export interface ZoomErrorPayload {
  code?: number | string;
  errorMsg?: string;
  message?: string;
}

/** What `init` hands its callback [H]. */
export interface ZoomInitResult {
  success: boolean;
  session?: ZoomSession;
  error?: ZoomErrorPayload;
}

/** Argument of `session.start` [H]. */
export interface ZoomStartOptions {
  sdkToken: string;
  /** Needs `enable_byop: 1` in the JWT. */
  customPinCode?: string;
}

/** [M] `getSessionInfo()` result; `session_recoverable` is the only status seen. */
export interface ZoomSessionInfo {
  sessionStatus?: string;
  pinCode?: string;
  pincode?: string;
}

/** Event names docs/zoom-sdk.md lists ("Events"); the SDK may emit others, which we log and ignore. */
export type ZoomEventName =
  | 'pincode_updated'
  | 'session_started'
  | 'agent_joined'
  | 'agent_left'
  | 'session_ended'
  | 'session_error'
  | 'session_reconnecting'
  | 'remote_assist_started'
  | 'remote_assist_stopped';

/** The session object from the init callback. Only `start` and `on` are [H]. */
export interface ZoomSession {
  start(options: ZoomStartOptions, callback?: (result: unknown) => void): void;
  on(event: string, handler: (payload: unknown) => void): void;
  /** Not known to exist: never rely on it. */
  off?(event: string, handler: (payload: unknown) => void): void;
  join?(): void;
  end?(): void;
  getSessionInfo?(): ZoomSessionInfo | undefined;
}

/** The `ZoomCobrowseSDK` object: CDN global or `@zoom/cobrowsesdk/customer` export. */
export interface ZoomCobrowseSDK {
  init(settings: ZoomInitSettings, callback?: (result: ZoomInitResult) => void): void;
}
