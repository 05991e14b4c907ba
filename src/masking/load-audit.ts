import { loadSiblingPart } from '../shared/lazy-parts';
import type { MaskingAuditModule } from './types';

export type { MaskingAuditModule } from './types';

/**
 * Loads the masking audit only when it is needed (strict mode, development, the
 * console): a code-split chunk in npm builds, the `audit` sibling script in the
 * script-tag build (src/shared/lazy-parts.ts).
 */
export function loadAudit(nonce?: string): Promise<MaskingAuditModule> {
  return __IIFE__ ? loadSiblingPart<MaskingAuditModule>('audit', nonce) : import('./audit');
}

/** Hosts where the page is obviously in development: the audit runs there at every session start. */
export function isDevelopmentHost(hostname: string): boolean {
  return /^(localhost|127(\.\d+){3}|\[::1\]|::1|0\.0\.0\.0)$/.test(hostname) || /\.(localhost|local|test)$/.test(hostname);
}

/**
 * Whether a session start runs the masking audit: always in strict mode, and in development
 * (debug, or a localhost-like host) so the site owner sees gaps early.
 */
export function isAuditDue(masking: false | { strict?: boolean | undefined }, debug: boolean, hostname: string | null): boolean {
  if (masking === false) return false;
  return masking.strict === true || debug || (hostname !== null && isDevelopmentHost(hostname));
}
