import { loadSiblingPart } from '../shared/lazy-parts';
import type { MaskingAuditModule } from './types';

export type { MaskingAuditModule } from './types';

/**
 * Loads the masking audit only when it is needed (strict mode, development, the
 * console): a code-split chunk in npm builds, the `audit` sibling script in the
 * script-tag build (src/shared/lazy-parts.ts).
 */
export function loadAudit(nonce?: string): Promise<MaskingAuditModule> {
  return __IIFE__ ? loadSiblingPart<MaskingAuditModule>('audit', nonce) : import('./audit');
}
