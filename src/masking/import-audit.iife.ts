import { loadSiblingGlobal } from '../shared/load-script';
import type { MaskingAuditModule } from './types';

/** Script-tag build: fetch `zoom-cobrowse-audit.iife.js` from beside the widget's own script. */
export const importAudit = (nonce?: string): Promise<MaskingAuditModule> =>
  loadSiblingGlobal('zoom-cobrowse-audit.iife.js', 'ZoomCobrowseAudit', nonce, 15_000);
