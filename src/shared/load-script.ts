import { realClock, type Clock } from './timers';

/** Why a script did not arrive. */
export type ScriptFailure = 'error' | 'timeout';

/** Options for {@link loadScript}. */
export interface LoadScriptOptions {
  /** CSP nonce for the script element. */
  nonce?: string | undefined;
  timeoutMs: number;
  document?: Document;
  /** Time for the timeout. @default the real clock */
  clock?: Clock | undefined;
}

/**
 * Injects one classic script and settles when it has run, failed or timed out.
 * Rejects with `'error'` or `'timeout'`; callers turn that into their own message.
 * The element is removed on failure so a retry injects a fresh one.
 */
export function loadScript(src: string, options: LoadScriptOptions): { done: Promise<void>; element: HTMLScriptElement } {
  const doc = options.document ?? document;
  const clock = options.clock ?? realClock;
  const script = doc.createElement('script');
  script.src = src;
  script.async = true;
  if (options.nonce) script.nonce = options.nonce;
  const done = new Promise<void>((resolve, reject) => {
    const finish = (failure?: ScriptFailure): void => {
      clock.clearTimeout(timer);
      script.onload = script.onerror = null;
      if (!failure) return resolve();
      script.remove();
      reject(failure);
    };
    const timer = clock.setTimeout(() => finish('timeout'), options.timeoutMs);
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

/**
 * Script-tag build: loads `file` from beside the widget's own script, once, and
 * returns what it put on `window[globalName]` (the engine and the audit use this).
 */
export function loadSiblingGlobal<T>(file: string, globalName: string, nonce: string | undefined, timeoutMs: number): Promise<T> {
  const w = window as unknown as Record<string, T | undefined>;
  const ready = w[globalName];
  if (ready) return Promise.resolve(ready);
  const url = siblingUrl(file);
  if (!url) return Promise.reject(new Error(`cannot locate ${file}: the widget's script URL is unknown`));
  return loadScript(url, { nonce, timeoutMs }).done.then(
    () => w[globalName] ?? Promise.reject(new Error(`${url} did not define window.${globalName}`)),
    (failure: unknown) => Promise.reject(new Error(`${url} ${failure === 'timeout' ? 'timed out' : 'failed to load'}`)),
  );
}
