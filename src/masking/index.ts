/**
 * Privacy masking: presets and custom selectors compiled into rules the SDK adapter
 * (src/sdk) turns into the SDK's own settings; a field classifier that reads labels,
 * legends and names like a visitor; a marker that puts the opt-in attribute on what the
 * classifier finds before and during a session; and an audit, on the same classifier,
 * for fields no rule covers. Nothing here knows the SDK's names, and nothing here
 * validates: it takes the config src/config/masking.ts has validated (the public,
 * validating functions are in src/config/public-masking.ts).
 */
export type { CompiledMasking, MaskingAuditFinding, MaskingConfig, MaskingPreset } from './types';
export { DEFAULT_MASKING_PRESETS, MASKING_PRESETS, maskedCategories } from './names';
export { compileRules, isMasked, MASK_ATTRIBUTE } from './compile';
export { auditFields, reportMaskingAudit } from './audit';
export { classifyField, classifyFields, prepareClassifier, fieldsUnder, indexLabels, FIELD_SELECTOR, type ClassifyOptions, type FieldClassification, type LabelIndex } from './classify';
export { createFieldMarker, isCardNumber, type FieldMarker, type FieldMarkerOptions, type FieldMark } from './mark';
