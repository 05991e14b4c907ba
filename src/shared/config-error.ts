/** Prefix on every message the widget writes, so site owners can find them in a busy console. */
export const LOG_PREFIX = '[zoom-cobrowse-widget]';

/**
 * Thrown synchronously for a configuration the widget cannot use. `field` is the
 * dotted path of the offending value (e.g. `theme.primary`), so the message can
 * say exactly what to change.
 */
export class CobrowseConfigError extends Error {
  /** Dotted path of the bad field, e.g. `token` or `masking.presets[2]`. */
  // `declare`: assigned in the constructor, so the build needs no class-field helper.
  declare readonly field: string;

  constructor(field: string, problem: string) {
    super(`${LOG_PREFIX} Invalid config "${field}": ${problem}`);
    this.name = 'CobrowseConfigError';
    this.field = field;
  }
}
