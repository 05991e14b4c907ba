import { h, render } from 'preact';
import type { CobrowseController } from '../core/controller';
import { App, createPanelStore, type PanelStore } from './App';
import css from './styles.css?inline';
import { EN_STRINGS, format, type StringKey } from './strings';

/** Attribute on the widget's host element; host pages can target it, tests find it. */
export const HOST_ATTRIBUTE = 'data-zoom-cobrowse-widget';

/** A mounted widget UI. */
export interface MountedUi {
  readonly host: HTMLElement;
  readonly panel: PanelStore;
  /** Unmounts Preact and removes the host element. */
  destroy(): void;
}

/** Options for {@link mountUi}. */
export interface MountOptions {
  /** Instance number, written to the host attribute so errors can name the element. */
  id: number;
  container: HTMLElement;
  nonce: string | undefined;
  position: string;
  launcher: boolean;
  /** CSS custom properties to set on the host, e.g. `{ '--zcw-primary': '#0b5cff' }`. */
  cssVars: Record<string, string>;
  maskedCategories: string[];
}

/** Renders the widget into an open shadow root on a plain div (styles can't leak either way). */
export function mountUi(controller: CobrowseController, options: MountOptions): MountedUi {
  const doc = options.container.ownerDocument;
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, String(options.id));
  for (const [name, value] of Object.entries(options.cssVars)) host.style.setProperty(name, value);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  if (options.nonce) style.setAttribute('nonce', options.nonce);
  style.textContent = css;
  shadow.appendChild(style);
  const mountPoint = doc.createElement('div');
  shadow.appendChild(mountPoint);
  options.container.appendChild(host);
  // SPA routers and page-transition libraries sometimes swap the body's children;
  // put the widget back rather than silently losing a live session's End button.
  const observer =
    typeof MutationObserver === 'function'
      ? new MutationObserver(() => {
          if (!host.isConnected && options.container.isConnected) options.container.appendChild(host);
        })
      : undefined;
  observer?.observe(options.container, { childList: true });

  const panel = createPanelStore();
  const t = (key: StringKey, values?: Record<string, string>): string => format(EN_STRINGS[key], values);
  render(
    h(App, { controller, panel, t, position: options.position, launcher: options.launcher, maskedCategories: options.maskedCategories }),
    mountPoint,
  );
  return {
    host,
    panel,
    destroy() {
      observer?.disconnect();
      render(null, mountPoint);
      host.remove();
    },
  };
}
