import { loadScript, siblingUrl } from '../core/load-script';
import type { MaskingAuditModule } from './load-audit';

/** File name of the audit script published next to the script-tag build. */
export const AUDIT_SCRIPT = 'zoom-cobrowse-audit.iife.js';

/** Script-tag build: fetch `zoom-cobrowse-audit.iife.js` from beside the widget's own script. */
export function importAudit(nonce?: string): Promise<MaskingAuditModule> {
  const w = window as { ZoomCobrowseAudit?: MaskingAuditModule };
  if (w.ZoomCobrowseAudit) return Promise.resolve(w.ZoomCobrowseAudit);
  const url = siblingUrl(AUDIT_SCRIPT);
  if (!url) return Promise.reject(new Error(`cannot locate ${AUDIT_SCRIPT}: the widget's script URL is unknown`));
  return loadScript(url, { nonce, timeoutMs: 15_000 }).done.then(
    () => w.ZoomCobrowseAudit ?? Promise.reject(new Error(`${url} did not define window.ZoomCobrowseAudit`)),
    (failure: unknown) => Promise.reject(new Error(`${url} failed to load (${String(failure)})`)),
  );
}
