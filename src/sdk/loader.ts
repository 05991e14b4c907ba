import { cobrowseError } from '../shared/errors';
import { loadScript } from '../shared/load-script';
import type { Clock } from '../shared/timers';
import type { ZoomCobrowseSDK } from './types';

/** Zoom's CDN host [H]; the only origin the widget loads code from. */
export const ZOOM_CDN_ORIGIN = 'https://us01-zcb.zoom.us';

/** Options for {@link createSdkLoader}. */
export interface SdkLoaderOptions {
  /** The public SDK key; part of the CDN path. */
  sdkKey: string;
  /** Pin a build (`3.6.0`) or a line (`3.6.x`); omitted takes Zoom's default. */
  version?: string;
  /** Full script URL, overriding the CDN one (self-hosting, tests). */
  url?: string;
  /** An already imported SDK object (npm `@zoom/cobrowsesdk/customer`); no script is injected. */
  module?: ZoomCobrowseSDK;
  /** CSP nonce put on the injected script and hints. */
  nonce?: string;
  /** Give up on the script after this long. */
  timeoutMs?: number;
  /** Injected for tests and SSR safety. */
  document?: Document;
  /** Time for the load timeout. @default the real clock */
  clock?: Clock;
}

/** Loads the SDK once, on first need. */
export interface SdkLoader {
  /** The script URL that `load` injects (undefined in module mode). */
  readonly url: string | undefined;
  /** Resolves with the SDK object; the script is injected on the first call only. */
  load(): Promise<ZoomCobrowseSDK>;
  /** Preconnect + prefetch the script: cheap hints sent on hover/focus, before intent. */
  warm(): void;
  /** Removes hints and the script tag this loader added. */
  dispose(): void;
}

/** Builds the CDN URL: `https://us01-zcb.zoom.us/static/resource/sdk/{sdkKey}/js[/{version}]`. */
export function sdkCdnUrl(sdkKey: string, version?: string): string {
  const base = `${ZOOM_CDN_ORIGIN}/static/resource/sdk/${encodeURIComponent(sdkKey)}/js`;
  return version ? `${base}/${encodeURIComponent(version)}` : base;
}

/** Where the SDK comes from: the key, a pinned version, a self-hosted URL or an imported module. */
export interface SdkSource {
  sdkKey: string;
  version?: string | undefined;
  url?: string | undefined;
  module?: ZoomCobrowseSDK | undefined;
}

/** The script URL a loader for `source` injects; undefined in module mode (nothing to fetch). */
export function sdkScriptUrl(source: SdkSource): string | undefined {
  return source.module ? undefined : (source.url ?? sdkCdnUrl(source.sdkKey, source.version));
}

/**
 * Preconnect + prefetch for the SDK `source` loads, unless there is nothing to fetch (module
 * mode, an SDK already on the page); returns the hint elements it added.
 */
export function hintSdk(source: SdkSource, options: { nonce?: string | undefined; document: Document }): HTMLLinkElement[] {
  const url = sdkScriptUrl(source);
  return url && !globalSdk() ? addSdkHints(url, options) : [];
}

/**
 * Adds `<link rel=preconnect>` to the SDK's origin and `<link rel=prefetch as=script>` for it,
 * leaving out any the page already has (the controller hints as soon as the consent step shows,
 * and the engine's loader, arriving later, must not ask twice); returns the elements it added.
 * A prefetch hint can't carry a CSP nonce, so under a nonce-based policy it would be reported as a
 * violation: with a nonce only the preconnect is added.
 */
function addSdkHints(url: string, options: { nonce?: string | undefined; document: Document }): HTMLLinkElement[] {
  const doc = options.document;
  const added: HTMLLinkElement[] = [];
  const add = (rel: string, href: string, as?: string): void => {
    if (Array.from(doc.head.querySelectorAll?.('link') ?? []).some((l) => l.rel === rel && l.getAttribute('href') === href)) return;
    const link = doc.createElement('link');
    link.rel = rel;
    link.href = href;
    if (as) link.as = as;
    if (rel === 'preconnect') link.crossOrigin = 'anonymous';
    if (options.nonce) link.nonce = options.nonce;
    doc.head.appendChild(link);
    added.push(link);
  };
  // sdk.url may be relative (self-hosting): resolve it against the page first.
  add('preconnect', new URL(url, doc.baseURI).origin);
  if (!options.nonce) add('prefetch', url, 'script');
  return added;
}

function globalSdk(): ZoomCobrowseSDK | undefined {
  const g = (globalThis as { ZoomCobrowseSDK?: Partial<ZoomCobrowseSDK> & { init?: unknown } }).ZoomCobrowseSDK;
  return g && typeof g.init === 'function' ? (g as ZoomCobrowseSDK) : undefined;
}

/** Creates the loader. Nothing touches the network until `warm()` or `load()`. */
export function createSdkLoader(options: SdkLoaderOptions): SdkLoader {
  const url = sdkScriptUrl(options);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const added: Element[] = [];
  let pending: Promise<ZoomCobrowseSDK> | undefined;
  let warmed = false;

  const doc = (): Document => options.document ?? document;

  const inject = async (src: string): Promise<ZoomCobrowseSDK> => {
    // A page that already has the SDK (e.g. Zoom's own snippet) must not load it twice.
    const existing = globalSdk();
    if (existing) return existing;
    const { done, element } = loadScript(src, { nonce: options.nonce, timeoutMs, document: doc(), clock: options.clock });
    added.push(element);
    try {
      await done;
    } catch (failure) {
      throw failure === 'timeout'
        ? cobrowseError('sdk-load-timeout', `${src} did not load within ${timeoutMs} ms.`)
        : cobrowseError('sdk-load-failed', `Could not load ${src}. Common causes: a Content-Security-Policy without ${ZOOM_CDN_ORIGIN} in script-src, an ad or tracker blocker, or no network.`);
    }
    const sdk = globalSdk();
    if (!sdk) throw cobrowseError('sdk-missing-global', `${src} loaded but did not define window.ZoomCobrowseSDK.init. Check the SDK key and version in the URL.`);
    return sdk;
  };

  return {
    url,
    load() {
      if (options.module) {
        const mod = options.module;
        return typeof mod.init === 'function'
          ? Promise.resolve(mod)
          : Promise.reject(cobrowseError('sdk-missing-global', 'config.sdk.module has no init(): pass the ZoomCobrowseSDK export of @zoom/cobrowsesdk/customer.'));
      }
      // A failed load is forgotten so that Retry injects the script again.
      pending ??= inject(url as string).catch((err: unknown) => {
        pending = undefined;
        throw err;
      });
      return pending;
    },
    warm() {
      if (warmed || !url || pending) return;
      warmed = true;
      added.push(...hintSdk(options, { nonce: options.nonce, document: doc() }));
    },
    dispose() {
      for (const el of added.splice(0)) el.remove();
    },
  };
}
