/**
 * What the React and Vue adapters share: turning component props into one widget,
 * and reading the mounted widget's state from anywhere in an app.
 *
 * Everything here imports the package by its own name, never its source files: the
 * build keeps that import external, so `zoom-cobrowse-widget/react` and `/vue` use the
 * same module (and the same one-widget-per-page slot) as `zoom-cobrowse-widget`.
 * Nothing here runs during server rendering: the adapters call it from client-side
 * hooks (React's useEffect, Vue's onMounted) only.
 */
import {
  createCobrowseWidget,
  getCobrowseWidget,
  type CobrowseConfig,
  type CobrowseEvents,
  type CobrowseSnapshot,
  type CobrowseWidget,
} from 'zoom-cobrowse-widget';

/** The package's console prefix (LOG_PREFIX is not part of the public entry the adapters import). */
export const PREFIX = '[zoom-cobrowse-widget]';

/** Every public widget event, in the order the README lists them. */
export const EVENT_NAMES = ['stateChange', 'consent', 'pin', 'agentJoined', 'agentLeft', 'remoteAssist', 'ended', 'error'] as const satisfies ReadonlyArray<keyof CobrowseEvents>;

/** A component prop per widget event: `onPin` for `pin`, `onAgentJoined` for `agentJoined`, … */
export type CobrowseEventHandlers = {
  [K in keyof CobrowseEvents as `on${Capitalize<K>}`]?: (payload: CobrowseEvents[K]) => void;
};

type HandlerKey = keyof CobrowseEventHandlers;
/** A handler as an adapter may hold it (Vue merges several listeners into an array). */
type AnyHandler = ((payload: never) => void) | Array<(payload: never) => void> | null | undefined;

/** `pin` → `onPin`. */
const handlerKey = (name: keyof CobrowseEvents): HandlerKey => `on${name[0]!.toUpperCase()}${name.slice(1)}` as HandlerKey;
const HANDLER_KEYS = new Set<string>(EVENT_NAMES.map(handlerKey));
/** Props a framework adds that are not widget config. */
const NOT_CONFIG = new Set(['children', 'ref', 'key']);
/** Config functions read through the latest props, so a new inline function doesn't recreate the widget. */
const LIVE_FUNCTIONS = ['token', 'customPin'] as const;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A deep copy of plain objects and arrays (elements, SDK modules and functions are kept as they are).
 * Vue passes reactive objects that change in place: comparing against a copy still sees the change.
 */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (!isPlain(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = copy(v[k]);
  return out;
}

/** Structural equality for config values; `undefined` fields count as absent. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (!isPlain(a) || !isPlain(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
}

/** The widget config in a component's props: everything except event handlers and framework props, `undefined` dropped. */
function configFromProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && !HANDLER_KEYS.has(k) && !NOT_CONFIG.has(k)) out[k] = copy(v);
  return out;
}

/**
 * Whether two configs are the same, token/customPin counting as unchanged while they stay functions.
 * Without the theme: whether they need different widgets (a new theme is applied with `setTheme`).
 */
function sameConfig(a: Record<string, unknown>, b: Record<string, unknown>, withTheme: boolean): boolean {
  const strip = (c: Record<string, unknown>): Record<string, unknown> => {
    const o: Record<string, unknown> = { ...c };
    if (!withTheme) delete o.theme;
    for (const k of LIVE_FUNCTIONS) if (typeof o[k] === 'function') o[k] = 'fn';
    return o;
  };
  return same(strip(a), strip(b));
}

let lastReported: string | undefined;

/**
 * Logs an error the widget threw instead of letting it reach the framework, where it
 * could unmount the whole app (React) or stop the parent's render (Vue).
 */
export function report(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  // React's StrictMode creates, destroys and creates again in one go: say it once.
  if (message === lastReported) return;
  lastReported = message;
  queueMicrotask(() => (lastReported = undefined));
  if (message.startsWith(PREFIX)) console.error(message);
  else console.error(`${PREFIX} the widget failed: ${message}. The rest of your app keeps running; please report this with the stack below.`, err);
}

/** Listeners told when an adapter creates or destroys its widget. */
const widgetListeners = new Set<() => void>();
const widgetChanged = (): void => {
  for (const l of [...widgetListeners]) l();
};

/** Calls `listener` whenever a `<CobrowseWidget>` creates or destroys its widget; returns the unsubscribe. */
export function onWidgetChange(listener: () => void): () => void {
  widgetListeners.add(listener);
  return () => void widgetListeners.delete(listener);
}

/** The widget a component made from its props; `update()` after every render or prop change. */
export interface WidgetBinding {
  /** Applies the latest props: a new widget for a new config, `setTheme` for a new theme, a subscription per new handler. */
  update(): void;
  /** Destroys the widget (ending any live session). */
  destroy(): void;
}

/**
 * Binds a widget to a component's props. `read()` returns the latest props; handlers
 * and token/customPin functions are read through it at call time, so passing new
 * functions on every render neither recreates the widget nor calls a stale one.
 */
