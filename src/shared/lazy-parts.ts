import { loadSiblingGlobal } from './load-script';

/**
 * The widget's parts that load on demand (docs/ARCHITECTURE.md, "Lazy parts"). Each has
 * one name, and everything else follows from it: npm builds load the part with `import()`,
 * which bundlers split into a chunk; the script-tag build cannot split, so it loads the
 * part's own script `zoom-cobrowse-{name}.iife.js`, published beside the widget's, which
 * defines `window.ZoomCobrowse{Name}`. The build (vite.config.ts) names those files
 * with the same two functions.
 *
 * Call sites choose with `__IIFE__ ? loadSiblingPart(…) : import(…)`: the constant is
 * replaced at build time, so each build keeps one branch and the other's `import()` is
 * dropped rather than inlined.
 */
export const LAZY_PARTS = ['engine', 'audit', 'panel'] as const;

/** A lazily loaded part's name: `engine` (src/core/engine.ts), `audit` (src/masking/audit.ts) or `panel` (the script tag's UI, src/panel-global.ts). */
export type LazyPartName = (typeof LAZY_PARTS)[number];

/** The part's script file in the script-tag build, e.g. `zoom-cobrowse-engine.iife.js`. */
export const partFile = (name: LazyPartName): string => `zoom-cobrowse-${name}.iife.js`;

/** The global the part's script defines, e.g. `ZoomCobrowseEngine`. */
export const partGlobal = (name: LazyPartName): string => `ZoomCobrowse${name[0]!.toUpperCase()}${name.slice(1)}`;

/** Script-tag build: loads a part's sibling script (once) with the CSP nonce and returns its global. */
export function loadSiblingPart<T>(name: LazyPartName, nonce: string | undefined): Promise<T> {
  return loadSiblingGlobal<T>(partFile(name), partGlobal(name), nonce, 20_000);
}
