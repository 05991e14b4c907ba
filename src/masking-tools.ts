/**
 * `zoom-cobrowse-widget/masking`: the masking tools of the public API (compile, audit, presets),
 * also re-exported by the main entry. An entry of its own, so that an app's bundler can leave
 * them (and the field classifier the audit needs) out of the first load when the app does not
 * call them: the main entry only re-exports, and bundlers drop unused re-exports.
 */
export { auditMasking, reportMaskingAudit, compileMasking, isMasked, maskedCategories, MASK_ATTRIBUTE, MASKING_PRESETS, DEFAULT_MASKING_PRESETS } from './config/public-masking';
export type { MaskingConfig, MaskingPreset, MaskingAuditFinding, CompiledMasking } from './config/public-masking';
