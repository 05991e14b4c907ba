/** Script build of the masking audit: defines `window.ZoomCobrowseAudit` for the script-tag widget to use on demand. */
export { auditMasking, reportMaskingAudit } from './audit';
