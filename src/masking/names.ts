import type { MaskingConfig, MaskingPreset } from './types';

/** Every preset, in the order consent text and docs list them. */
export const MASKING_PRESETS: readonly MaskingPreset[] = ['payment', 'credentials', 'identity', 'contact', 'address', 'banking'];

/** Presets used when the config does not name any. */
export const DEFAULT_MASKING_PRESETS: readonly MaskingPreset[] = Object.freeze(['payment', 'credentials']);

/**
 * The categories the consent step names, from a validated config, without
 * compiling any selectors (that waits until the visitor asks for help).
 */
export function maskedCategories(config: MaskingConfig | false): MaskingPreset[] {
  if (config === false) return [];
  if (config.maskType === 'all-inputs') return [...MASKING_PRESETS];
  const chosen = config.presets ?? DEFAULT_MASKING_PRESETS;
  return MASKING_PRESETS.filter((p) => chosen.includes(p));
}
