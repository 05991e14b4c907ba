/**
 * Script build of the panel: defines `window.ZoomCobrowsePanel` for the script-tag launcher to load
 * on intent or at idle (src/launcher-widget.ts). It holds what the launcher leaves out: Preact, the
 * views and their stylesheet, English strings, the full config validator and the controller.
 */
export { createWidget } from './widget';
export { createCobrowseController } from './core/controller';
import { setScriptBase } from './shared/load-script';
import { preloadPanel } from './widget';

// This file has its own copy of the sibling-file loader: it lies beside the widget's script, so
// the engine, the audit and the locales are found from its own URL.
setScriptBase((document.currentScript as HTMLScriptElement | null)?.src);
// This file cannot code-split, so the UI is inlined here: have it at hand before the launcher's
// onload handler runs (a microtask away), so the takeover builds the UI in the same task.
void preloadPanel();
