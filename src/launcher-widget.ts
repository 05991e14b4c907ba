/**
 * The script tag's widget before anyone asks for help: the launcher alone (docs/ARCHITECTURE.md,
 * "Lazy parts"). It runs the checks that decide whether a widget may mount, paints one
 * plain-DOM button, and loads the panel (Preact, views, full validation, strings) as a
 * sibling file on the first sign of intent, in an idle period a few seconds after load,
 * or at once when a recovery marker says a session is live. The panel then takes over
 * the same host element, and this object passes every call through to it.
 */
import { DEFAULT_LAUNCHER_LABEL, mountLauncher, type PlainLauncher } from './launcher/launcher';
import { resolveSdkKey, resolveToken } from './config/essentials';
import { readTheme, THEME_COLORS, type CobrowseTheme, type ResolvedTheme } from './config/theme';
import { LAUNCHER_ICONS, type LauncherIcon } from './config/ui';
import type { CobrowseConfig } from './config/config';
import { CobrowseConfigError, LOG_PREFIX } from './shared/config-error';
import { describe, isPlainObject, refuseSecrets } from './shared/validate';
import { loadSiblingPart } from './shared/lazy-parts';
import { browserStorage, markerKey, RECOVERY_WINDOW_MS } from './core/recovery';
import type { CobrowseSnapshot } from './core/machine';
import type { ControllerDeps } from './core/controller';
import type { CobrowseWidget } from './widget';
import type * as PanelModule from './panel-global';

/** Host-page elements with this attribute open the widget when clicked (for `launcher: false`). */
export const OPEN_ATTRIBUTE = 'data-zoom-cobrowse-open';

/** How long after load the idle prefetch of the panel waits, so the page's own start-up goes first. */
export const PREFETCH_DELAY_MS = 3000;

const IDLE: CobrowseSnapshot = Object.freeze({
  state: 'idle',
  pin: null,
  pinAt: null,
  agentName: null,
  remoteAssist: false,
  error: null,
  endReason: null,
  resumeTo: null,
  askResume: false,
  startedAt: null,
  extensions: 0,
  summary: null,
});

/** The panel part, as its script defines it (src/panel-global.ts). */
export type PanelPart = Pick<typeof PanelModule, 'createWidget'>;

/** What the launcher may be given instead of its defaults (tests). */
export interface LauncherDeps extends ControllerDeps {
  /** Loads the panel part. @default its sibling script */
  loadPanel?: () => Promise<PanelPart>;
}

/** The launcher's share of the config: what it needs to paint, read without the full validator. */
interface LauncherConfig {
  theme: ResolvedTheme;
  label: string | undefined;
  icon: LauncherIcon;
  /**
   * Something only the panel's validator can judge or explain (a refused theme or launcher value, labels,
   * a language, a privacy link, a colour to check for contrast): load it at once, so it speaks within a second.
   */
  needsEarlyCheck: boolean;
}

/**
 * The checks the launcher runs before it paints: a config object without secrets, an SDK key
 * and a token source (these throw CobrowseConfigError, in resolveConfig's words). The theme and
 * launcher fields are read by the validator's rules without its messages: a value they refuse
 * keeps its default here, and the panel, loaded at once, reports it and falls back the same way.
 */
function lightConfig(c: Record<string, unknown>): LauncherConfig {
  if (!isPlainObject(c)) throw new CobrowseConfigError('(config)', `expected an object like { sdkKey, token }, got ${describe(c)}.`);
  refuseSecrets(c, '');
  for (const [k, v] of Object.entries(c)) if (isPlainObject(v)) refuseSecrets(v, k);
  resolveSdkKey(c.sdkKey);
  resolveToken(c.token);
  const { theme, refused } = readTheme(c.theme);
  const l = c.launcher;
  const lo: Record<string, unknown> = isPlainObject(l) ? l : {};
  const label = typeof lo.label === 'string' && lo.label.trim() ? lo.label.trim() : undefined;
  const icon = lo.icon ?? 'help';
  const iconOk = (LAUNCHER_ICONS as readonly unknown[]).includes(icon);
  const launcherOk = l === undefined || typeof l === 'boolean' || (isPlainObject(l) && Object.keys(l).every((k) => k === 'label' || k === 'icon') && (lo.label === undefined || !!label) && iconOk);
  const labels = isPlainObject(c.labels) ? c.labels : {};
  const siteLabel = typeof labels.launcher === 'string' ? labels.launcher : label;
  // English is built in; another language's label comes with the panel, which then loads at once.
  const lang = c.locale === undefined || c.locale === 'auto' ? ((navigator.languages ?? [])[0] ?? 'en') : String(c.locale);
  const english = /^en\b/i.test(lang);
  return {
    theme,
    label: l === false ? undefined : (siteLabel ?? (english ? DEFAULT_LAUNCHER_LABEL : undefined)),
    icon: iconOk ? (icon as LauncherIcon) : 'help',
    needsEarlyCheck:
      refused.length > 0 ||
      !launcherOk ||
      THEME_COLORS.some((k) => k in theme) ||
      c.labels !== undefined ||
      c.privacyUrl !== undefined ||
      (c.locale !== undefined && c.locale !== 'auto') ||
      (!english && l !== false),
  };
}

