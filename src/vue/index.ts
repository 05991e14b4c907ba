/**
 * zoom-cobrowse-widget/vue: the widget as a Vue 3 component and a composable.
 * A render function, no SFC: nothing to compile. Setup touches no `window`: the
 * widget is created in `onMounted`, which never runs during server rendering.
 */
import {
  camelize,
  defineComponent,
  getCurrentInstance,
  getCurrentScope,
  onBeforeUnmount,
  onMounted,
  onScopeDispose,
  shallowRef,
  watch,
  type ComponentObjectPropsOptions,
  type ShallowRef,
} from 'vue';
import { getCobrowseWidget, type CobrowseSnapshot, type CobrowseWidget as Widget } from 'zoom-cobrowse-widget';
import { createBinding, onWidgetChange, stateStore, widgetMethods, type CobrowseWidgetProps } from '../frameworks/binding';

export type { CobrowseEventHandlers, CobrowseWidgetProps } from '../frameworks/binding';

/** `<CobrowseWidget debug>` means true; left out means the widget's default, not false. */
const flag = { type: Boolean, default: undefined };
const flagOrOptions = { type: [Boolean, Object], default: undefined };

/** Every config field and handler as a prop: the type makes the list complete. */
const PROPS: ComponentObjectPropsOptions<CobrowseWidgetProps> = {
  sdkKey: { type: String, required: true },
  token: { type: null, required: true },
  userId: null,
  userName: null,
  sdk: null,
  nonce: null,
  container: null,
  theme: null,
  masking: null,
  remoteAssist: flagOrOptions,
  annotations: null,
  customPin: null,
  tokenTimeoutMs: null,
  startTimeoutMs: null,
  launcher: flagOrOptions,
  recovery: null,
  multiTab: flag,
  debug: flag,
  locale: null,
  labels: null,
  privacyUrl: null,
  onStateChange: null,
  onConsent: null,
  onPin: null,
  onAgentJoined: null,
  onAgentLeft: null,
  onRemoteAssist: null,
  onEnded: null,
  onError: null,
};

/** Attributes that are not props, camelized: a misspelt field reaches the config check and is named in the console. */
function strayAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) if (k !== 'class' && k !== 'style') out[camelize(k)] = v;
  return out;
}

/**
 * Mounts the widget while this component is mounted; renders nothing itself.
 * Props are the config fields (`sdk-key`, `token`, `:theme`, …); listen with
 * `@pin`, `@ended`, `@agent-joined`, … A new `theme` goes through `setTheme`; any
 * other config change recreates the widget (ending a live session). Errors (a bad
 * config, a second widget) are logged to the console, never thrown into your app.
 */
export const CobrowseWidget = defineComponent<CobrowseWidgetProps>(
  (props, { attrs }) => {
    const binding = createBinding(() => ({ ...strayAttrs(attrs), ...props }));
    // Watchers never fire during server rendering; onMounted never runs there.
    watch(props, () => binding.update(), { deep: true });
    onMounted(() => binding.update());
    onBeforeUnmount(() => binding.destroy());
    return () => null;
  },
  { name: 'CobrowseWidget', inheritAttrs: false, props: PROPS },
);

/** What `useCobrowseWidget()` returns. */
export interface UseCobrowseWidget {
  /** The mounted widget; null on the server, before the widget is created, and when none is mounted. */
  widget: Readonly<ShallowRef<Widget | null>>;
  /** Its state snapshot (`state.value.state` is 'idle', 'consent', 'waiting', …); null whenever `widget` is. */
  state: Readonly<ShallowRef<CobrowseSnapshot | null>>;
  /** Shows the consent step; resolves with the PIN, or null if the visitor declines. Rejects when no widget is mounted. */
  start(): Promise<string | null>;
  /** Ends the live session for everyone; resolves at once when there is none. */
  end(): Promise<void>;
  /** Opens the panel (the consent step from idle). */
  open(): void;
  /** Closes the panel; a live session carries on. */
  close(): void;
}

/**
 * The mounted widget and its state as refs, from any component (inside or outside
 * `<CobrowseWidget>`'s parent) or any effect scope. In a component the refs fill in
 * once it is mounted, so server and client render the same markup first.
 */
export function useCobrowseWidget(): UseCobrowseWidget {
  const widget = shallowRef<Widget | null>(null);
  const state = shallowRef<CobrowseSnapshot | null>(null);
  let offState: (() => void) | undefined;
  let offWidget: (() => void) | undefined;
  const follow = (): void => {
    const w = getCobrowseWidget();
    if (w === widget.value && (offState || !w)) return;
    offState?.();
    offState = undefined;
    widget.value = w;
    state.value = null;
    if (!w) return;
    const store = stateStore(w);
    offState = store.subscribe(() => (state.value = store.get()));
    state.value = store.get();
  };
  const start = (): void => {
    offWidget = onWidgetChange(follow);
    follow();
  };
  const stop = (): void => {
    offWidget?.();
    offState?.();
    offWidget = offState = undefined;
  };
  if (getCurrentInstance()) {
    onMounted(start);
    onBeforeUnmount(stop);
  } else if (typeof window !== 'undefined') {
    start();
    if (getCurrentScope()) onScopeDispose(stop);
  }
  return { widget, state, ...widgetMethods };
}
