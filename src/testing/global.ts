import { createFakeCobrowseSdk, type FakeSdkOptions } from './fake-sdk';
import { createFakeToken } from './jwt';

/**
 * Script build of the fake: served in place of Zoom's CDN script, it defines
 * `window.ZoomCobrowseSDK` like the real bundle, plus `window.ZoomCobrowseFake`
 * (the control handle). Options can be set beforehand in
 * `window.ZoomCobrowseFakeOptions`. The SDK key and a pinned version are read
 * from the script URL (`…/sdk/{key}/js[/{version}]`) as Zoom's CDN does.
 */
const w = window as unknown as {
  ZoomCobrowseSDK?: unknown;
  ZoomCobrowseFakeOptions?: FakeSdkOptions;
};
const src = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
const [, key, version] = /\/sdk\/([^/]+)\/js(?:\/([^/?#]+))?/.exec(src) ?? [];
const fake = createFakeCobrowseSdk({
  ...(key ? { sdkKey: decodeURIComponent(key) } : {}),
  ...(version ? { version: decodeURIComponent(version) } : {}),
  ...w.ZoomCobrowseFakeOptions,
});
w.ZoomCobrowseSDK = fake.sdk;
window.addEventListener('pagehide', () => fake.touch());

// The IIFE build assigns this default export to window.ZoomCobrowseFake.
export default Object.assign(fake, { createFakeToken });
