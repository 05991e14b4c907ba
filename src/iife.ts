/**
 * Script-tag entry. Everything exported here becomes `window.ZoomCobrowseWidget`.
 * On load it mounts one widget from the `data-*` attributes of its own
 * `<script>` tag merged over `window.ZoomCobrowseWidgetConfig`. This file is the
 * launcher alone (src/launcher-widget.ts): the panel is a sibling file it loads on intent.
 */
import { setScriptBase } from './shared/load-script';
import { configFromAttributes } from './script-attributes';
import { createCallQueue } from './preload-queue';
import type { CobrowseConfig } from './config/config';
import { LOG_PREFIX } from './shared/config-error';
import type { CobrowseWidget } from './widget';
import { createLauncherWidget, type LauncherWidget, type PanelPart } from './launcher-widget';
import { loadAudit } from './masking/load-audit';
import type { MaskingAuditFinding, MaskingAuditModule, MaskingConfig } from './masking/types';
import type { CobrowseController } from './core/controller';
import { partGlobal } from './shared/lazy-parts';

export { CobrowseConfigError } from './shared/config-error';

/** Creates a widget (the script tag's one is made by mount()): the launcher now, the panel on intent. */
export const createCobrowseWidget = (config: CobrowseConfig): CobrowseWidget => createLauncherWidget(config);

/**
 * The headless controller. It comes with the panel file, which this file loads on demand:
 * call it once the panel is there (after any widget method, e.g. in an on('stateChange') handler).
 */
export function createCobrowseController(config: CobrowseConfig): CobrowseController {
  const panel = (window as unknown as Record<string, (PanelPart & { createCobrowseController?: (c: CobrowseConfig) => CobrowseController }) | undefined>)[partGlobal('panel')];
  if (!panel?.createCobrowseController) {
    throw new Error(`${LOG_PREFIX} createCobrowseController() comes with zoom-cobrowse-panel.iife.js, which loads on demand and is not here yet. Call it after the panel has loaded, or use the npm package, which has it at hand.`);
  }
  return panel.createCobrowseController(config);
}
export { configFromAttributes } from './script-attributes';

/** The package version. */
export const version: string = __VERSION__;

let instance: LauncherWidget | null = null;
const script = document.currentScript as HTMLScriptElement | null;
type WidgetGlobal = { ZoomCobrowseWidget?: unknown; ZoomCobrowseWidgetConfig?: Partial<CobrowseConfig> };
const page = window as WidgetGlobal;
// Before this script ran, the global was either nothing, the page's call queue (an array),
// or the API of a copy of this script that loaded first.
const before = page.ZoomCobrowseWidget;
const first = before && !Array.isArray(before) && typeof (before as { mount?: unknown }).mount === 'function' ? (before as { version?: string }) : undefined;
const queue = createCallQueue(() => instance);
if (Array.isArray(before)) queue.push(...before);
if (first) {
  console.warn(`${LOG_PREFIX} the widget script was loaded twice (${first.version}, then ${__VERSION__}): the first copy keeps the one widget. Remove the second <script> tag.`);
  // This file's wrapper assigns window.ZoomCobrowseWidget when it finishes: give the global back to the first copy.
  queueMicrotask(() => void (page.ZoomCobrowseWidget = before));
}
// Optional parts (engine, audit, locales) are published beside this file: remember where it came from.
setScriptBase(script?.src);

/** Mounts the script-tag widget (once); `config` is merged over the page's attributes and global config. */
export function mount(config: Partial<CobrowseConfig> = {}): LauncherWidget {
  if (instance) return instance;
  const globalConfig = page.ZoomCobrowseWidgetConfig ?? {};
  const attrs = script ? configFromAttributes(script) : {};
  const merged = { ...globalConfig, ...attrs, ...config } as CobrowseConfig;
  const themes = [globalConfig.theme, attrs.theme, config.theme].filter(Boolean);
  if (themes.length) merged.theme = Object.assign({}, ...themes);
  const sdks = [globalConfig.sdk, attrs.sdk, config.sdk].filter(Boolean);
  if (sdks.length) merged.sdk = Object.assign({}, ...sdks);
  const widget = createLauncherWidget(merged);
  // widget.destroy() called directly must free the slot too, so mount() can create a new one.
  const destroyWidget = widget.destroy;
  widget.destroy = () => {
    destroyWidget();
    if (instance === widget) instance = null;
  };
  instance = widget;
  queue.flush(widget);
  return widget;
}

