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

const KINDS: Record<keyof ErrorSentences, CobrowseErrorCode[]> = {
  retry: ['session-start-failed', 'join-failed', 'token-rejected', 'service-error', 'sdk-unknown', 'token-http', 'token-timeout', 'start-timeout', 'pin-not-found', 'pin-conflict'],
  network: ['network', 'token-network', 'sdk-load-timeout'],
  blocked: ['sdk-load-failed'],
  busy: ['connecting-in-progress', 'ending-in-progress', 'token-rate-limited'],
  elsewhere: ['session-limit', 'duplicate-user', 'customer-limit', 'agent-limit'],
  site: ['masking-unsafe', 'pin-invalid-format', 'pin-required', 'token-refused', 'token-invalid-response', 'token-missing', 'sdk-missing-global'],
  signIn: ['token-unauthorized'],
  browser: ['sdk-unsupported'],
};

/** Expands the eight sentences to every error code (codes not listed fall back to the English sentence). */
export function errorMessages(s: ErrorSentences): Partial<Record<CobrowseErrorCode, string>> {
  const out: Partial<Record<CobrowseErrorCode, string>> = {};
  for (const [kind, codes] of Object.entries(KINDS)) for (const c of codes) out[c] = s[kind as keyof ErrorSentences];
  return out;
}
