/**
 * Privacy masking: presets and custom selectors compiled into rules the SDK adapter
 * (src/sdk) turns into the SDK's own settings, plus an audit for fields no rule covers.
 * Nothing here knows the SDK's names.
 */
export type { CompiledMasking, MaskingAuditFinding, MaskingConfig, MaskingPreset } from './types';
export { DEFAULT_MASKING_PRESETS, MASKING_PRESETS, maskedCategories } from './names';
export { compileMasking, isMasked, MASK_ATTRIBUTE } from './compile';
export { validateMaskingConfig } from './validate';
export { auditMasking, reportMaskingAudit } from './audit';
export { classifyField, classifyFields, fieldsUnder, indexLabels, FIELD_SELECTOR, type ClassifyOptions, type FieldClassification, type LabelIndex } from './classify';
export { createFieldMarker, isCardNumber, type FieldMarker, type FieldMarkerOptions, type FieldMark } from './mark';
