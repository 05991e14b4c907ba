import type * as EngineModule from './engine';
import { loadScript, siblingUrl } from './load-script';

/** File name of the engine script published next to the script-tag build. */
export const ENGINE_SCRIPT = 'zoom-cobrowse-engine.iife.js';

/** Script-tag build: fetch `zoom-cobrowse-engine.iife.js` from beside the widget's own script. */
export function importEngine(nonce?: string): Promise<typeof EngineModule> {
  const w = window as { ZoomCobrowseEngine?: typeof EngineModule };
  if (w.ZoomCobrowseEngine) return Promise.resolve(w.ZoomCobrowseEngine);
  const url = siblingUrl(ENGINE_SCRIPT);
  if (!url) return Promise.reject(new Error(`cannot locate ${ENGINE_SCRIPT}: the widget's script URL is unknown`));
  return loadScript(url, { nonce, timeoutMs: 20_000 }).done.then(
    () => w.ZoomCobrowseEngine ?? Promise.reject(new Error(`${url} did not define window.ZoomCobrowseEngine`)),
    (failure: unknown) => Promise.reject(new Error(`${url} ${failure === 'timeout' ? 'timed out' : 'failed to load'}`)),
  );
}
