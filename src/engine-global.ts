/** Script build of the engine: defines `window.ZoomCobrowseEngine` for the script-tag widget to load on intent. */
export { createRuntime } from './core/session';
