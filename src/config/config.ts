import type { ZoomCobrowseSDK } from '../sdk/types';
import type { MaskingConfig } from '../masking/types';
import { validateMaskingConfig } from './masking';
import { CobrowseConfigError } from '../shared/config-error';
import { resolveUiConfig, type CobrowseUiConfig, type CosmeticErrorReporter, type ResolvedUiConfig } from './ui';
import { DEFAULT_POSITION } from './theme';
import { resolveSdkKey, resolveToken } from './essentials';
import { checkObject, describe, isPlainObject, optBoolean, optNumber, optOneOf, optString, optWebUrl } from '../shared/validate';

export type { CobrowseTheme, WidgetPosition, ThemeMode } from './theme';
export type { CobrowseLauncherOptions, LauncherIcon } from './ui';
export type { CobrowseLabels } from '../i18n/translator';

/** What a token function receives. */
export interface TokenRequest {
  /** Always 1 (customer): the widget never asks for agent tokens. */
  role: 1;
  userId?: string;
  userName?: string;
  /** Aborted when the visitor cancels or the request times out. */
  signal: AbortSignal;
}

/** Returns a customer JWT signed by the site's backend. */
export type TokenFunction = (request: TokenRequest) => Promise<string | { token: string } | { sdkToken: string }>;

/** Where the Zoom SDK comes from. */
export interface CobrowseSdkConfig {
  /** Pin a CDN build (`3.6.0`) or line (`3.6.x`). @default Zoom's default build */
  version?: string;
  /** Load the SDK script from this http(s) or relative URL instead of Zoom's CDN (self-hosting, tests). */
  url?: string;
  /** The imported `ZoomCobrowseSDK` from `@zoom/cobrowsesdk/customer`; needs BYOP tokens. */
  module?: ZoomCobrowseSDK;
  /** Give up loading the SDK after this many ms. @default 20000 */
  loadTimeoutMs?: number;
  /** When Zoom's SDK may be fetched ahead of the start: once the consent step shows, already on hover/focus of the launcher, or never. Nothing reaches Zoom before then (README, "Performance"). @default 'consent' */
  prefetch?: 'consent' | 'hover' | false;
}

/** Remote assist: the agent may scroll the visitor's page. */
export interface CobrowseRemoteAssistConfig {
  /** Zoom shows the visitor its own consent pop-up before the agent takes over. @default true */
  requireConsent?: boolean;
  /** Ask the visitor to confirm before remote assist stops. */
  requireStopConfirmation?: boolean;
}

/** Annotations: drawing on the shared page. See docs/zoom-sdk.md, "Settings", for what each Zoom build reads. */
export interface CobrowseAnnotationsConfig {
  /** The agent may draw. Only Zoom builds before 2.11 read it; since 2.11 it is the agent desk's setting (a console warning says so). */
  agent?: boolean;
  /** The visitor may draw. */
  customer?: boolean;
  /** Drawings stay on the content they mark when the page scrolls (Zoom 2.11+). */
  followScroll?: boolean;
}

/** The widget's configuration. Only `sdkKey` and `token` are required. The UI fields (theme, launcher, locale, labels, privacyUrl) are in CobrowseUiConfig. */
export interface CobrowseConfig extends CobrowseUiConfig {
  /** Your Zoom Cobrowse SDK key (public; not the secret). */
  sdkKey: string;
  /** Token endpoint URL (POST `{ role: 1, userId?, userName? }` → `{ token }` or `{ sdkToken }`) or an async function returning the token. */
  token: string | TokenFunction;
  /** Sent to the token endpoint to identify the visitor. */
  userId?: string;
  /** Sent to the token endpoint as the visitor's display name. */
  userName?: string;
  /** Where the SDK is loaded from. */
  sdk?: CobrowseSdkConfig;
  /** CSP nonce for the widget's `<style>` and the SDK `<script>`. */
  nonce?: string;
  /** Element (or selector) the widget mounts into. @default document.body */
  container?: HTMLElement | string;
  /** Privacy masking: presets and selectors the agent never sees. `false` turns masking off. @default { presets: ['payment', 'credentials'] } */
  masking?: MaskingConfig | false;
  /** Let the agent scroll the page: `true` or options. @default false */
  remoteAssist?: boolean | CobrowseRemoteAssistConfig;
  /** Who may draw on the shared page, and how drawings behave. @default Zoom's portal settings */
  annotations?: CobrowseAnnotationsConfig;
  /** Bring-your-own PIN (1–10 letters/digits; needs `enable_byop` tokens). Generated when `sdk.module` is used and this is absent. */
  customPin?: string | (() => string);
  /** Give up on the token endpoint after this many ms. @default 10000 */
  tokenTimeoutMs?: number;
  /** Give up if no PIN arrives this long after starting. @default 30000 */
  startTimeoutMs?: number;
  /** After a refresh or navigation inside Zoom's 2-minute window: resume automatically, ask first, or do nothing. @default 'auto' */
  recovery?: 'auto' | 'prompt' | 'off';
  /** Keep the session across tabs of this site (Zoom's multiTabSessionPersistence; with sdk.module a console warning says Zoom documents it for the CDN build). @default false */
  multiTab?: boolean;
  /** Log SDK events and decisions to the console. @default false */
  debug?: boolean;
  /** End the session after this many minutes (1–1440), with a countdown in the last two and a "Keep sharing for 10 more minutes" button. @default no limit */
  maxDurationMinutes?: number;
  /** "Was this helpful? 👍 👎" after a session, POSTed as JSON `{ rating, comment?, summary }` to your own `url` (http(s) or relative). @default off */
  feedback?: { url: string };
  /** Script tag: when the panel file is fetched before anyone presses the launcher: in an idle period a few seconds after load, on the first sign of intent, or only on a click. @default 'idle' */
  prefetch?: 'idle' | 'intent' | false;
}

