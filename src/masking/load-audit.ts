import { importAudit } from './import-audit';
import type { MaskingAuditModule } from './types';

export type { MaskingAuditModule } from './types';


/**
 * Loads the masking audit only when it is needed (strict mode, development, the
 * console). The npm build code-splits it with `import()`; the script-tag build,
 * which cannot split, swaps in `import-audit.iife.ts` (a Vite alias) and fetches
 * a sibling file, so the widget's own script stays small.
 */
export function loadAudit(nonce?: string): Promise<MaskingAuditModule> {
  return importAudit(nonce);
}
