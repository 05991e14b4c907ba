/**
 * Our own types for the Zoom Cobrowse *customer* SDK, written from
 * docs/zoom-sdk.md because `@zoom/cobrowsesdk` cannot be installed
 * here. Confidence marks ([H]/[M]/[L]) follow that document; anything below [H]
 * is optional in these types so the adapter has to cope with its absence.
 */

/** `piiMask` init setting: which fields the agent sees blanked. */
export interface ZoomPiiMask {
  /**
   * [H] custom_input masks what the selectors match. Zoom's `all_input` has no public
   * source ([none]), so the widget never sends it: "every field" is custom_input plus
   * selectors for every field kind.
   */
  maskType: 'custom_input';
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

/**
 * The nested "annotation configuration object" of Web SDK 2.11+ [H that it exists];
 * its key is not public, see {@link ANNOTATION_SETTINGS_KEY}.
 */
export interface ZoomAnnotationSettings {
  /** [H] moved here from the top level in 2.11.0. */
  allowCustomerAnnotation?: boolean;
  /** [H] new in 2.11.0: annotations follow the page when it scrolls. */
  enableAnnotationFollowScroll?: boolean;
}

/**
 * Our guess [L] at the key of the 2.11+ annotation object: Zoom's changelog names
 * an "annotation configuration object" without its key. docs/zoom-sdk.md, "Settings".
 */
export const ANNOTATION_SETTINGS_KEY = 'annotation';

/** Settings passed to `ZoomCobrowseSDK.init`. */
export interface ZoomInitSettings {
  /** [H] before 2.11 only: 2.11.0 removed it (agent annotation is the agent side's setting now). */
  allowAgentAnnotation?: boolean;
  /** [H] top level before 2.11; 2.11+ reads it from the annotation object (and maybe still here). */
  allowCustomerAnnotation?: boolean;
  /** [L] key: the 2.11+ annotation object. */
  [ANNOTATION_SETTINGS_KEY]?: ZoomAnnotationSettings;
  piiMask?: ZoomPiiMask;
  remoteAssist?: ZoomRemoteAssist;
  /** [H] on the CDN build; [M] a tested npm sample enables it with the npm build too. */
  multiTabSessionPersistence?: { enable: boolean; stateCookieKey?: string };
  /** [L] one Zoom npm page's name for multi-tab persistence, same shape; sent in npm mode only. */
  allowSessionContinuation?: { enable: boolean; stateCookieKey?: string };
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

/** What a BYOP sample's `start` callback receives [M]; `error` most likely `{ code, errorMsg }`. */
export interface ZoomStartResult {
  success?: boolean;
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

/** Event names docs/zoom-sdk.md lists; the SDK may emit others, which never reach the widget (it subscribes by name). */
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
  /** The second argument [M] is a result callback; builds that don't call it are fine. */
  start(options: ZoomStartOptions, callback?: (result: ZoomStartResult | undefined) => void): void;
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