/** The config after validation and defaults. */
export interface ResolvedConfig extends ResolvedUiConfig {
  sdkKey: string;
  token: string | TokenFunction;
  userId: string | undefined;
  userName: string | undefined;
  sdk: { version: string | undefined; url: string | undefined; module: ZoomCobrowseSDK | undefined; loadTimeoutMs: number; prefetch: 'consent' | 'hover' | false };
  prefetch: 'idle' | 'intent' | false;
  nonce: string | undefined;
  container: HTMLElement | string | undefined;
  /** The validated masking config (false when masking is off); the engine compiles it on intent. */
  maskingConfig: MaskingConfig | false;
  remoteAssist: { requireConsent: boolean; requireStopConfirmation: boolean | undefined } | null;
  annotations: CobrowseAnnotationsConfig;
  customPin: string | (() => string) | undefined;
  tokenTimeoutMs: number;
  startTimeoutMs: number;
  recovery: 'auto' | 'prompt' | 'off';
  multiTab: boolean;
  debug: boolean;
  maxDurationMinutes: number | undefined;
  feedback: { url: string } | null;
}

/** Defaults for every optional field, in one place. */
export const DEFAULT_CONFIG = {
  position: DEFAULT_POSITION,
  loadTimeoutMs: 20_000,
  tokenTimeoutMs: 10_000,
  startTimeoutMs: 30_000,
  launcher: true,
  recovery: 'auto' as 'auto' | 'prompt' | 'off',
  multiTab: false,
  debug: false,
} as const;

/** Every top-level config field (the README's reference table is checked against this list). */
export const CONFIG_FIELDS: readonly string[] = [
  'sdkKey', 'token', 'userId', 'userName', 'sdk', 'nonce', 'container', 'theme', 'masking',
  'remoteAssist', 'annotations', 'customPin', 'tokenTimeoutMs', 'startTimeoutMs', 'launcher', 'recovery', 'multiTab', 'debug',
  'locale', 'labels', 'privacyUrl', 'siteName', 'pinNotice', 'maxDurationMinutes', 'feedback', 'prefetch',
] as const;
/** One of `values`, or false (turned off). */
function oneOfOrFalse<T extends string>(value: unknown, path: string, values: readonly T[]): T | false | undefined {
  return value === false ? false : optOneOf(value, path, values);
}

function resolveCustomPin(value: unknown): string | (() => string) | undefined {
  if (value === undefined || typeof value === 'function') return value as (() => string) | undefined;
  if (typeof value !== 'string' || !/^[a-z0-9]{1,10}$/i.test(value)) {
    throw new CobrowseConfigError('customPin', `expected 1 to 10 letters or digits (Zoom's BYOP rule) or a function returning one, got ${describe(value)}.`);
  }
  return value;
}

function resolveRemoteAssist(value: unknown): ResolvedConfig['remoteAssist'] {
  if (value === undefined || value === false) return null;
  if (value === true) return { requireConsent: true, requireStopConfirmation: undefined };
  const o = checkObject(value, 'remoteAssist', ['requireConsent', 'requireStopConfirmation']);
  return {
    requireConsent: optBoolean(o.requireConsent, 'remoteAssist.requireConsent') ?? true,
    requireStopConfirmation: optBoolean(o.requireStopConfirmation, 'remoteAssist.requireStopConfirmation'),
  };
}

function resolveFeedback(value: unknown): ResolvedConfig['feedback'] {
  if (value === undefined) return null;
  const o = checkObject(value, 'feedback', ['url']);
  // Required (null is refused like any non-URL): ratings go to the site's own endpoint, never anywhere else.
  return { url: optWebUrl(o.url ?? null, 'feedback.url')! };
}

function resolveContainer(value: unknown): HTMLElement | string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'object' && value !== null && (value as Node).nodeType === 1) return value as HTMLElement;
  throw new CobrowseConfigError('container', `expected an element or a CSS selector string, got ${describe(value)}.`);
}

/** Options for {@link resolveConfig}. */
export interface ResolveConfigOptions {
  /**
   * Receives each mistake in a cosmetic field (theme, labels, launcher, locale, privacyUrl),
   * which then keeps its default, so the visitor keeps the help button. Without it such a
   * mistake throws like any other. Mistakes in anything else (sdkKey, token, masking,
   * remoteAssist …) always throw: those decide whether and what the widget may share.
   */
  onCosmeticError?: CosmeticErrorReporter;
}

