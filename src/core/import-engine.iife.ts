import type * as EngineModule from './session';
import { loadSiblingGlobal } from '../shared/load-script';

/** Script-tag build: fetch `zoom-cobrowse-engine.iife.js` from beside the widget's own script. */
export const importEngine = (nonce?: string): Promise<typeof EngineModule> =>
  loadSiblingGlobal('zoom-cobrowse-engine.iife.js', 'ZoomCobrowseEngine', nonce, 20_000);
