/**
 * Script-tag entry. Everything exported here becomes `window.ZoomCobrowseWidget`.
 * On load it mounts one widget from the `data-*` attributes of its own
 * `<script>` tag merged over `window.ZoomCobrowseWidgetConfig`.
 */
import { setScriptBase } from './shared/load-script';
import type { CobrowseConfig } from './config/config';
import { LOG_PREFIX } from './shared/config-error';
import { createCobrowseWidget, type CobrowseWidget } from './widget';
import { loadAudit } from './masking/load-audit';
import { validateMaskingConfig } from './config/masking';
import type { MaskingAuditFinding, MaskingConfig } from './masking/types';

export { createCobrowseWidget } from './widget';
export { createCobrowseController } from './core/controller';
export { CobrowseConfigError } from './shared/config-error';

/** The package version. */
export const version: string = __VERSION__;

let instance: CobrowseWidget | null = null;
const script = document.currentScript as HTMLScriptElement | null;
// Optional parts (engine, audit, locales) are published beside this file: remember where it came from.
setScriptBase(script?.src);

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  return v === '' || v === 'true' || v === '1';
}

/**
 * Reads the script tag's data attributes into config fields. Unknown data
 * attributes are ignored (the host may use its own), but values are validated
 * like any config.
 */
export function configFromAttributes(el: HTMLElement): Partial<CobrowseConfig> {
  const d = el.dataset;
  const out: Record<string, unknown> = {};
  const theme: Record<string, unknown> = {};
  const sdk: Record<string, unknown> = {};
  if (d.sdkKey !== undefined) out.sdkKey = d.sdkKey;
  if (d.tokenUrl !== undefined) out.token = d.tokenUrl;
  if (d.userId !== undefined) out.userId = d.userId;
  if (d.userName !== undefined) out.userName = d.userName;
  // data-theme-primary, data-theme-on-primary, data-theme-mode, data-theme-radius, …: every theme field.
  for (const [k, v] of Object.entries(d)) if (/^theme[A-Z]/.test(k)) theme[k[5]!.toLowerCase() + k.slice(6)] = v;
  if (d.position !== undefined) theme.position = d.position;
  if (d.locale !== undefined) out.locale = d.locale;
  if (d.privacyUrl !== undefined) out.privacyUrl = d.privacyUrl;
  if (d.sdkUrl !== undefined) sdk.url = d.sdkUrl;
  if (d.sdkVersion !== undefined) sdk.version = d.sdkVersion;
  // The masking validator reads the attribute form itself ("payment,identity", "default,strict", "off").
  if (d.masking !== undefined) out.masking = d.masking as unknown as MaskingConfig;
  if (d.remoteAssist !== undefined) out.remoteAssist = bool(d.remoteAssist);
  if (d.launcher !== undefined) out.launcher = bool(d.launcher);
  if (d.launcherLabel !== undefined || d.launcherIcon !== undefined) {
    out.launcher = out.launcher === false ? false : { ...(d.launcherLabel ? { label: d.launcherLabel } : {}), ...(d.launcherIcon ? { icon: d.launcherIcon } : {}) };
  }
  if (d.recovery !== undefined) out.recovery = d.recovery;
  if (d.multiTab !== undefined) out.multiTab = bool(d.multiTab);
  if (d.debug !== undefined) out.debug = bool(d.debug);
  // A script allowed by a CSP nonce passes the same nonce to what it injects.
  const nonce = d.nonce ?? (el.nonce || el.getAttribute('nonce') || undefined);
  if (nonce) out.nonce = nonce;
  if (Object.keys(theme).length) out.theme = theme;
  if (Object.keys(sdk).length) out.sdk = sdk;
  return out as Partial<CobrowseConfig>;
}

/** Mounts the script-tag widget (once); `config` is merged over the page's attributes and global config. */
export function mount(config: Partial<CobrowseConfig> = {}): CobrowseWidget {
  if (instance) return instance;
  const globalConfig = (window as { ZoomCobrowseWidgetConfig?: Partial<CobrowseConfig> }).ZoomCobrowseWidgetConfig ?? {};
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
  return widget;
}

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
  const wanted = script?.dataset.autoMount !== 'false';
  const hasConfig = !!(script?.dataset.sdkKey || (window as { ZoomCobrowseWidgetConfig?: unknown }).ZoomCobrowseWidgetConfig);
  if (!wanted || !hasConfig) return;
  try {
    mount();
  } catch (err) {
    // A thrown error from a script tag is easy to miss; say it plainly once.
    console.error(err instanceof Error ? err.message : `${LOG_PREFIX} could not mount: ${String(err)}`);
  }
}

if (document.body) autoMount();
else document.addEventListener('DOMContentLoaded', autoMount, { once: true });
