/**
 * The masking audit as script text: the same code as `dist/zoom-cobrowse-audit.iife.js`,
 * which defines `ZoomCobrowseAudit`. The package build replaces this module's body with
 * that script (the `auditScriptText` plugin in vite.config.ts), so the testing entry can
 * hand it to a browser without reading files, which would need `node:fs` in an entry that
 * also runs in browsers. Run from the sources, it is empty.
 */
const script: string | undefined = undefined;
export default script;
