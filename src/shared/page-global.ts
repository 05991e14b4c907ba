/**
 * What core code touches on the page (document, location, window) comes through here: the
 * injected value when a caller gives one (tests, SSR pass their own or null), else the page's
 * global where there is a window, else null.
 */
export function pageGlobal<T>(given: T | null | undefined, global: () => T): T | null {
  return given !== undefined ? given : typeof window !== 'undefined' ? global() : null;
}
