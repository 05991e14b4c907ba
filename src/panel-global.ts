/**
 * Script build of the panel: defines `window.ZoomCobrowsePanel` for the script-tag launcher to load
 * on intent or at idle (src/launcher-widget.ts). It holds what the launcher leaves out: Preact, the
 * views and their stylesheet, English strings, the full config validator and the controller.
 */
export { createWidget } from './widget';
export { createCobrowseController } from './core/controller';
