import { LOG_PREFIX } from './shared/config-error';
import type { CobrowseWidget } from './widget';

/** A call a page queues for the widget: it runs with the mounted widget. */
export type QueuedCall = (widget: CobrowseWidget) => void;

/** The script tag's call queue (`ZoomCobrowseWidget.push(fn)`), filled before and after the script loads. */
export interface CallQueue {
  /** Runs each function with the mounted widget now, or as soon as one is mounted; returns how many still wait. */
  push(...calls: unknown[]): number;
  /** A widget is mounted: runs everything waiting, in order. */
  flush(widget: CobrowseWidget): void;
}

/**
 * The pre-load queue of support widgets' convention (Intercom, Crisp, dataLayer): with an
 * async script a page's own code often runs first, so it writes
 * `window.ZoomCobrowseWidget = window.ZoomCobrowseWidget || []; ZoomCobrowseWidget.push(fn)`.
 * Nothing queued is lost; an entry that throws, or is not a function, is reported and
 * does not stop the others.
 */
export function createCallQueue(current: () => CobrowseWidget | null, log: Pick<Console, 'error'> = console): CallQueue {
  const waiting: unknown[] = [];
  let position = 0;
  const run = (call: unknown, widget: CobrowseWidget): void => {
    position++;
    try {
      (call as QueuedCall)(widget);
    } catch (err) {
      // Not a function, or a function that threw: either way, name the entry and carry on.
      log.error(`${LOG_PREFIX} ZoomCobrowseWidget.push() entry ${position} threw; the other entries still run. Queue functions: push(function (widget) { … }).`, err);
    }
  };
  return {
    push(...calls) {
      const widget = current();
      if (!widget || waiting.length) waiting.push(...calls);
      else for (const call of calls) run(call, widget);
      return waiting.length;
    },
    flush(widget) {
      // An entry may push more while this runs: they join the end of the line.
      while (waiting.length) run(waiting.shift(), widget);
    },
  };
}
