import type { MaskingAuditModule } from './types';

/** npm builds: a code-split chunk. */
export const importAudit = (_nonce?: string): Promise<MaskingAuditModule> => import('./audit');
