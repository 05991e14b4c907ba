/**
 * Privacy masking: presets and custom selectors compiled into rules the SDK adapter
 * (src/sdk) turns into the SDK's own settings, plus an audit for fields no rule covers.
 * Nothing here knows the SDK's names, and nothing here validates: it takes the config
 * src/config/masking.ts has validated (the public, validating functions are in
 * src/config/public-masking.ts).
 */
export type { CompiledMasking, MaskingAuditFinding, MaskingConfig, MaskingPreset } from './types';
export { DEFAULT_MASKING_PRESETS, MASKING_PRESETS, maskedCategories } from './names';
export { compileRules, isMasked, MASK_ATTRIBUTE } from './compile';
export { auditFields, reportMaskingAudit } from './audit';
