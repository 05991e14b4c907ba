import type { MaskingAuditModule } from './load-audit';

/** npm builds: a code-split chunk. */
export const importAudit = (_nonce?: string): Promise<MaskingAuditModule> => import('./audit');
