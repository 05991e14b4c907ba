import { createCobrowseWidget } from '../../src/widget';
import type { CobrowseConfig } from '../../src/config/config';
import type { ControllerDeps } from '../../src/core/controller';
import { createFakeCobrowseSdk, type FakeSdkOptions } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import * as auditModule from '../../src/masking/audit';
import { createManualClock } from './manual-clock';
import { loadEngine, SDK_KEY } from './setup';

const mountedWidgets: Array<{ destroy(): void }> = [];

/** Destroys every widget the tests mounted (one widget per page is allowed at a time). */
export function cleanupWidgets(): void {
  for (const w of mountedWidgets.splice(0)) w.destroy();
  document.body.innerHTML = '';
}

/** Mounts the real widget on happy-dom with the fake SDK, a manual clock and an in-memory token. */
export function setupWidget(overrides: Partial<CobrowseConfig> = {}, fakeOptions: FakeSdkOptions = {}, deps: ControllerDeps = {}) {
  const clock = createManualClock();
  const fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, clock, storage: null, sharedStorage: null, generatePin: () => '482913', ...fakeOptions });
  const widget = createCobrowseWidget(
    { sdkKey: SDK_KEY, token: async () => createFakeToken({ sdkKey: SDK_KEY, now: clock.now() }), ...overrides },
    {
      clock,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      loadEngine,
      // happy-dom runs on localhost, where the audit runs at every start: already imported, so a
      // cold dynamic import can't outlast the manual clock.
      loadAudit: async () => auditModule,
      loader: { load: async () => fake.sdk, warm() {}, dispose() {} },
      ...deps,
    },
  );
  mountedWidgets.push(widget);
  // The widget builds itself in the next idle period; tests want it now (any method call boots it).
  void widget.controller;
  const host = document.querySelector<HTMLElement>('[data-zoom-cobrowse-widget]')!;
  const root = host.shadowRoot!;
  const q = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E & HTMLElement>(sel);
  const click = async (sel: string) => {
    const el = q(sel);
    if (!el) throw new Error(`nothing matches ${sel}; state=${widget.getState().state}; html=${root.innerHTML.slice(0, 400)}`);
    el.click();
    await clock.flush();
  };
  const text = () => (q('.root')?.textContent ?? '').replace(/\s+/g, ' ');
  /** What a visitor does to share: open the panel, accept consent, let the start run. Then the PIN shows, or the error the fake was told to raise. */
  const share = async () => {
    widget.open();
    await clock.flush();
    await click('[data-action="accept"]');
    await clock.advance(100);
  };
  return { widget, fake, clock, host, root, q, click, text, share };
}
