/** A tiny typed event emitter; `on` returns its own unsubscribe. */
export interface Emitter<M extends object> {
  on<K extends keyof M>(name: K, handler: (payload: M[K]) => void): () => void;
  emit<K extends keyof M>(name: K, payload: M[K]): void;
  clear(): void;
}

/** Creates an emitter. A throwing handler is reported, never allowed to break the widget. */
export function createEmitter<M extends object>(onHandlerError: (err: unknown) => void): Emitter<M> {
  const handlers = new Map<keyof M, Set<(p: never) => void>>();
  return {
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(handler as (p: never) => void);
      return () => void set.delete(handler as (p: never) => void);
    },
    emit(name, payload) {
      for (const h of [...(handlers.get(name) ?? [])]) {
        try {
          (h as (p: M[typeof name]) => void)(payload);
        } catch (err) {
          onHandlerError(err);
        }
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
