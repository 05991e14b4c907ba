/**
 * The widget's error vocabulary: codes, the visitor-facing sentence of each, and the
 * error object every layer passes on. src/sdk/errors.ts maps Zoom's numbers onto these codes.
 */

/** Widget error codes for faults the SDK reports (src/sdk/errors.ts maps Zoom's numbers to them). */
export type SdkErrorCode =
  | 'session-start-failed'
  | 'connecting-in-progress'
  | 'session-limit'
  | 'pin-not-found'
  | 'pin-invalid-format'
  | 'pin-required'
  | 'pin-conflict'
  | 'join-failed'
  | 'customer-limit'
  | 'agent-limit'
  | 'duplicate-user'
  | 'network'
  | 'ending-in-progress'
  | 'token-rejected'
  | 'service-error'
  | 'sdk-unknown';

/** Every error the widget can show. */
export type CobrowseErrorCode =
  | SdkErrorCode
  | 'token-http'
  | 'token-misconfigured'
  | 'token-unauthorized'
  | 'token-refused'
  | 'token-rate-limited'
  | 'token-timeout'
  | 'token-network'
  | 'token-invalid-response'
  | 'token-missing'
  | 'sdk-load-failed'
  | 'sdk-load-timeout'
  | 'sdk-missing-global'
  | 'sdk-unsupported'
  | 'start-timeout'
  | 'masking-unsafe';

/** An error as the visitor and the site's code see it. */
export interface CobrowseError {
  /** Stable kebab-case code, e.g. `token-timeout` or `session-limit`. */
  code: CobrowseErrorCode;
  /** One sentence for the visitor. */
  message: string;
  /** Whether a Retry button can help. */
  retryable: boolean;
  /** Zoom's numeric code, when the SDK raised it. */
  sdkCode?: number;
  /** Developer-facing detail (HTTP status, Zoom's own text); never shown as the main message. */
  detail?: string;
}

/**
 * The one error the controller raises itself (the engine, or Zoom's SDK through it, could not be loaded).
 * A constant of its own so the script-tag build, which uses only this one, can leave ERROR_TABLE out.
 */
export const LOAD_FAILED = {
  message: "We couldn't load the co-browsing service. An ad blocker, a privacy setting or a lost connection may be blocking it.",
  retryable: true,
} as const;

/** True for objects shaped like a CobrowseError (used to pass errors through promise chains untouched). */
export function isCobrowseError(value: unknown): value is CobrowseError {
  const e = value as CobrowseError | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.retryable === 'boolean' && typeof e.message === 'string';
}

/** Visitor-facing sentence and retryability of each code. */
export const ERROR_TABLE: Readonly<Record<CobrowseErrorCode, { message: string; retryable: boolean }>> = {
  'session-start-failed': { message: "We couldn't start the support session. Please try again.", retryable: true },
  'connecting-in-progress': { message: 'A support session is already connecting. Wait a moment, then try again.', retryable: true },
  'session-limit': { message: 'A support session is already open in another tab of this site. Close it there, then start again here.', retryable: false },
  'pin-not-found': { message: "The support service didn't recognise this session's PIN. Please contact the site owner.", retryable: false },
  'pin-invalid-format': { message: 'The session PIN must be 1 to 10 letters or digits. Please contact the site owner.', retryable: false },
  'pin-required': { message: 'This site is set up to use its own session PINs, but none was given. Please contact the site owner.', retryable: false },
  'pin-conflict': { message: "This site gave a session PIN that is already in use. Please contact the site owner.", retryable: false },
  'join-failed': { message: "We couldn't reconnect to your support session. Try again, or start a new one.", retryable: true },
  'customer-limit': { message: 'Someone is already sharing in this support session.', retryable: false },
  'agent-limit': { message: 'Too many support agents are in this session already.', retryable: false },
  'duplicate-user': { message: 'You are already connected to this session from somewhere else. Close the other window and start again.', retryable: false },
  network: { message: 'The connection to the support service was lost. Check your internet connection and try again.', retryable: true },
  'ending-in-progress': { message: 'The previous session is still closing. Wait a moment, then try again.', retryable: true },
  'token-rejected': { message: 'The support service did not accept this session. Please try again.', retryable: true },
  'service-error': { message: 'The support service had a problem. Please try again.', retryable: true },
  'sdk-unknown': { message: 'Something went wrong with the support session. Please try again.', retryable: true },
  'token-http': { message: "This site's support service isn't responding right now. Please try again in a moment.", retryable: true },
  'token-misconfigured': { message: "This site's support service isn't set up to answer this page. Please contact the site owner.", retryable: false },
  'token-unauthorized': { message: 'You need to be signed in to this site to start a support session.', retryable: false },
  'token-refused': { message: "This site's support service refused the request from this page. Please contact the site owner.", retryable: false },
  'token-rate-limited': { message: 'Too many attempts. Wait a minute, then try again.', retryable: true },
  'token-timeout': { message: "This site's support service is taking too long to answer. Please try again.", retryable: true },
  'token-network': { message: "We couldn't reach this site's support service. Check your internet connection and try again.", retryable: true },
  'token-invalid-response': { message: "This site's support service sent an answer we couldn't read. Please contact the site owner.", retryable: false },
  'token-missing': { message: "This site's support service didn't provide a session token. Please contact the site owner.", retryable: false },
  'sdk-load-failed': LOAD_FAILED,
  'sdk-load-timeout': { message: 'The co-browsing service is taking too long to load. Check your connection and try again.', retryable: true },
  'sdk-missing-global': { message: "The co-browsing service didn't load correctly. Please contact the site owner.", retryable: false },
  'sdk-unsupported': { message: "Co-browsing isn't supported in this browser. Try a current version of Chrome, Edge, Firefox or Safari.", retryable: false },
  'masking-unsafe': { message: "Support can't view this page right now, because some private fields on it aren't protected yet. Please contact the site owner.", retryable: false },
  'start-timeout': { message: 'The support session is taking too long to start. Please try again.', retryable: true },
};

/** Builds a CobrowseError for a widget-level code. */
export function cobrowseError(code: CobrowseErrorCode, detail?: string): CobrowseError {
  const { message, retryable } = ERROR_TABLE[code];
  return detail === undefined ? { code, message, retryable } : { code, message, retryable, detail };
}
