/** Timers and time, injected so tests control them. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's (or Node's) own timers, for when no test clock is injected. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Named one-shot timers on an injected clock: setting a name again replaces its timer. */
export interface Timers {
  set(name: string, ms: number, fn: () => void): void;
  clear(name: string): void;
  has(name: string): boolean;
  clearAll(): void;
}

/** Creates a set of named timers. */
export function createTimers(clock: Clock): Timers {
  const handles = new Map<string, unknown>();
  const clear = (name: string): void => {
    if (handles.has(name)) clock.clearTimeout(handles.get(name));
    handles.delete(name);
  };
  return {
    set(name, ms, fn) {
      clear(name);
      handles.set(
        name,
        clock.setTimeout(() => {
          handles.delete(name);
          fn();
        }, ms),
      );
    },
    clear,
    has: (name) => handles.has(name),
    clearAll() {
      for (const name of [...handles.keys()]) clear(name);
    },
  };
}
