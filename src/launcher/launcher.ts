import type { ResolvedTheme } from '../config/theme';
import type { LauncherIcon } from '../config/ui';
import css from './launcher.css?inline';

/** Attribute on the widget's host element; host pages can target it, tests find it. */
export const HOST_ATTRIBUTE = 'data-zoom-cobrowse-widget';

/** The launcher's text when neither the site nor a language gives another (src/i18n/locales/en.ts, `launcher`). */
export const DEFAULT_LAUNCHER_LABEL = 'Get help';

// One stroked path each (24×24, styled in CSS); the panel's icons (src/ui/Icons.tsx) use the same.
/** The launcher icons' SVG paths. */
export const ICON_PATHS: Record<Exclude<LauncherIcon, 'none'>, string> = {
  help: 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01',
  chat: 'M21 11.5a8.5 8.5 0 0 1-12.3 7.6L3 20.5l1.4-5A8.5 8.5 0 1 1 21 11.5z',
  headset: 'M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v5H6a2 2 0 0 1-2-2zm16 0h-3v5h1a2 2 0 0 0 2-2zM18 19a3 3 0 0 1-3 3h-2',
};

/** The custom properties a resolved theme sets on the host element (`onPrimary` → `--zcw-on-primary`). */
export function themeVars(t: ResolvedTheme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) if (k !== 'mode' && k !== 'position') out[`--zcw-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = v as string;
  return out;
}

/**
 * Applies a validated theme to a host element as custom properties and `data-mode`,
 * replacing the previous theme's entirely (a field left out goes back to its default).
 */
export function hostThemer(host: HTMLElement): (theme: ResolvedTheme) => void {
  let applied: string[] = [];
  return (theme) => {
    for (const name of applied) host.style.removeProperty(name);
    const vars = themeVars(theme);
    // setProperty with validated values: theme input never becomes CSS text.
    for (const [name, value] of Object.entries(vars)) host.style.setProperty(name, value);
    applied = Object.keys(vars);
    host.setAttribute('data-mode', theme.mode);
  };
}

/** Options for {@link mountLauncher}. */
export interface LauncherOptions {
  /** Instance number, written to the host attribute so errors can name the element. */
  id: number;
  container: HTMLElement;
  nonce: string | undefined;
  theme: ResolvedTheme;
  /** The button's text; undefined draws no button yet (a language still to load, or `launcher: false`). */
  label: string | undefined;
  icon: LauncherIcon;
  /** A first sign of intent: pointer over or down, touch, focus, a key. */
  onIntent(): void;
  /** The button was activated (click, Enter, Space). */
  onActivate(): void;
}

/** The plain-DOM launcher the panel later takes over. */
export interface PlainLauncher {
  /** The host element, with its open shadow root: the panel renders into the same one. */
  readonly host: HTMLElement;
  /** Applies a validated theme, replacing the previous one entirely. */
  setTheme(theme: ResolvedTheme): void;
  /** Whether the plain button has focus (the panel's own button takes it over). */
  hasFocus(): boolean;
  /** Marks the button busy while the panel it opens is on its way. */
  setBusy(busy: boolean): void;
  /** Removes the plain button and its stylesheet, leaving the host in place for the panel. */
  handOver(): void;
  /** Removes everything, host included. */
  destroy(): void;
}

/**
 * Paints the launcher with plain DOM: one button in an open shadow root, in the
 * browser's top layer where popovers exist (no z-index on the page can cover it).
 * It looks exactly like the panel's launcher, which replaces it in place when the
 * panel arrives, so the visitor sees no change.
 */
export function mountLauncher(o: LauncherOptions): PlainLauncher {
  const doc = o.container.ownerDocument;
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, String(o.id));
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  if (o.nonce) style.setAttribute('nonce', o.nonce);
  // The z-index default lives here, not in the CSS: the minifier would round 2147483647 in a custom property.
  style.textContent = `:host{--zcw-z-index:2147483647}${css}`;
  const root = doc.createElement('div');
  root.className = 'root';
  root.dataset.state = 'idle';
  root.dir = 'ltr';
  let button: HTMLButtonElement | undefined;
  if (o.label !== undefined) {
    button = doc.createElement('button');
    button.className = 'launcher';
    button.dataset.part = 'launcher';
    button.setAttribute('aria-expanded', 'false');
    if (o.icon !== 'none') {
      const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      svg.setAttribute('aria-hidden', 'true');
      const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', ICON_PATHS[o.icon]);
      svg.append(path);
      button.append(svg);
    }
    button.append(o.label);
    const intent = (): void => o.onIntent();
    // pointerdown covers a finger too: a touchstart listener would make the browser track touch
    // regions for the page, a cost paid on every load for a signal that arrives anyway.
    for (const type of ['pointerenter', 'pointerdown', 'focus', 'keydown']) button.addEventListener(type, intent);
    button.addEventListener('click', () => o.onActivate());
    root.append(button);
  }
  shadow.append(style, root);
  const topLayer = !!host.showPopover;
  if (topLayer) host.popover = 'manual';
  const attach = (): void => {
    o.container.appendChild(host);
    try {
      if (topLayer && !host.matches(':popover-open')) host.showPopover();
    } catch {
      /* not rendered (e.g. a hidden container): the z-index fallback still applies */
    }
  };
  attach();
  // SPA routers sometimes swap the body's children: put the launcher back.
  const observer = typeof MutationObserver === 'function' ? new MutationObserver(() => void (!host.isConnected && o.container.isConnected && attach())) : undefined;
  observer?.observe(o.container, { childList: true });

  const applyTheme = hostThemer(host);
  const setTheme = (theme: ResolvedTheme): void => {
    applyTheme(theme);
    root.dataset.position = theme.position;
  };
  setTheme(o.theme);

  const handOver = (): void => {
    observer?.disconnect();
    style.remove();
    root.remove();
  };
  return {
    host,
    setTheme,
    hasFocus: () => !!button && shadow.activeElement === button,
    setBusy: (busy) => void button?.toggleAttribute('aria-busy', busy),
    handOver,
    destroy() {
      handOver();
      host.remove();
    },
  };
}
