import { createFakeCobrowseSdk, type FakeSdkOptions } from './fake-sdk';
import { createFakeToken } from './jwt';

/**
 * Script build of the fake: served in place of Zoom's CDN script, it defines
 * `window.ZoomCobrowseSDK` like the real bundle, plus `window.ZoomCobrowseFake`
 * (the control handle). Options can be set beforehand in
 * `window.ZoomCobrowseFakeOptions`. The SDK key is read from the script URL
 * (`…/sdk/{key}/js`) as Zoom's CDN does.
 */
const w = window as unknown as {
  ZoomCobrowseSDK?: unknown;
  ZoomCobrowseFakeOptions?: FakeSdkOptions;
};
const src = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
const key = /\/sdk\/([^/]+)\/js/.exec(src)?.[1];
const fake = createFakeCobrowseSdk({ ...(key ? { sdkKey: decodeURIComponent(key) } : {}), ...w.ZoomCobrowseFakeOptions });
w.ZoomCobrowseSDK = fake.sdk;
window.addEventListener('pagehide', () => fake.touch());

// The IIFE build assigns this default export to window.ZoomCobrowseFake.
export default Object.assign(fake, { createFakeToken });
