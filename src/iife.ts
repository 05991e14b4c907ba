/**
 * Script-tag entry. Everything exported here becomes `window.ZoomCobrowseWidget`.
 * On load it mounts one widget from the `data-*` attributes of its own
 * `<script>` tag merged over `window.ZoomCobrowseWidgetConfig`.
 */
import { setScriptBase } from './shared/load-script';
import { configFromAttributes } from './script-attributes';
import { createCallQueue } from './preload-queue';
import type { CobrowseConfig } from './config/config';
import { LOG_PREFIX } from './shared/config-error';
import { createCobrowseWidget, type CobrowseWidget } from './widget';
import { loadAudit } from './masking/load-audit';
import { validateMaskingConfig } from './config/masking';
import type { MaskingAuditFinding, MaskingConfig } from './masking/types';

export { createCobrowseWidget } from './widget';
export { createCobrowseController } from './core/controller';
export { CobrowseConfigError } from './shared/config-error';
export { configFromAttributes } from './script-attributes';

/** The package version. */
export const version: string = __VERSION__;

let instance: CobrowseWidget | null = null;
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
export function mount(config: Partial<CobrowseConfig> = {}): CobrowseWidget {
  if (instance) return instance;
  const globalConfig = page.ZoomCobrowseWidgetConfig ?? {};
  const attrs = script ? configFromAttributes(script) : {};
  const merged = { ...globalConfig, ...attrs, ...config } as CobrowseConfig;
  const themes = [globalConfig.theme, attrs.theme, config.theme].filter(Boolean);
  if (themes.length) merged.theme = Object.assign({}, ...themes);
  const sdks = [globalConfig.sdk, attrs.sdk, config.sdk].filter(Boolean);
  if (sdks.length) merged.sdk = Object.assign({}, ...sdks);
  const widget = createCobrowseWidget(merged);
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
  const cfg = instance?.controller.config;
  return loadAudit(cfg?.nonce).then((m) => {
    const findings = m.auditFields(root ?? document, masking === undefined ? cfg?.maskingConfig : validateMaskingConfig(masking));
    m.reportMaskingAudit(findings);
    return findings;
  });
}

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
