import { loadSiblingPart } from '../shared/lazy-parts';
import * as audit from './audit';
import type { MaskingAuditModule } from './types';

export type { MaskingAuditModule } from './types';

/**
 * Loads the masking audit only when it is needed (strict mode, development, the console): the
 * `audit` sibling script in the script-tag build (src/shared/lazy-parts.ts). npm builds import it
 * statically here, because only lazy code calls this (the engine, src/core/engine.ts): an
 * `import()` would point at the chunk the main entry's `auditMasking` lives in, and bundlers would
 * then load that chunk, with the field classifier, up front in every app (docs/ARCHITECTURE.md).
 */
export function loadAudit(nonce?: string): Promise<MaskingAuditModule> {
  return __IIFE__ ? loadSiblingPart<MaskingAuditModule>('audit', nonce) : Promise.resolve(audit);
}
