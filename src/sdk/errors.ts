import { ERROR_TABLE, type CobrowseError, type SdkErrorCode } from '../shared/errors';

/**
 * Zoom's numeric error codes (see docs/zoom-sdk.md, "Error codes") translated into the widget's own
 * vocabulary. This table is the only place that knows the numbers.
 */


interface SdkErrorInfo {
  code: SdkErrorCode;
  /** Zoom's own name, for the developer-facing console detail. */
  zoomName: string;
  retryable: boolean;
}

/** Retryability follows docs/zoom-sdk.md, "Error codes"; 2001 is retryable because each retry fetches a new token. */
export const ZOOM_ERROR_CODES: Readonly<Record<number, SdkErrorInfo>> = {
  1001: { code: 'session-start-failed', zoomName: 'SESSION_START_FAILED', retryable: true },
  1002: { code: 'connecting-in-progress', zoomName: 'SESSION_CONNECTING_IN_PROGRESS', retryable: true },
  1004: { code: 'session-limit', zoomName: 'SESSION_COUNT_LIMIT', retryable: false },
  1006: { code: 'pin-not-found', zoomName: 'SESSION_JOIN_PIN_NOT_FOUND', retryable: false },
  1008: { code: 'pin-invalid-format', zoomName: 'SESSION_PIN_INVALID_FORMAT', retryable: false },
  1009: { code: 'pin-required', zoomName: 'SESSION_START_PIN_REQUIRED', retryable: false },
  1010: { code: 'pin-conflict', zoomName: 'SESSION_START_PIN_CONFLICT', retryable: false },
  1011: { code: 'join-failed', zoomName: 'SESSION_JOIN_FAILED', retryable: true },
  1012: { code: 'customer-limit', zoomName: 'SESSION_CUSTOMER_COUNT_LIMIT', retryable: false },
  1013: { code: 'agent-limit', zoomName: 'SESSION_AGENT_COUNT_LIMIT', retryable: false },
  1015: { code: 'duplicate-user', zoomName: 'SESSION_DUPLICATE_USER', retryable: false },
  1016: { code: 'network', zoomName: 'NETWORK_ERROR', retryable: true },
  1017: { code: 'ending-in-progress', zoomName: 'SESSION_CANCELING_IN_PROGRESS', retryable: true },
  2001: { code: 'token-rejected', zoomName: 'TOKEN_INVALID', retryable: true },
  9999: { code: 'service-error', zoomName: 'UNDEFINED', retryable: true },
};

/** Looks up a Zoom code (number or numeric string); unknown codes become `sdk-unknown`, retryable. */
export function describeZoomError(raw: unknown): SdkErrorInfo & { sdkCode: number | undefined } {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
  const known = n === undefined ? undefined : ZOOM_ERROR_CODES[n];
  return known
    ? { ...known, sdkCode: n }
    : { code: 'sdk-unknown', zoomName: 'UNKNOWN', retryable: true, sdkCode: n };
}

/** Builds a CobrowseError from a Zoom error payload; unknown codes keep the raw code in the message. */
export function sdkError(rawCode: unknown, zoomText?: string): CobrowseError {
  const info = describeZoomError(rawCode);
  const base = ERROR_TABLE[info.code];
  const message =
    info.code === 'sdk-unknown'
      ? `${base.message.replace(/\.$/, '')} (code ${String(rawCode ?? 'unknown')}).`
      : base.message;
  const detail = `Zoom ${info.zoomName} (${String(rawCode ?? 'no code')})${zoomText ? `: ${zoomText}` : ''}`;
  const err: CobrowseError = { code: info.code, message, retryable: info.retryable, detail };
  if (info.sdkCode !== undefined) err.sdkCode = info.sdkCode;
  return err;
}
