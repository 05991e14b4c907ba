import { auditFields } from '../masking/audit';
import { compileRules } from '../masking/compile';
import type { CompiledMasking, MaskingAuditFinding, MaskingConfig } from '../masking/types';
import { validateMaskingConfig } from './masking';

/*
 * The masking functions of the public API. They take what a site writes, so they
 * validate first; the widget itself validates once, in resolveConfig, and calls the
 * masking layer directly.
 */

export type { CompiledMasking, MaskingAuditFinding, MaskingConfig, MaskingPreset } from '../masking/types';
export { DEFAULT_MASKING_PRESETS, MASKING_PRESETS, maskedCategories } from '../masking/names';
export { isMasked, MASK_ATTRIBUTE } from '../masking/compile';
export { reportMaskingAudit } from '../masking/audit';
export { validateMaskingConfig } from './masking';

/**
 * Turns a masking config into the widget's selector rules. `false` → null (masking
 * off); `undefined` → the default presets. Throws CobrowseConfigError for a bad config.
 */
export function compileMasking(config: MaskingConfig | false | undefined): CompiledMasking | null {
  return compileRules(validateMaskingConfig(config));
}

/**
 * Lists fields under `root` that look sensitive but that the masking config leaves
 * visible to the agent. Throws CobrowseConfigError for a bad config.
 */
export function auditMasking(root?: ParentNode, config?: MaskingConfig | false): MaskingAuditFinding[] {
  return auditFields(root, validateMaskingConfig(config));
}
