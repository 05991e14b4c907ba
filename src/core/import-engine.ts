import type * as EngineModule from './engine';

/** npm builds: the engine is a code-split chunk. */
export const importEngine = (_nonce?: string): Promise<typeof EngineModule> => import('./engine');
