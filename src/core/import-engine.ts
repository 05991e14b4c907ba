/** npm builds: the engine is a code-split chunk. */
export const importEngine = (_nonce?: string): Promise<typeof import('./engine')> => import('./engine');