export function createBinding(read: () => Record<string, unknown>): WidgetBinding {
  let widget: CobrowseWidget | null = null;
  /** The config last tried, valid or not: an unchanged bad config is reported once, not on every render. */
  let applied: Record<string, unknown> | null = null;
  let offs: Array<() => void> = [];
  const listening = new Set<string>();

  const dispose = (): void => {
    offs.forEach((off) => off());
    offs = [];
    listening.clear();
    const w = widget;
    widget = null;
    if (w) {
      try {
        w.destroy();
      } catch (err) {
        report(err);
      }
      widgetChanged();
    }
  };

  const create = (config: Record<string, unknown>): void => {
    const live: Record<string, unknown> = { ...config };
    for (const k of LIVE_FUNCTIONS) {
      const first = config[k];
      if (typeof first !== 'function') continue;
      live[k] = (...args: unknown[]) => {
        const fn = read()[k];
        return (typeof fn === 'function' ? fn : first)(...args) as unknown;
      };
    }
    try {
      widget = createCobrowseWidget(live as unknown as CobrowseConfig);
    } catch (err) {
      // Bad config, or another widget already mounted: say so, render nothing, keep the app up.
      report(err);
      return;
    }
    widgetChanged();
  };

  /** Subscribes once per event that has a handler; the handler itself is looked up when the event fires. */
  const listen = (props: Record<string, unknown>): void => {
    const w = widget;
    if (!w) return;
    for (const name of EVENT_NAMES) {
      const key = handlerKey(name);
      if (listening.has(name) || !props[key]) continue;
      listening.add(name);
      try {
        offs.push(
          w.on(name, (payload) => {
            const h = read()[key] as AnyHandler;
            // A throwing handler is caught and logged by the widget's own event emitter.
            for (const fn of Array.isArray(h) ? h : h ? [h] : []) (fn as (p: typeof payload) => void)(payload);
          }),
        );
      } catch (err) {
        report(err);
      }
    }
  };

  return {
    update() {
      const props = read();
      const config = configFromProps(props);
      // A config that failed (possibly in its theme) is retried on any change, theme included.
      if (!applied || !sameConfig(applied, config, !widget)) {
        dispose();
        applied = config;
        create(config);
      } else if (widget && !same(applied.theme, config.theme)) {
        applied = { ...applied, theme: config.theme };
        try {
          // setTheme replaces the whole theme: a removed theme prop means the defaults.
          widget.setTheme((config.theme ?? {}) as Parameters<CobrowseWidget['setTheme']>[0]);
        } catch (err) {
          report(err);
        }
      }
      listen(props);
    },
    destroy() {
      applied = null;
      dispose();
    },
  };
}

/** A mounted widget's state as an external store (React's useSyncExternalStore, Vue's refs). */
export interface StateStore {
  /** The latest snapshot; null until the first subscriber arrives. */
  get(): CobrowseSnapshot | null;
  /** Subscribes; the first subscriber starts listening to the widget, the last one stops. */
  subscribe(listener: () => void): () => void;
}

const stores = new WeakMap<CobrowseWidget, StateStore>();

/** One store per widget, shared by every hook that reads it. */
export function stateStore(widget: CobrowseWidget): StateStore {
  let store = stores.get(widget);
  if (store) return store;
  let snapshot: CobrowseSnapshot | null = null;
  let off: (() => void) | undefined;
  const listeners = new Set<() => void>();
  store = {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (!off) {
        try {
          off = widget.on('stateChange', (next) => {
            snapshot = next;
            for (const l of [...listeners]) l();
          });
          snapshot = widget.getState();
        } catch {
          // Destroyed before it was built (a StrictMode double effect): its replacement is announced by onWidgetChange.
          off = undefined;
          snapshot = null;
        }
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size && off) {
          off();
          off = undefined;
        }
      };
    },
  };
  stores.set(widget, store);
  return store;
}

const NO_WIDGET = `no widget is mounted. Render <CobrowseWidget> (or call createCobrowseWidget()) before using the hook's methods.`;

/** The hook methods: they act on the widget mounted when they are called, so they never hold a stale one. */
export const widgetMethods = {
  /** Opens the panel (the consent step from idle). */
  open(): void {
    const w = getCobrowseWidget();
    if (!w) return console.warn(`${PREFIX} open(): ${NO_WIDGET}`);
    try {
      w.open();
    } catch (err) {
      report(err);
    }
  },
  /** Closes the panel; a live session carries on. */
  close(): void {
    const w = getCobrowseWidget();
    if (!w) return;
    try {
      w.close();
    } catch (err) {
      report(err);
    }
  },
  /** Shows the consent step; resolves with the PIN, or null if the visitor declines. */
  start(): Promise<string | null> {
    const w = getCobrowseWidget();
    if (!w) return Promise.reject(new Error(`${PREFIX} start(): ${NO_WIDGET}`));
    try {
      return w.start();
    } catch (err) {
      return Promise.reject(err);
    }
  },
  /** Ends the live session for everyone; resolves at once when there is none. */
  end(): Promise<void> {
    const w = getCobrowseWidget();
    if (!w) return Promise.resolve();
    try {
      return w.end();
    } catch (err) {
      return Promise.reject(err);
    }
  },
};

/** The adapters' component props: every config field plus one handler per event. */
export type CobrowseWidgetProps = CobrowseConfig & CobrowseEventHandlers;
