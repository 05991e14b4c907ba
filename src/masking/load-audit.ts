import { loadScript, siblingUrl } from '../core/load-script';
import type { MaskingAuditFinding, MaskingConfig } from './types';

/** The audit's two functions, however they were loaded. */
export interface MaskingAuditModule {
  auditMasking(root?: ParentNode, config?: MaskingConfig | false): MaskingAuditFinding[];
  reportMaskingAudit(findings: MaskingAuditFinding[], logger?: Pick<Console, 'groupCollapsed' | 'groupEnd' | 'warn'>): void;
}

/** File name of the audit script published next to the script-tag build. */
export const AUDIT_SCRIPT = 'zoom-cobrowse-audit.iife.js';

/**
 * Loads the masking audit only when it is needed (strict mode, development, the
 * console). The npm build code-splits it with `import()`; the script-tag build,
 * which cannot split, fetches the sibling file so its own size stays small.
 */
export function loadAudit(nonce?: string): Promise<MaskingAuditModule> {
  if (__IIFE__) {
    const url = siblingUrl(AUDIT_SCRIPT);
    if (!url) return Promise.reject(new Error(`cannot locate ${AUDIT_SCRIPT}: the widget's script URL is unknown`));
    const w = window as { ZoomCobrowseAudit?: MaskingAuditModule };
    if (w.ZoomCobrowseAudit) return Promise.resolve(w.ZoomCobrowseAudit);
    return loadScript(url, { nonce, timeoutMs: 15_000 }).done.then(
      () => w.ZoomCobrowseAudit ?? Promise.reject(new Error(`${url} did not define window.ZoomCobrowseAudit`)),
      (failure: unknown) => Promise.reject(new Error(`${url} failed to load (${String(failure)})`)),
    );
  }
  return import('./audit');
}
