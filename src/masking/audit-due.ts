/*
 * When a session start runs the masking audit. Apart from src/masking/load-audit.ts (which
 * carries the audit itself in npm builds), so the controller can ask without loading it.
 */

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
