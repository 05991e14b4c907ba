import { controllerFromResolved, type CobrowseController, type CobrowseEvents, type ControllerDeps } from './core/controller';
import { maskedCategories } from './masking/names';
import { resolveConfig, type CobrowseConfig } from './config/config';
import { realClock } from './shared/timers';
import { CobrowseConfigError, LOG_PREFIX } from './shared/config-error';
import { describe } from './shared/validate';
import type { CobrowseError } from './shared/errors';
import type { CobrowseSnapshot } from './core/machine';
import { LOCALES, pickLocale } from './i18n/translator';
import { loadLocaleScript } from './i18n/locale-script';
import { importLocale } from './i18n/locales';
import type { MountedUi } from './ui/mount';
import { THEME_COLORS, validateTheme, type CobrowseTheme, type ResolvedTheme } from './config/theme';
import { contrastProblems } from './ui/theme';
import { DEFAULT_LAUNCHER_LABEL, mountLauncher, type PlainLauncher } from './launcher/launcher';

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
  /** Replaces the whole theme (fields left out go back to their defaults, not to the previous value). Throws CobrowseConfigError for a bad value and keeps the current theme. */
  setTheme(theme: CobrowseTheme): void;
  /** The headless controller under the UI. */
  readonly controller: CobrowseController;
  /** Ends a live session, removes every node, listener and timer. Safe to call twice. */
  destroy(): void;
}

/** The one mounted widget per page: a second would show two launchers and fight over one Zoom session. */
let mounted: { widget: CobrowseWidget; id: number; createdAt: string } | null = null;
let nextId = 1;

/**
 * The widget mounted on this page, or null (the npm twin of the script tag's `getWidget()`).
 * Framework adapters and code far from where the widget was created reach it through this.
 */
export function getCobrowseWidget(): CobrowseWidget | null {
  return mounted?.widget ?? null;
}

/** Thrown by createCobrowseWidget while another widget is mounted. */
export class CobrowseWidgetExistsError extends Error {
  /** The widget that is already mounted; reuse it or destroy() it first. */
  declare readonly existing: CobrowseWidget;
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
  let el: HTMLElement | null;
  try {
    el = document.querySelector<HTMLElement>(container);
  } catch {
    // The browser's own DOMException would not say which option was wrong.
    throw new CobrowseConfigError('container', `${describe(container)} is not a valid CSS selector. Pass a selector such as "#help-widget", or the element itself.`);
  }
  if (!el) throw new CobrowseConfigError('container', `no element matches ${JSON.stringify(container)}. Create it before the widget, or omit container to use document.body.`);
  return el;
}

/** Host-page elements with this attribute open the widget when clicked (for `launcher: false`). */
export const OPEN_ATTRIBUTE = 'data-zoom-cobrowse-open';

type UiModule = typeof import('./ui/mount');
let uiModule: UiModule | undefined;
let uiLoading: Promise<UiModule> | undefined;
/**
 * The visitor UI (Preact, the views, their stylesheet, English): a chunk of its own in npm
 * builds, so a page pays for a plain button until someone shows intent or the browser is idle.
 * A failed load is forgotten, so the next intent tries again.
 */
function loadUi(): Promise<UiModule> {
  return (uiLoading ??= import('./ui/mount').then(
    (m) => (uiModule = m),
    (err: unknown) => {
      uiLoading = undefined;
      throw err;
    },
  ));
}

/**
 * Loads the widget's UI chunk ahead of need (say, on a help page). Optional: the widget loads it
 * on the first sign of intent or when the browser is idle; once loaded, widgets build their UI at once.
 */
export function preloadPanel(): Promise<void> {
  return loadUi().then(() => undefined);
}

/**
 * Creates the widget: validates the config (throwing CobrowseConfigError),
 * mounts the launcher in a shadow root, and loads nothing from Zoom until the
 * visitor asks for help.
 */
export function createCobrowseWidget(config: CobrowseConfig, deps: ControllerDeps = {}): CobrowseWidget {
  return createWidget(config, deps);
}

/** How the script tag's panel takes over from its launcher (src/panel-global.ts). */
export interface TakeOver {
  /** The plain launcher whose host and shadow root the panel renders into. */
  adopt: PlainLauncher;
  /** The launcher's instance number, kept on the host element. */
  id: number;
}

