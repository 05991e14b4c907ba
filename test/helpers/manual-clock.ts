import type { Clock } from '../../src/core/controller';

/** A clock the test moves by hand; `advance` runs due timers in order and lets promises settle between them. */
export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>;
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>;
  pending(): number;
}

export function createManualClock(start = Date.UTC(2026, 10, 23, 12)): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void; order: number }>();
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const clock: ManualClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), fn, order: id });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at || a[1].order - b[1].order)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await flush();
      }
      now = target;
      await flush();
    },
    flush,
    pending: () => timers.size,
  };
  return clock;
}
