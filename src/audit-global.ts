/**
 * Script build of the masking audit: defines `window.ZoomCobrowseAudit`, which the
 * script-tag widget loads on demand and the `audit` CLI injects into a page.
 * `auditMasking` validates a site's masking config; `auditFields` takes the widget's resolved one.
 */
export { auditFields, reportMaskingAudit } from './masking/audit';
export { auditMasking } from './config/public-masking';
