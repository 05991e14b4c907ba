/** Script build of the engine: defines `window.ZoomCobrowseEngine` for the script-tag widget to load on intent. */
export { createEngine } from './core/engine';