/**
 * Runs `fn(widget)` with the mounted widget: at once, or as soon as one is mounted.
 * Before this script loads, a page queues the same calls in an array (README, "The script tag").
 */
export const push = (...calls: unknown[]): number => queue.push(...calls);

/**
 * Lists sensitive-looking fields that nothing masks, and prints them as one
 * console group. Loads the audit on first use (it is not part of this file),
 * and checks against the mounted widget's masking unless given another config.
 */
export function auditMasking(root?: ParentNode, masking?: MaskingConfig | false): Promise<MaskingAuditFinding[]> {
  // The mounted widget's masking is validated by its panel: load that first when it is the one to check.
  const w = masking === undefined ? instance : null;
  return (w ? w.ready() : Promise.resolve(undefined))
    .then((full) => loadAudit(full?.controller.config.nonce ?? (script?.nonce || undefined)).then((m) => [full, m as AuditPart] as const))
    .then(([full, m]) => {
      const findings = full ? m.auditFields(root ?? document, full.controller.config.maskingConfig) : m.auditMasking(root ?? document, masking);
      m.reportMaskingAudit(findings);
      return findings;
    });
}

/** The audit's script (src/audit-global.ts), which also validates a masking config it is given. */
type AuditPart = MaskingAuditModule & { auditMasking(root?: ParentNode, config?: MaskingConfig | false): MaskingAuditFinding[] };

function need(): CobrowseWidget {
  if (!instance) throw new Error(`${LOG_PREFIX} no widget is mounted. Add data-sdk-key and data-token-url to the script tag, or call ZoomCobrowseWidget.mount(config).`);
  return instance;
}

/** The auto-mounted widget, or null. */
export const getWidget = (): CobrowseWidget | null => instance;
/** Opens the panel of the mounted widget. */
export const open = (): void => need().open();
/** Closes the panel of the mounted widget. */
export const close = (): void => need().close();
/** Starts the consent flow of the mounted widget. */
export const start = (): Promise<string | null> => need().start();
/** Ends the mounted widget's session. */
export const end = (): Promise<void> => need().end();
/** Listens to an event of the mounted widget. */
export const on: CobrowseWidget['on'] = (name, handler) => need().on(name, handler);
/** State of the mounted widget. */
export const getState: CobrowseWidget['getState'] = () => need().getState();
/** Removes the mounted widget; `mount()` can create a new one afterwards. */
export const destroy = (): void => instance?.destroy();

function autoMount(): void {
  if (first || !script || script.dataset.autoMount === 'false') return;
  try {
    if (script.dataset.sdkKey === undefined && page.ZoomCobrowseWidgetConfig === undefined) {
      // Still read the attributes: a misspelt data-sdk-key or a secret is worth naming.
      configFromAttributes(script);
      console.warn(`${LOG_PREFIX} nothing to mount: add data-sdk-key and data-token-url to the script tag, or set window.ZoomCobrowseWidgetConfig before it (or add data-auto-mount="false" and call ZoomCobrowseWidget.mount(config)).`);
      return;
    }
    mount();
  } catch (err) {
    // A thrown error from a script tag is easy to miss; say it plainly once.
    console.error(err instanceof Error ? err.message : `${LOG_PREFIX} could not mount: ${String(err)}`);
  }
}

if (document.body) autoMount();
else document.addEventListener('DOMContentLoaded', autoMount, { once: true });