/** createCobrowseWidget, optionally taking over the script tag's plain launcher (built at once then, not at idle). */
export function createWidget(config: CobrowseConfig, deps: ControllerDeps = {}, takeOver?: TakeOver): CobrowseWidget {
  if (typeof document === 'undefined') {
    throw new Error(`${LOG_PREFIX} createCobrowseWidget() needs a browser document. During server-side rendering, call it from a client-side effect instead.`);
  }
  if (mounted) throw new CobrowseWidgetExistsError(mounted.widget, mounted.id, mounted.createdAt);
  const log = deps.logger ?? console;
  // Everything that can be wrong with the config is found now, synchronously: bad config fails loudly and early.
  // A cosmetic mistake (a colour, a label) is reported and falls back to its default, so the visitor keeps the button.
  const cfg = resolveConfig(config, { onCosmeticError: (err) => log.error(err.message) });
  const container = resolveContainer(cfg.container);
  const id = takeOver?.id ?? nextId++;
  const warn = (m: string): void => log.warn(`${LOG_PREFIX} ${m}`);
  const lang = pickLocale(cfg.locale, navigator.languages ?? []);
  if (lang === 'en' && !/^(auto|en)\b/.test(cfg.locale) && !Object.keys(cfg.labels).length) {
    warn(`no built-in strings for locale "${cfg.locale}"; showing English. Built in: ${LOCALES.join(', ')}. Pass labels to translate.`);
  }
  let controller: CobrowseController | undefined;
  let ui: MountedUi | undefined;
  let destroyed = false;
  let theme: ResolvedTheme = cfg.theme;
  /** Asked for before the UI arrived: open (true), closed (false), nothing (undefined). */
  let wantOpen: boolean | undefined;
  // The UI chunk not here yet: paint the plain launcher now (as the script tag does); the UI takes it over.
  // Another language's label comes with the UI (and its strings), so until then there is no button.
  // (The script tag's panel always takes over its launcher's: the constant keeps this out of that file.)
  let plain: PlainLauncher | undefined =
    !__IIFE__ && !takeOver && !uiModule && cfg.launcher
      ? mountLauncher({
          id,
          container,
          nonce: cfg.nonce,
          theme,
          label: typeof cfg.labels.launcher === 'string' ? cfg.labels.launcher : lang === 'en' ? DEFAULT_LAUNCHER_LABEL : undefined,
          icon: cfg.launcherIcon,
          onIntent: () => (boot().warm(), ensureUi()),
          onActivate: () => widget.open(),
        })
      : undefined;
  // Checks the colours as rendered (config, host-page overrides and defaults together), so only
  // once the stylesheet is attached: before that the defaults are missing and every ratio is wrong.
  const checkContrast = (host = ui?.styled && ui.host): void => void (host && contrastProblems(host).forEach(warn));
  /** Mounts the UI from its module; set once the controller exists (in `boot`). */
  let build: ((m: UiModule) => void) | undefined;
  let uiPending = false;
  /** Builds the UI now if its chunk is here, else loads it (again, after a failure) and builds it then. */
  const ensureUi = (): void => {
    if (ui || !build || uiPending) return;
    if (uiModule) return build(uiModule);
    uiPending = true;
    loadUi()
      .finally(() => void (uiPending = false))
      .then(build, onUiError);
  };
  const onUiError = (err: unknown): void => {
    plain?.setBusy(false);
    log.error(`${LOG_PREFIX} could not load the widget's UI (${err instanceof Error ? err.message : String(err)}). Check that your bundler emitted its chunk and that the page may load it; the next click tries again.`);
  };
  // Event delegation: the site's own buttons open the widget, even ones added later.
  const onOpenClick = (e: Event): void => {
    if ((e.target as Element | null)?.closest?.(`[${OPEN_ATTRIBUTE}]`)) {
      e.preventDefault();
      widget.open();
    }
  };

  /**
   * Builds the controller and the UI. It runs in the browser's next idle period
   * (so the host page's own start-up never waits for it), or at once when the
   * site calls any widget method first.
   */
  const boot = (fromIdle = false): CobrowseController => {
    if (controller) return controller;
    if (destroyed) throw new Error(`${LOG_PREFIX} this widget was destroyed. Create a new one with createCobrowseWidget().`);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    clearTimeout(soon);
    const c = (controller = controllerFromResolved(cfg, deps));
    build = (m: UiModule): void => {
      if (destroyed || ui) return;
      ui = m.mountUi(c, {
        id,
        container,
        nonce: cfg.nonce,
        theme,
        launcher: cfg.launcher,
        icon: cfg.launcherIcon,
        // Named from the config alone: no selectors are compiled before the visitor asks for help.
        masked: maskedCategories(cfg.maskingConfig),
        privacyUrl: cfg.privacyUrl,
        // The name visitors know the site by: its host name ("www." adds nothing when read aloud) unless the site gives one.
        // A page without one (file:) has nothing to name, so no warning rather than a sentence with a gap.
        site: (cfg.pinNotice && (cfg.siteName ?? location.hostname.replace(/^www\./, ''))) || null,
        lang,
        // The script-tag build can't code-split: it loads dist/locales/{lang}.js beside itself instead.
        messages: lang === 'en' ? undefined : __IIFE__ ? loadLocaleScript(lang, cfg.nonce) : importLocale(lang),
        labels: cfg.labels,
        clock: deps.clock ?? realClock,
        highlight: cfg.maskingConfig === false || cfg.maskingConfig.highlight === false ? false : cfg.maskingConfig.highlight === true || cfg.maskingConfig.highlight === undefined ? {} : cfg.maskingConfig.highlight,
        // Already in idle time: paint now. Booted early by a method call: the first paint still waits for idle.
        paintNow: fromIdle,
        // The defaults pass; only a configured colour can fail (and this keeps canvas work off most mounts).
        // The script tag's launcher has no contrast check: it loads this panel at once when a colour is configured.
        onStyled: (host) => void (THEME_COLORS.some((k) => theme[k] !== undefined) && checkContrast(host)),
        warn,
        ...(takeOver || plain ? { adopt: (takeOver?.adopt ?? plain)! } : {}),
      });
      plain = undefined;
      if (wantOpen !== undefined) ui.setOpen(wantOpen);
    };
    ensureUi();
    // The script tag's launcher listens for the site's own open buttons itself.
    if (!takeOver) document.addEventListener('click', onOpenClick);
    return c;
  };
  // Safari has no requestIdleCallback: there the next task is the nearest thing.
  const hasIdle = typeof window.requestIdleCallback === 'function' && !takeOver;
  // Building the UI can't be split, so it waits for an idle period with room for it (about 15 ms),
  // for a second at most: on a slow phone a short idle slice would otherwise become a long task.
  const giveUp = Date.now() + 1000;
  const onIdle = (d: IdleDeadline): void => {
    if (!d.didTimeout && d.timeRemaining() < 15 && Date.now() < giveUp) idle = window.requestIdleCallback(onIdle, { timeout: 300 });
    else void boot(true);
  };
  let idle = hasIdle ? window.requestIdleCallback(onIdle, { timeout: 300 }) : undefined;
  const soon = hasIdle || takeOver ? undefined : setTimeout(() => void (destroyed || boot(true)), 1);

  const widget: CobrowseWidget = {
    get controller() {
      return boot();
    },
    open() {
      boot();
      if (ui) return ui.setOpen(true);
      wantOpen = true;
      plain?.setBusy(true);
      ensureUi();
    },
    close() {
      boot();
      if (ui) return ui.setOpen(false);
      wantOpen = false;
    },
    start() {
      const c = boot();
      widget.open();
      return new Promise<string | null>((resolve, reject) => {
        const check = (s: CobrowseSnapshot): void => {
          if ((s.state === 'waiting' || s.state === 'active') && s.pin) finish(() => resolve(s.pin));
          else if (s.state === 'error' && s.error) finish(() => reject(s.error as CobrowseError));
          else if (s.state === 'declined' || s.state === 'idle' || s.state === 'ended') finish(() => resolve(null));
        };
        const unsubscribe = c.subscribe(check);
        const finish = (fn: () => void): void => {
          unsubscribe();
          fn();
        };
        // Already live (start() called during a session): answer with the PIN at once.
        const now = c.getState();
        if ((now.state === 'waiting' || now.state === 'active') && now.pin) check(now);
      });
    },
    end: () => boot().end(),
    setTheme(next) {
      const t = validateTheme(next, 'theme');
      if (destroyed) return;
      theme = t;
      boot();
      ui?.setTheme(t);
      plain?.setTheme(t);
      checkContrast();
    },
    on: (name, handler) => boot().on(name, handler),
    getState: () => boot().getState(),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (idle !== undefined) window.cancelIdleCallback(idle);
      clearTimeout(soon);
      controller?.destroy();
      document.removeEventListener('click', onOpenClick);
      ui?.destroy();
      ui = undefined;
      plain?.destroy();
      plain = undefined;
      if (mounted?.widget === widget) mounted = null;
    },
  };
  mounted = { widget, id, createdAt: new Date().toISOString() };
  // Taking over a painted launcher: the panel replaces it now, in this task.
  if (takeOver) boot(true);
  return widget;
}
