import { createCobrowseController, type CobrowseController, type CobrowseEvents, type ControllerDeps } from './core/controller';
import type { CobrowseConfig } from './core/config';
import { CobrowseConfigError, LOG_PREFIX } from './core/config-error';
import type { CobrowseError } from './core/errors';
import type { CobrowseSnapshot } from './core/machine';
import { mountUi, type MountedUi } from './ui/mount';

/** The widget as site code sees it. */
export interface CobrowseWidget {
  /** Opens the panel; from idle this shows the consent step (same as clicking "Get help"). */
  open(): void;
  /** Closes (minimises) the panel; a live session carries on. */
  close(): void;
  /** Opens the panel at the consent step; resolves with the PIN once the SDK issues it, or null if the visitor declines or cancels. */
  start(): Promise<string | null>;
  /** Ends the live session for everyone; resolves when it has ended. */
  end(): Promise<void>;
  /** Listens to a widget event; returns the unsubscribe. */
  on<K extends keyof CobrowseEvents>(name: K, handler: (payload: CobrowseEvents[K]) => void): () => void;
  /** The current state snapshot. */
  getState(): CobrowseSnapshot;
  /** The headless controller under the UI. */
  readonly controller: CobrowseController;
  /** Ends a live session, removes every node, listener and timer. Safe to call twice. */
  destroy(): void;
}

/** The one mounted widget per page: a second would show two launchers and fight over one Zoom session. */
let mounted: { widget: CobrowseWidget; id: number; createdAt: string } | null = null;
let nextId = 1;

/** Thrown by createCobrowseWidget while another widget is mounted. */
export class CobrowseWidgetExistsError extends Error {
  /** The widget that is already mounted; reuse it or destroy() it first. */
  readonly existing: CobrowseWidget;
  constructor(existing: CobrowseWidget, id: number, createdAt: string) {
    super(
      `${LOG_PREFIX} a widget is already mounted on this page (widget #${id}, created at ${createdAt}, element [data-zoom-cobrowse-widget="${id}"]). ` +
        'Reuse it (in SPAs, create it once outside your route components), or call destroy() on it before creating another.',
    );
    this.name = 'CobrowseWidgetExistsError';
    this.existing = existing;
  }
}

function resolveContainer(container: HTMLElement | string | undefined): HTMLElement {
  if (container === undefined) return document.body;
  if (typeof container !== 'string') return container;
  const el = document.querySelector<HTMLElement>(container);
  if (!el) throw new CobrowseConfigError('container', `no element matches ${JSON.stringify(container)}. Create it before the widget, or omit container to use document.body.`);
  return el;
}

/**
 * Creates the widget: validates the config (throwing CobrowseConfigError),
 * mounts the launcher in a shadow root, and loads nothing from Zoom until the
 * visitor asks for help.
 */
export function createCobrowseWidget(config: CobrowseConfig, deps: ControllerDeps = {}): CobrowseWidget {
  if (typeof document === 'undefined') {
    throw new Error(`${LOG_PREFIX} createCobrowseWidget() needs a browser document. During server-side rendering, call it from a client-side effect instead.`);
  }
  if (mounted) throw new CobrowseWidgetExistsError(mounted.widget, mounted.id, mounted.createdAt);
  const controller = createCobrowseController(config, deps);
  const id = nextId++;
  const cfg = controller.config;
  const cssVars: Record<string, string> = {};
  if (cfg.theme.primary) cssVars['--zcw-primary'] = cfg.theme.primary;
  let ui: MountedUi | undefined = mountUi(controller, {
    id,
    container: resolveContainer(cfg.container),
    nonce: cfg.nonce,
    position: cfg.theme.position,
    launcher: cfg.launcher,
    cssVars,
    maskedCategories: cfg.masking?.categories ?? [],
  });
  const panel = ui.panel;

  const widget: CobrowseWidget = {
    controller,
    open() {
      if (controller.getState().state === 'idle') controller.requestHelp();
      panel.set(true);
    },
    close() {
      panel.set(false);
      const s = controller.getState().state;
      if (s === 'consent' || s === 'ended' || s === 'declined' || s === 'error') controller.reset();
    },
    start() {
      widget.open();
      return new Promise<string | null>((resolve, reject) => {
        const check = (s: CobrowseSnapshot): void => {
          if (s.state === 'waiting' && s.pin) finish(() => resolve(s.pin));
          else if (s.state === 'error' && s.error) finish(() => reject(s.error as CobrowseError));
          else if (s.state === 'declined' || s.state === 'idle' || s.state === 'ended') finish(() => resolve(null));
        };
        const unsubscribe = controller.subscribe(check);
        const finish = (fn: () => void): void => {
          unsubscribe();
          fn();
        };
        const now = controller.getState();
        if (now.state === 'waiting' && now.pin) finish(() => resolve(now.pin));
        else if (now.state === 'active') finish(() => resolve(now.pin));
      });
    },
    end: () => controller.end(),
    on: (name, handler) => controller.on(name, handler),
    getState: () => controller.getState(),
    destroy() {
      if (!ui) return;
      controller.destroy();
      ui.destroy();
      ui = undefined;
      if (mounted?.widget === widget) mounted = null;
    },
  };
  mounted = { widget, id, createdAt: new Date().toISOString() };
  return widget;
}
