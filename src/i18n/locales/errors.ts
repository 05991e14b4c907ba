import type { CobrowseErrorCode } from '../../shared/errors';

/** One sentence per kind of fault; each translation writes these eight, not all thirty codes. */
export interface ErrorSentences {
  /** Something failed; trying again may help. */
  retry: string;
  /** The connection dropped or is too slow. */
  network: string;
  /** The co-browsing script was blocked (ad blocker, privacy setting). */
  blocked: string;
  /** Something is still connecting or closing; wait, then retry. */
  busy: string;
  /** A session is open in another tab or window. */
  elsewhere: string;
  /** The site is set up wrongly; nothing the visitor can do. */
  site: string;
  /** The visitor must sign in first. */
  signIn: string;
  /** This browser can't co-browse. */
  browser: string;
}

/** Which codes each sentence speaks for; a "try again" sentence goes only to codes that offer Retry (test/node/errors.test.ts). */
export const ERROR_KINDS: Record<keyof ErrorSentences, CobrowseErrorCode[]> = {
  retry: ['session-start-failed', 'join-failed', 'token-rejected', 'service-error', 'sdk-unknown', 'token-http', 'token-timeout', 'start-timeout'],
  network: ['network', 'token-network', 'sdk-load-timeout'],
  blocked: ['sdk-load-failed'],
  busy: ['connecting-in-progress', 'ending-in-progress', 'token-rate-limited'],
  elsewhere: ['session-limit', 'duplicate-user', 'customer-limit', 'agent-limit'],
  site: ['token-misconfigured', 'pin-not-found', 'pin-conflict', 'masking-unsafe', 'pin-invalid-format', 'pin-required', 'token-refused', 'token-invalid-response', 'token-missing', 'sdk-missing-global'],
  signIn: ['token-unauthorized'],
  browser: ['sdk-unsupported'],
};

/** Expands the eight sentences to every error code (codes not listed fall back to the English sentence). */
export function errorMessages(s: ErrorSentences): Partial<Record<CobrowseErrorCode, string>> {
  const out: Partial<Record<CobrowseErrorCode, string>> = {};
  for (const [kind, codes] of Object.entries(ERROR_KINDS)) for (const c of codes) out[c] = s[kind as keyof ErrorSentences];
  return out;
}
