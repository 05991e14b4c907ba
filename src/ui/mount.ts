import { h, render } from 'preact';
import type { Clock, CobrowseController } from '../core/controller';
import { App } from './App';
import type { LauncherIcon } from '../config/ui';
import { isRtl, translator, type CobrowseLabels, type LocaleMessages, type Translate } from '../i18n/translator';
import launcherCss from '../launcher/launcher.css?inline';
import css from './styles.css?inline';
import type { ResolvedTheme } from '../config/theme';
import type { UiProps } from './view-props';
import type { MaskHighlighter } from '../masking/highlight';
import type { PlainLauncher } from '../launcher/launcher';

import { HOST_ATTRIBUTE, hostThemer } from '../launcher/launcher';

export { HOST_ATTRIBUTE };

/** How long the launcher waits for the visitor's language before showing in English. */
const LOCALE_WAIT_MS = 3000;

/** A mounted widget UI. */
export interface MountedUi {
  readonly host: HTMLElement;
  /** Opens or closes (minimises) the panel. Closing resets a finished or unanswered flow to idle. */
  setOpen(open: boolean): void;
  /** Applies a validated theme, replacing the previous one entirely. */
  setTheme(theme: ResolvedTheme): void;
  /** Whether the stylesheet is attached yet (it waits for the first paint). */
  readonly styled: boolean;
  /** Unmounts Preact, cancels timers and removes the host element. */
  destroy(): void;
}

/** Options for {@link mountUi}. */
export interface MountOptions {
  /** Instance number, written to the host attribute so errors can name the element. */
  id: number;
  container: HTMLElement;
  nonce: string | undefined;
  theme: ResolvedTheme;
  launcher: boolean;
  icon: LauncherIcon;
  masked: readonly string[];
  privacyUrl: string | undefined;
  /** The site's name in the scam warning under the PIN; null or absent: no warning. */
  site?: string | null;
  /** Built-in language to show. */
  lang: string;
  /** Its strings, when they are not English and still loading. */
  messages: Promise<LocaleMessages> | undefined;
  labels: CobrowseLabels;
  clock: Clock;
  /** Paint at once instead of in the next idle period (the caller is already in idle time). */
  paintNow?: boolean;
  /** Outline masked fields for the visitor during a session (masking.highlight). */
  highlight: false | { label?: string; color?: string };
  /** Called once the stylesheet is attached (first paint), with the host element: colours can be measured as rendered from then on. */
  onStyled?: (host: HTMLElement) => void;
  warn(message: string): void;
  /**
   * The script tag's plain launcher to take over: the panel renders into its host and
   * shadow root and removes the plain button in the same task, so nothing flashes or moves.
   */
  adopt?: PlainLauncher;
}

/**
 * Renders the widget into an open shadow root on a plain div (styles can't
 * leak either way), shown in the browser's top layer where popovers exist so
 * no host-page stacking context or z-index can cover it. This module owns the
 * UI state (snapshot, open, confirm, strings) and re-renders App on each change.
 */
