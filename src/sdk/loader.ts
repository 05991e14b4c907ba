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

function globalSdk(): ZoomCobrowseSDK | undefined {
  const g = (globalThis as { ZoomCobrowseSDK?: Partial<ZoomCobrowseSDK> & { init?: unknown } }).ZoomCobrowseSDK;
  return g && typeof g.init === 'function' ? (g as ZoomCobrowseSDK) : undefined;
}

/** Creates the loader. Nothing touches the network until `warm()` or `load()`. */
export function createSdkLoader(options: SdkLoaderOptions): SdkLoader {
  const url = options.module ? undefined : (options.url ?? sdkCdnUrl(options.sdkKey, options.version));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const added: Element[] = [];
  let pending: Promise<ZoomCobrowseSDK> | undefined;
  let warmed = false;

  const doc = (): Document => options.document ?? document;

  const addHint = (rel: string, href: string, as?: string): void => {
    const link = doc().createElement('link');
    link.rel = rel;
    link.href = href;
    if (as) link.as = as;
    if (rel === 'preconnect') link.crossOrigin = 'anonymous';
    if (options.nonce) link.nonce = options.nonce;
    doc().head.appendChild(link);
    added.push(link);
  };

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
      if (warmed || !url || pending || globalSdk()) return;
      warmed = true;
      // sdk.url may be relative (self-hosting): resolve it against the page first.
      addHint('preconnect', new URL(url, doc().baseURI).origin);
      // A prefetch hint can't carry a CSP nonce, so under a nonce-based policy it would be
      // reported as a violation: such pages get the preconnect only.
      if (!options.nonce) addHint('prefetch', url, 'script');
    },
    dispose() {
      for (const el of added.splice(0)) el.remove();
    },
  };
}
