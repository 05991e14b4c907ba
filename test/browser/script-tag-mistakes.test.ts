// What a site owner gets when the script tag is used the way real pages use it: calls queued
// before an async script arrives, and the mistakes people make in the tag itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SCRIPT = () => `${h.server.origin}/dist/zoom-cobrowse-widget.iife.js`;

/** A page with the given script tag(s); returns the widget's console lines by type. */
async function load(page: Page, body: string, wait = 300): Promise<{ warn: string[]; error: string[] }> {
  const lines = { warn: [] as string[], error: [] as string[] };
  page.on('console', (m) => {
    const type = m.type() === 'warning' ? 'warn' : m.type();
    if ((type === 'warn' || type === 'error') && m.text().startsWith('[zoom-cobrowse-widget]')) lines[type].push(m.text());
  });
  await page.goto(`${h.server.origin}/test/browser/pages/blank.html`);
  await page.setContent(`<!doctype html><html><body><main><h1>Shop</h1></main>${body}</body></html>`, { waitUntil: 'load' });
  await page.waitForTimeout(wait);
  return lines;
}
const launchers = (page: Page) => page.locator('[data-zoom-cobrowse-widget]').count();

describe('the pre-load queue', () => {
  it('runs calls queued before a slow async script, in order and once; later pushes run at once', async () => {
    const { page } = await h.newPage();
    // The widget's script takes 800 ms to arrive: the page's own code runs first.
    await page.route('**/dist/zoom-cobrowse-widget.iife.js', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    const lines = await load(
      page,
      `<script>
        window.calls = [];
        window.ZoomCobrowseWidget = window.ZoomCobrowseWidget || [];
        ZoomCobrowseWidget.push(function (w) { calls.push('first:' + typeof w.open); });
        ZoomCobrowseWidget.push(function () { throw new Error('boom'); });
        ZoomCobrowseWidget.push(function (w) { calls.push('third:' + w.getState().state); });
      </script>
      <script async src="${SCRIPT()}" data-sdk-key="test-sdk-key" data-token-url="/api/cobrowse/token"></script>`,
      1500,
    );
    expect(await page.evaluate(() => (window as any).calls)).toEqual(['first:function', 'third:idle']);
    expect(lines.error).toEqual([expect.stringMatching(/^\[zoom-cobrowse-widget\] ZoomCobrowseWidget\.push\(\) entry 2 threw; the other entries still run\./)]);
    // After load the global is the API, and push() calls at once.
    const after = await page.evaluate(() => {
      const api = (window as any).ZoomCobrowseWidget;
      let seen = '';
      api.push((w: any) => (seen = w === api.getWidget() ? 'same widget' : 'other'));
      return [Array.isArray(api), seen];
    });
    expect(after).toEqual([false, 'same widget']);
    expect(await page.evaluate(() => (window as any).calls.length)).toBe(2);
    expect(await launchers(page)).toBe(1);
  });

  it('with data-auto-mount="false" queued calls wait for mount()', async () => {
    const { page } = await h.newPage();
    await load(
      page,
      `<script>window.ZoomCobrowseWidget = [function (w) { window.got = w.getState().state; }];</script>
       <script src="${SCRIPT()}" data-auto-mount="false"></script>`,
    );
    expect(await page.evaluate(() => (window as any).got)).toBeUndefined();
    await page.evaluate(() => (window as any).ZoomCobrowseWidget.mount({ sdkKey: 'test-sdk-key', token: '/api/cobrowse/token' }));
    expect(await page.evaluate(() => (window as any).got)).toBe('idle');
  });
});

describe('script-tag mistakes are reported, never silent', () => {
  it('neither data-sdk-key nor ZoomCobrowseWidgetConfig: one line says what is missing', async () => {
    const { page } = await h.newPage();
    const lines = await load(page, `<script src="${SCRIPT()}"></script>`);
    expect(lines.warn).toEqual([
      '[zoom-cobrowse-widget] nothing to mount: add data-sdk-key and data-token-url to the script tag, or set window.ZoomCobrowseWidgetConfig before it (or add data-auto-mount="false" and call ZoomCobrowseWidget.mount(config)).',
    ]);
    expect(lines.error).toEqual([]);
    expect(await launchers(page)).toBe(0);
  });

  it('a misspelt attribute is named with the one it most likely meant', async () => {
    const { page } = await h.newPage();
    const lines = await load(page, `<script src="${SCRIPT()}" data-sdk-key="test-sdk-key" data-token-ur="/api/cobrowse/token" data-analytics-id="ga-1"></script>`);
    expect(lines.warn).toEqual(['[zoom-cobrowse-widget] the script tag has data-token-ur, which the widget does not read. Did you mean data-token-url?']);
    // The token is then missing, which is a config error.
    expect(lines.error).toEqual([expect.stringContaining('[zoom-cobrowse-widget] Invalid config "token": required.')]);

    const other = await h.newPage();
    const lines2 = await load(other.page, `<script src="${SCRIPT()}" data-sdkkey="test-sdk-key" data-token-url="/api/cobrowse/token"></script>`);
    expect(lines2.warn[0]).toBe('[zoom-cobrowse-widget] the script tag has data-sdkkey, which the widget does not read. Did you mean data-sdk-key?');
    expect(lines2.warn[1]).toMatch(/^\[zoom-cobrowse-widget\] nothing to mount/);
  });

  it('data-sdk-secret is refused as loudly as a sdkSecret config field, and nothing mounts', async () => {
    const { page } = await h.newPage();
    const lines = await load(page, `<script src="${SCRIPT()}" data-sdk-key="test-sdk-key" data-token-url="/t" data-sdk-secret="s3cr3t"></script>`);
    expect(lines.error).toEqual([
      '[zoom-cobrowse-widget] Invalid config "data-sdk-secret": secrets must never be put in browser config: anyone can read them. Keep the SDK secret on your server and sign tokens there (see zoom-cobrowse-widget/server); pass the token endpoint URL as `token`.',
    ]);
    expect(lines.error[0]).not.toContain('s3cr3t');
    expect(await launchers(page)).toBe(0);
  });

  it('a boolean attribute that is not a boolean is a config error, not a silent false', async () => {
    const { page } = await h.newPage();
    const lines = await load(page, `<script src="${SCRIPT()}" data-sdk-key="test-sdk-key" data-token-url="/t" data-remote-assist="yes"></script>`);
    expect(lines.error).toEqual([
      '[zoom-cobrowse-widget] Invalid config "data-remote-assist": expected "true" or "false", got "yes". Write data-remote-assist="true" (or leave the value empty) to turn it on.',
    ]);
    expect(await launchers(page)).toBe(0);
  });

  it('loading the script twice mounts one widget and warns', async () => {
    const { page } = await h.newPage();
    const tag = `<script src="${SCRIPT()}" data-sdk-key="test-sdk-key" data-token-url="/api/cobrowse/token"></script>`;
    const lines = await load(page, tag + tag);
    expect(lines.warn).toEqual([
      expect.stringMatching(/^\[zoom-cobrowse-widget\] the widget script was loaded twice \(\d+\.\d+\.\d+, then \d+\.\d+\.\d+\): the first copy keeps the one widget\. Remove the second <script> tag\.$/),
    ]);
    expect(await launchers(page)).toBe(1);
    // The global still belongs to the copy that mounted the widget.
    expect(await page.evaluate(() => (window as any).ZoomCobrowseWidget.getWidget() !== null)).toBe(true);
  });

  it('a bad colour is reported by field, and the widget still mounts with the default', async () => {
    const { page } = await h.newPage();
    const lines = await load(page, `<script src="${SCRIPT()}" data-sdk-key="test-sdk-key" data-token-url="/t" data-theme-primary="red; background:url(x)"></script>`);
    // The launcher paints with the default and loads the validator (the panel) at once to name the mistake.
    await expect.poll(() => lines.error, { timeout: 5000 }).toEqual([expect.stringMatching(/^\[zoom-cobrowse-widget\] Invalid config "theme.primary": .*not a CSS colour/)]);
    await page.locator('[data-part="launcher"]').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-zoom-cobrowse-widget]')!).getPropertyValue('--zcw-primary').trim())).toBe('#0b5cff');
  });
});