export function mountUi(c: CobrowseController, o: MountOptions): MountedUi {
  const doc = o.container.ownerDocument;
  let adopt = o.adopt;
  const host = adopt?.host ?? doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, String(o.id));
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  if (o.nonce) style.setAttribute('nonce', o.nonce);
  // The z-index default lives here, not in styles.css: the CSS minifier stores numbers inside custom
  // properties as 32-bit floats and would turn 2147483647 into 2147480000.
  // The launcher's rules (and the tokens) first, exactly as the script tag's plain launcher paints with them.
  style.textContent = `:host{--zcw-z-index:2147483647}${launcherCss}${css}`;
  const mountPoint = doc.createElement('div');
  // Outlines of masked fields: drawn here, in the shadow root, so the host page's layout never moves.
  const maskLayer = doc.createElement('div');
  maskLayer.className = 'mask-layer';
  maskLayer.hidden = true;
  maskLayer.setAttribute('aria-hidden', 'true');
  shadow.append(maskLayer, mountPoint);
  const topLayer = !!host.showPopover;
  if (topLayer && !adopt) host.popover = 'manual';
  // Until the first paint the host is empty (and, as an unopened popover, not even rendered):
  // the stylesheet and the top layer wait for it, so mount() doesn't pay for parsing CSS.
  let styled = false;
  const showTop = (): void => {
    try {
      // Re-attaching (below) drops the element out of the top layer: put it back.
      if (topLayer && styled && !host.matches(':popover-open')) host.showPopover();
    } catch {
      /* not rendered (e.g. a hidden container): the z-index fallback still applies */
    }
  };
  const ensureStyled = (): void => {
    if (styled) return;
    styled = true;
    shadow.prepend(style);
    showTop();
  };
  const attach = (): void => {
    o.container.appendChild(host);
    showTop();
  };
  // An adopted host is in place (and in the top layer) already: moving it would hide it for a frame.
  if (!adopt) attach();
  // SPA routers and page-transition libraries sometimes swap the body's children;
  // put the widget back rather than silently losing a live session's End button.
  const observer =
    typeof MutationObserver === 'function'
      ? new MutationObserver(() => {
          if (!host.isConnected && o.container.isConnected) attach();
        })
      : undefined;
  observer?.observe(o.container, { childList: true });

  let alive = true;
  const strings = (lang: string, m?: LocaleMessages): Partial<UiProps> => ({
    t: lazyTranslator(lang, m),
    lang,
    dir: isRtl(lang) ? 'rtl' : 'ltr',
    errors: m?.errors,
    ready: true,
  });
  // Built on first use rather than at mount: mount should do as little as it can.
  const lazyTranslator = (lang: string, m?: LocaleMessages): Translate => {
    let t: Translate | undefined;
    return (key, values) => (t ??= translator(lang, m, o.labels))(key, values);
  };
  const setOpen = (open: boolean): void => {
    const st = c.getState().state;
    if (open && st === 'idle') c.requestHelp();
    if (!open && (st === 'consent' || st === 'ended' || st === 'declined' || st === 'error')) c.reset();
    update({ open, grab: open });
  };
  let p: UiProps = {
    ...(strings(o.lang) as UiProps),
    s: c.getState(),
    c,
    position: o.theme.position,
    launcher: o.launcher,
    icon: o.icon,
    masked: o.masked,
    privacyUrl: o.privacyUrl,
    site: o.site ?? null,
    clock: o.clock,
    ready: !o.messages,
    open: false,
    grab: false,
    confirm: false,
    openPanel: () => setOpen(true),
    close: () => setOpen(false),
    setConfirm: (confirm) => update({ confirm }),
    restart: () => c.restart(),
    canPreview: !!o.highlight && o.masked.length > 0,
    preview: false,
    setPreview: (on) => {
      update({ preview: on });
      if (on) void c.previewMasking(true).then(() => syncHighlight(c.getState().state));
      else {
        syncHighlight(c.getState().state);
        void c.previewMasking(false);
      }
    },
  };
  // The first paint waits for an idle moment: the launcher is not urgent, and rendering it
  // (with the compile of the UI code it needs) then never competes with the host page's own
  // start-up. Anything the visitor or a session does paints at once.
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  let painted = !!o.paintNow || !win?.requestIdleCallback;
  const idle = painted ? undefined : win!.requestIdleCallback(() => paint(), { timeout: 300 });
  function paint(): void {
    if (!alive) return;
    if (!painted && idle !== undefined) win?.cancelIdleCallback(idle);
    painted = true;
    const first = !styled;
    ensureStyled();
    const hadFocus = adopt?.hasFocus();
    render(h(App, p), mountPoint);
    // Same task as the render: the plain launcher goes as the panel's own appears, once it has its strings.
    if (adopt && p.ready) {
      // Still focused (the panel did not take focus): the panel's launcher carries on for the keyboard user.
      if (hadFocus && adopt.hasFocus()) mountPoint.querySelector<HTMLElement>('[data-part="launcher"]')?.focus();
      adopt.handOver();
      adopt = undefined;
    }
    if (first) o.onStyled?.(host);
  }
  function update(patch: Partial<UiProps>, urgent = true): void {
    if (!alive) return;
    p = { ...p, ...patch };
    if (painted || urgent) paint();
  }

  let highlighter: MaskHighlighter | undefined;
  const syncHighlight = (state: string): void => {
    if (!o.highlight) return;
    // During a session, or in the consent step when the visitor asked to see what stays hidden.
    const live = state === 'waiting' || state === 'active' || state === 'reconnecting' || (state === 'consent' && p.preview);
    if (live && !highlighter) {
      if (o.highlight.color) host.style.setProperty('--zcw-mask-color', o.highlight.color);
      highlighter = c.maskHighlighter({ layer: maskLayer, label: o.highlight.label ?? p.t('maskBadge'), nonce: o.nonce });
    }
    if (live) highlighter?.show();
    else highlighter?.hide();
  };

  const unsubscribe = c.subscribe((s) => {
    // The preview belongs to one consent step: leaving it (accept, decline, close) ends it.
    if (s.state !== 'consent') p = { ...p, preview: false };
    syncHighlight(s.state);
    const prev = p.s.state;
    // A resumed session comes back into view as it was (without taking focus from the page);
    // a resume question needs the panel open, and an answer.
    const resumed = !p.open && prev === 'recovering' && (s.state === 'waiting' || s.state === 'active');
    update({ s, open: p.open || resumed || s.askResume, grab: s.askResume || (p.grab && !resumed), confirm: p.confirm && s.state === prev });
  });

  const applyTheme = hostThemer(host);
  const setTheme = (theme: ResolvedTheme): void => {
    applyTheme(theme);
    update({ position: theme.position }, painted);
  };
  setTheme(o.theme);

  // Never block the launcher on a slow language file: English after a short wait, the language when it comes.
  const fallback = o.messages && o.clock.setTimeout(() => update(strings('en')), LOCALE_WAIT_MS);
  o.messages?.then(
    (m) => {
      o.clock.clearTimeout(fallback);
      update(strings(o.lang, m));
    },
    (err: unknown) => {
      o.clock.clearTimeout(fallback);
      o.warn(`could not load the "${o.lang}" strings (${String(err)}); showing English. Publish dist/locales/ next to the widget script.`);
      update(strings('en'));
    },
  );

  return {
    host,
    setOpen,
    setTheme,
    get styled() {
      return styled;
    },
    destroy() {
      if (!painted && idle !== undefined) win?.cancelIdleCallback(idle);
      alive = false;
      unsubscribe();
      highlighter?.destroy();
      o.clock.clearTimeout(fallback);
      observer?.disconnect();
      render(null, mountPoint);
      adopt?.destroy();
      host.remove();
    },
  };
}