/**
 * Validates a config and fills in defaults. Throws {@link CobrowseConfigError}
 * naming the first bad field and what it accepts.
 */
export function resolveConfig(input: unknown, options: ResolveConfigOptions = {}): ResolvedConfig {
  if (!isPlainObject(input)) {
    throw new CobrowseConfigError('(config)', `expected an object like { sdkKey, token }, got ${describe(input)}.`);
  }
  const c = checkObject(input, '', CONFIG_FIELDS);
  const sdkKey = resolveSdkKey(c.sdkKey);

  const sdk = c.sdk === undefined ? {} : checkObject(c.sdk, 'sdk', ['version', 'url', 'module', 'loadTimeoutMs', 'prefetch']);
  if (sdk.module !== undefined && (typeof sdk.module !== 'object' || sdk.module === null || typeof (sdk.module as ZoomCobrowseSDK).init !== 'function')) {
    throw new CobrowseConfigError('sdk.module', 'expected the ZoomCobrowseSDK object from "@zoom/cobrowsesdk/customer" (it has an init() method).');
  }
  if (sdk.module !== undefined && (sdk.url !== undefined || sdk.version !== undefined)) {
    throw new CobrowseConfigError('sdk.module', 'cannot be combined with sdk.url or sdk.version: an imported module is not loaded from a URL.');
  }
  const sdkUrl = optString(sdk.url, 'sdk.url', 'a script URL');
  if (sdkUrl !== undefined) {
    let scheme: string | undefined;
    try {
      scheme = new URL(sdkUrl, 'https://relative.invalid/').protocol;
    } catch {
      throw new CobrowseConfigError('sdk.url', `${describe(sdkUrl)} is not a URL.`);
    }
    // The script runs with the page's rights: a data: or blob: URL would run whatever text the config holds.
    if (!/^https?:$/.test(scheme)) throw new CobrowseConfigError('sdk.url', `${describe(sdkUrl)} is not an http(s) or relative URL. Serve the SDK script from your site or a CDN.`);
  }
  // With sdk.module this is allowed but warned about once the engine loads (docs/zoom-sdk.md, "Loading").
  const multiTab = optBoolean(c.multiTab, 'multiTab') ?? DEFAULT_CONFIG.multiTab;
  const annotations = c.annotations === undefined ? {} : checkObject(c.annotations, 'annotations', ['agent', 'customer', 'followScroll']);
  const agent = optBoolean(annotations.agent, 'annotations.agent');
  const customer = optBoolean(annotations.customer, 'annotations.customer');
  const followScroll = optBoolean(annotations.followScroll, 'annotations.followScroll');

  return {
    sdkKey,
    token: resolveToken<TokenFunction>(c.token),
    userId: optString(c.userId, 'userId'),
    userName: optString(c.userName, 'userName'),
    sdk: {
      version: optString(sdk.version, 'sdk.version', 'a version such as "3.6.0" or "3.6.x"'),
      url: sdkUrl,
      module: sdk.module as ZoomCobrowseSDK | undefined,
      loadTimeoutMs: optNumber(sdk.loadTimeoutMs, 'sdk.loadTimeoutMs', 1000, 120_000) ?? DEFAULT_CONFIG.loadTimeoutMs,
      prefetch: oneOfOrFalse(sdk.prefetch, 'sdk.prefetch', ['consent', 'hover'] as const) ?? 'consent',
    },
    prefetch: oneOfOrFalse(c.prefetch, 'prefetch', ['idle', 'intent'] as const) ?? 'idle',
    nonce: optString(c.nonce, 'nonce'),
    container: resolveContainer(c.container),
    remoteAssist: resolveRemoteAssist(c.remoteAssist),
    annotations: { ...(agent !== undefined ? { agent } : {}), ...(customer !== undefined ? { customer } : {}), ...(followScroll !== undefined ? { followScroll } : {}) },
    customPin: resolveCustomPin(c.customPin),
    tokenTimeoutMs: optNumber(c.tokenTimeoutMs, 'tokenTimeoutMs', 500, 120_000) ?? DEFAULT_CONFIG.tokenTimeoutMs,
    startTimeoutMs: optNumber(c.startTimeoutMs, 'startTimeoutMs', 1000, 300_000) ?? DEFAULT_CONFIG.startTimeoutMs,
    recovery: optOneOf(c.recovery, 'recovery', ['auto', 'prompt', 'off'] as const) ?? DEFAULT_CONFIG.recovery,
    multiTab,
    debug: optBoolean(c.debug, 'debug') ?? DEFAULT_CONFIG.debug,
    maxDurationMinutes: optNumber(c.maxDurationMinutes, 'maxDurationMinutes', 1, 1440),
    feedback: resolveFeedback(c.feedback),
    // theme, launcher, locale, labels, privacyUrl: validated by the UI layer that owns them.
    ...resolveUiConfig(c, options.onCosmeticError),
    maskingConfig: validateMaskingConfig(c.masking, 'masking'),
  };
}