function resolveContainer(container: unknown): HTMLElement {
  if (container === undefined) return document.body;
  if (typeof container !== 'string') return container as HTMLElement;
  const el = document.querySelector<HTMLElement>(container);
  if (!el) throw new CobrowseConfigError('container', `no element matches ${JSON.stringify(container)}. Create it before the widget, or omit container to use document.body.`);
  return el;
}

let nextId = 1;

/** The script tag's widget: the public API, plus a way to wait for the panel. */
export interface LauncherWidget extends CobrowseWidget {
  /** Loads the panel if it is not there yet; resolves with the widget it built. */
  ready(): Promise<CobrowseWidget>;
}

/**
 * The script tag's createCobrowseWidget: paints the launcher now, and loads the rest on
 * intent (the npm build's createCobrowseWidget validates everything synchronously instead).
 * Mistakes that decide whether a widget may mount throw CobrowseConfigError here; any other
 * is reported by the panel when it loads, and a non-cosmetic one then removes the launcher.
 */
export function createLauncherWidget(input: CobrowseConfig, deps: LauncherDeps = {}): LauncherWidget {
  const log = deps.logger ?? console;
  const light = lightConfig(input as unknown as Record<string, unknown>);
  const cfg = input as Partial<CobrowseConfig>;
  const container = resolveContainer(cfg.container);
  const nonce = typeof cfg.nonce === 'string' ? cfg.nonce : undefined;
  const id = nextId++;
  let theme: CobrowseTheme | undefined = cfg.theme;
  let full: CobrowseWidget | undefined;
  let part: Promise<PanelPart> | undefined;
  let booting: Promise<CobrowseWidget> | undefined;
  let destroyed = false;
  /** What the visitor or the site asked for before the panel arrived: open (true), closed (false), nothing (undefined). */
  let wantOpen: boolean | undefined;
  const listeners = new Set<{ name: string; handler: (payload: never) => void; off?: () => void }>();
  const loadPanel = deps.loadPanel ?? (() => loadSiblingPart<PanelPart>('panel', nonce));
  // The engine is fetched beside the panel on intent, not after it: opened by open() or a site
  // button, with no hover first, the consent step still finds it there. The panel's controller
  // loads it through this same promise, so the file is requested once.
  type EnginePart = Awaited<ReturnType<NonNullable<ControllerDeps['loadEngine']>>>;
  let engine: Promise<EnginePart> | undefined;
  const loadEngine = deps.loadEngine ?? (() => (engine ??= loadSiblingPart<EnginePart>('engine', nonce).catch((err: unknown) => {
    engine = undefined;
    throw err;
  })));
  const panelDeps: ControllerDeps = { ...deps, loadEngine };
  const warmEngine = (): void => void loadEngine().catch(() => {
    /* best effort: the start reports a real failure */
  });

  /** Fetches the panel's code (once; a failure is forgotten so the next intent tries again). */
  const fetchPanel = (): Promise<PanelPart> =>
    (part ??= loadPanel().catch((err: unknown) => {
      part = booting = undefined;
      plain.setBusy(false);
      log.error(`${LOG_PREFIX} could not load the widget's panel (${err instanceof Error ? err.message : String(err)}). Publish zoom-cobrowse-panel.iife.js next to zoom-cobrowse-widget.iife.js, and allow it in the page's Content-Security-Policy.`);
      throw err;
    }));

  /** The panel, taking over the launcher (once). */
  const boot = (): Promise<CobrowseWidget> =>
    (booting ??= fetchPanel().then((m) => {
      if (destroyed) throw new Error(`${LOG_PREFIX} this widget was destroyed. Create a new one with mount().`);
      let w: CobrowseWidget;
      try {
        w = m.createWidget({ ...cfg, theme } as CobrowseConfig, panelDeps, { adopt: plain, id });
      } catch (err) {
        // A mistake only the full validator finds (masking, remoteAssist …): nothing may be shared, so no launcher either.
        destroy();
        log.error(err instanceof Error ? err.message : `${LOG_PREFIX} could not mount: ${String(err)}`);
        throw err;
      }
      full = w;
      plain.setBusy(false);
      for (const l of listeners) l.off = w.on(l.name as 'stateChange', l.handler as (s: CobrowseSnapshot) => void);
      if (wantOpen !== undefined) (wantOpen ? w.open : w.close)();
      return w;
    }));
  /** Any call of the site's: the panel is wanted now. */
  const soon = (): void => void boot().catch(() => {
    /* reported where it failed */
  });
  /** A visitor's intent, or a call that opens the panel: the panel and the engine, side by side. */
  const intent = (): void => {
    soon();
    warmEngine();
  };

  const plain: PlainLauncher = mountLauncher({
    id,
    container,
    nonce,
    theme: light.theme,
    label: light.label,
    icon: light.icon,
    onIntent: intent,
    onActivate: () => widget.open(),
  });

  // Event delegation: the site's own buttons open the widget, even ones added later.
  const onOpenClick = (e: Event): void => {
    if ((e.target as Element | null)?.closest?.(`[${OPEN_ATTRIBUTE}]`)) {
      e.preventDefault();
      widget.open();
    }
  };
  document.addEventListener('click', onOpenClick);

  // Prefetch: the panel's code (not Zoom's) in an idle period, then the takeover in another one.
  const win = window;
  const idle = (fn: (d?: IdleDeadline) => void, timeout: number): void => {
    if (win.requestIdleCallback) win.requestIdleCallback(fn, { timeout });
    else setTimeout(fn, 1);
  };
  const prefetch = (): void => {
    if (destroyed || booting) return;
    fetchPanel().then(
      // Built when an idle period has room for it (or after a second at most): rendering can't be split.
      () => {
        const takeOver = (d?: IdleDeadline): void => {
          if (destroyed || booting) return;
          if (d && !d.didTimeout && d.timeRemaining() < 15 && Date.now() < giveUp) return idle(takeOver, 1000);
          soon();
        };
        const giveUp = Date.now() + 1000;
        idle(takeOver, 1000);
      },
      () => {
        /* reported in fetchPanel */
      },
    );
  };
  const mode = cfg.prefetch === undefined ? 'idle' : cfg.prefetch;
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  // Labels, locale or a privacy link only the panel checks: load it within a second, so a mistake is reported while the page is fresh.
  if (light.needsEarlyCheck || light.label === undefined) timers.push(setTimeout(() => idle(prefetch, 500), 0));
  else if (mode === 'idle') timers.push(setTimeout(() => idle(prefetch, 2000), PREFETCH_DELAY_MS));
  // A live session to resume: the panel (and through it the engine) is needed at once. The marker is
  // read once the launcher is painted: a tab's first storage access can block for tens of milliseconds.
  const readMarker = (): void => {
    if (destroyed) return;
    try {
      const storage = browserStorage(cfg.multiTab === true);
      const key = markerKey(String(cfg.sdkKey));
      const raw = storage?.getItem(key);
      const t = raw ? (JSON.parse(raw) as { t?: unknown }).t : undefined;
      if (typeof t === 'number' && Date.now() - t < RECOVERY_WINDOW_MS) intent();
      // Past Zoom's window there is nothing to resume: clear it without loading anything, as the controller would.
      else if (raw) storage?.removeItem(key);
    } catch {
      /* unreadable storage: no recovery, as in the controller */
    }
  };
  // After the first frame, or shortly after mount where frames don't run (a background tab).
  let markerRead = false;
  const afterPaint = (): void => {
    if (markerRead) return;
    markerRead = true;
    timers.push(setTimeout(() => idle(readMarker, 300), 0));
  };
  if (cfg.recovery !== 'off') {
    requestAnimationFrame(afterPaint);
    timers.push(setTimeout(afterPaint, 100));
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    timers.forEach(clearTimeout);
    document.removeEventListener('click', onOpenClick);
    if (full) full.destroy();
    else plain.destroy();
    listeners.clear();
  }

  const widget: LauncherWidget = {
    ready: boot,
    get controller() {
      if (full) return full.controller;
      soon();
      throw new Error(`${LOG_PREFIX} the controller comes with the widget's panel, which is loading now. Read widget.controller once it is there: in an on('stateChange') handler, or after await widget.start().`);
    },
    open() {
      if (full) return full.open();
      wantOpen = true;
      plain.setBusy(true);
      intent();
    },
    close() {
      if (full) return full.close();
      wantOpen = false;
    },
    start: () => (warmEngine(), boot().then((w) => w.start())),
    end: () => boot().then((w) => w.end()),
    on(name, handler) {
      if (full) return full.on(name, handler);
      const l = { name, handler: handler as (payload: never) => void, off: undefined as (() => void) | undefined };
      listeners.add(l);
      soon();
      return () => {
        listeners.delete(l);
        l.off?.();
      };
    },
    getState() {
      if (full) return full.getState();
      soon();
      return IDLE;
    },
    setTheme(next) {
      if (full) return full.setTheme(next);
      if (destroyed) return;
      // The validator comes with the panel: paint what the rules accept now, and let the panel,
      // loaded at once, check the rest (and the contrast) and report a mistake in the console.
      theme = next;
      plain.setTheme(readTheme(next).theme);
      soon();
    },
    destroy,
  };
  return widget;
}
