// Shared by the React and Vue adapter tests: a config that reaches a PIN against the fake SDK,
// and where the widget shows up in the page.
import { createFakeToken } from '../../src/testing/jwt';
import type { FakeCobrowseSdk } from '../../src/testing/fake-sdk';
import type { CobrowseConfig } from '../../src/config/config';

export const SDK_KEY = 'test-sdk-key';

/** A config that reaches a PIN against the fake SDK, passed as Zoom's npm module (BYOP tokens). */
export const frameworkConfig = (fake: FakeCobrowseSdk) =>
  ({
    sdkKey: SDK_KEY,
    token: async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true }),
    sdk: { module: fake.sdk },
    recovery: 'off',
    masking: false,
  }) satisfies CobrowseConfig;

/** Every widget host element in the page. */
export const hosts = (): NodeListOf<HTMLElement> => document.querySelectorAll<HTMLElement>('[data-zoom-cobrowse-widget]');
/** The first widget's launcher, once it is built. */
export const launcher = (): HTMLElement | null | undefined => hosts()[0]?.shadowRoot?.querySelector<HTMLElement>('[data-part="launcher"]');
