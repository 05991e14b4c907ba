import type * as EngineModule from './session';

/** npm builds: the engine (session runtime, SDK, token, masking) is a code-split chunk. */
export const importEngine = (_nonce?: string): Promise<typeof EngineModule> => import('./session');
