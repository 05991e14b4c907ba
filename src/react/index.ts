/**
 * zoom-cobrowse-widget/react: the widget as a React component and a hook.
 * No JSX here (the package's own JSX is Preact's), and nothing that runs during
 * render touches `window`: on the server the component renders nothing.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { getCobrowseWidget, type CobrowseSnapshot, type CobrowseWidget as Widget } from 'zoom-cobrowse-widget';
import { createBinding, onWidgetChange, stateStore, widgetMethods, type CobrowseWidgetProps, type WidgetBinding } from '../frameworks/binding';

export type { CobrowseEventHandlers, CobrowseWidgetProps } from '../frameworks/binding';

/**
 * Mounts the widget while this component is mounted; renders nothing itself.
 * Props are the widget config plus `onPin`, `onEnded`, … (one per event). A new
 * `theme` is applied with `setTheme`; any other config change recreates the widget
 * (ending a live session); new handler or token functions change nothing. Errors
 * (a bad config, a second widget) are logged to the console, never thrown into your app.
 */
export function CobrowseWidget(props: CobrowseWidgetProps): null {
  const latest = useRef(props);
  const binding = useRef<WidgetBinding | null>(null);
  useEffect(() => {
    latest.current = props;
    binding.current?.update();
  });
  useEffect(() => {
    // StrictMode runs this twice in development: the first widget is destroyed before the second is created.
    const b = (binding.current = createBinding(() => latest.current as unknown as Record<string, unknown>));
    b.update();
    return () => {
      b.destroy();
      binding.current = null;
    };
  }, []);
  return null;
}

/** What `useCobrowseWidget()` returns. */
export interface UseCobrowseWidget {
  /** The mounted widget; null on the server, before the widget is created, and when none is mounted. */
  widget: Widget | null;
  /** Its state snapshot (`state.state` is 'idle', 'consent', 'waiting', …); null whenever `widget` is. */
  state: CobrowseSnapshot | null;
  /** Shows the consent step; resolves with the PIN, or null if the visitor declines. Rejects when no widget is mounted. */
  start(): Promise<string | null>;
  /** Ends the live session for everyone; resolves at once when there is none. */
  end(): Promise<void>;
  /** Opens the panel (the consent step from idle). */
  open(): void;
  /** Closes the panel; a live session carries on. */
  close(): void;
}

const nothing = (): null => null;
const noSubscription = (): (() => void) => () => {};

/**
 * The mounted widget and its state, from any component: inside or outside
 * `<CobrowseWidget>`'s parent, or with a widget made by `createCobrowseWidget()`
 * before this component rendered. Re-renders on every state change.
 */
export function useCobrowseWidget(): UseCobrowseWidget {
  const widget = useSyncExternalStore(onWidgetChange, getCobrowseWidget, nothing);
  const store = widget ? stateStore(widget) : null;
  const state = useSyncExternalStore(store ? store.subscribe : noSubscription, store ? store.get : nothing, nothing);
  return useMemo(() => ({ widget, state, ...widgetMethods }), [widget, state]);
}
