/**
 * Same prefix as the browser widget (src/shared/config-error.ts), repeated here so
 * the server entry pulls in nothing from the browser bundle's modules.
 */
export const LOG_PREFIX = '[zoom-cobrowse-widget]';

/** An option key as an error names it: odd keys (empty, huge, control characters) quoted and cut. */
export function optionName(key: string): string {
  return /^[\w$-]{1,60}$/.test(key) ? key : JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
}

/** Thrown by `createTokenHandler`, the rate limiters and `createWebhookHandler` for options they cannot run with. */
export class TokenHandlerConfigError extends Error {
  /**
   * Name of the offending option, e.g. `sdkSecret`. (`declare`: a class field
   * would make the ES2020 build pull a helper chunk shared with the browser entry.)
   */
  declare readonly option: string;

  /** `subject` names what was being created, so a webhook option is not called a token handler option. */
  constructor(option: string, problem: string, subject = 'token handler') {
    super(`${LOG_PREFIX} Invalid ${subject} option "${option}": ${problem}`);
    this.name = 'TokenHandlerConfigError';
    this.option = option;
  }
}

/**
 * Replaces every occurrence of the given secrets in a log line. Hook errors are
 * the site's own code and may interpolate anything (a config object, an env
 * dump); the handler still must never be the one that prints the secret.
 */
export function redact(text: string, secrets: readonly string[]): string {
  // Any JWT, ours or the site's own session token, is a bearer credential.
  let out = text.replace(/eyJ[\w-]*\.[\w-]+\.[\w-]+/g, '[redacted-jwt]');
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** A loggable description of anything thrown, with its stack when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}
