/** Why a script did not arrive. */
export type ScriptFailure = 'error' | 'timeout';

/** Options for {@link loadScript}. */
export interface LoadScriptOptions {
  /** CSP nonce for the script element. */
  nonce?: string | undefined;
  timeoutMs: number;
  document?: Document;
}

/**
 * Injects one classic script and settles when it has run, failed or timed out.
 * Rejects with `'error'` or `'timeout'`; callers turn that into their own message.
 * The element is removed on failure so a retry injects a fresh one.
 */
export function loadScript(src: string, options: LoadScriptOptions): { done: Promise<void>; element: HTMLScriptElement } {
  const doc = options.document ?? document;
  const script = doc.createElement('script');
  script.src = src;
  script.async = true;
  if (options.nonce) script.nonce = options.nonce;
  const done = new Promise<void>((resolve, reject) => {
    const finish = (failure?: ScriptFailure): void => {
      clearTimeout(timer);
      script.onload = script.onerror = null;
      if (!failure) return resolve();
      script.remove();
      reject(failure);
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs);
    script.onload = () => finish();
    script.onerror = () => finish('error');
  });
  doc.head.appendChild(script);
  return { done, element: script };
}

let scriptBase: string | undefined;

/** Remembers the URL of the widget's own script (set by the script-tag build) so sibling files can be found. */
export function setScriptBase(src: string | undefined): void {
  scriptBase = src || undefined;
}

/** URL of a file published next to the widget's script, or undefined outside the script-tag build. */
export function siblingUrl(file: string): string | undefined {
  return scriptBase ? new URL(file, scriptBase).href : undefined;
}
