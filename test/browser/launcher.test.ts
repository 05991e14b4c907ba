// The script tag is the launcher alone: the panel arrives on intent and takes over the same
// element, and nothing reaches Zoom before the consent step is shown.
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

const tag = (extra = '') => `<script src="${h.server.origin}/dist/zoom-cobrowse-widget.iife.js" data-sdk-key="test-sdk-key" data-token-url="/api/cobrowse/token"${extra}></script>`;
async function load(page: Page, before: string, script: string): Promise<string[]> {
  const ours: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop()!;
    if (name.startsWith('zoom-cobrowse-')) ours.push(name);
  });
  await page.goto(`${h.server.origin}/test/browser/pages/blank.html`);
  await page.setContent(`<!doctype html><html><body><main><h1>Shop</h1></main>${before}${script}</body></html>`, { waitUntil: 'load' });
  return ours;
}
const launcherBox = (page: Page) => page.locator('[data-part="launcher"]').boundingBox();

describe('launcher first', () => {
  it("with prefetch: 'intent' the page loads the launcher alone; a hover brings the panel into the same element, in the same place, and nothing from Zoom", async () => {
    const { page, zoomRequests } = await h.newPage();
    const ours = await load(page, `<script>window.ZoomCobrowseWidgetConfig = { prefetch: 'intent' };</script>`, tag());
    await page.locator('[data-part="launcher"]').waitFor();
    await page.waitForTimeout(500);
    expect(ours).toEqual(['zoom-cobrowse-widget.iife.js']);
    const host = await page.evaluateHandle(() => document.querySelector('[data-zoom-cobrowse-widget]'));
    const before = await launcherBox(page);
    await page.locator('[data-part="launcher"]').hover();
    // The panel's own markup (its announcer) replaces the plain button.
    await page.locator('[data-part="announcer"]').waitFor({ state: 'attached' });
    expect(ours).toContain('zoom-cobrowse-panel.iife.js');
    expect(await page.evaluate((el) => el === document.querySelector('[data-zoom-cobrowse-widget]') && document.querySelectorAll('[data-zoom-cobrowse-widget]').length, host)).toBe(1);
    expect(await page.locator('[data-part="launcher"]').count()).toBe(1);
    expect(await launcherBox(page)).toEqual(before);
    await page.waitForTimeout(500);
    expect(zoomRequests).toHaveLength(0);
    // The consent step is what lets a request go to Zoom (the SDK prefetch hint).
    await page.locator('[data-part="launcher"]').click();
    await page.locator('[data-action="accept"]').waitFor();
    await expect.poll(() => zoomRequests.length, { timeout: 5000 }).toBeGreaterThan(0);
  });

  it('Tab and Enter on the plain launcher before the panel has arrived: the consent step opens with focus in it, and Escape returns it', async () => {
    const { page } = await h.newPage();
    await page.route('**/dist/zoom-cobrowse-panel.iife.js', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await load(page, `<script>window.ZoomCobrowseWidgetConfig = { prefetch: false };</script>`, tag());
    await page.locator('[data-part="launcher"]').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-part="panel"]').waitFor();
    expect(await page.evaluate(() => document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.activeElement?.getAttribute('data-part'))).toBe('panel');
    await page.keyboard.press('Escape');
    await page.locator('[data-part="panel"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.activeElement?.getAttribute('data-part'))).toBe('launcher');
  });

  it('focus on the plain launcher when the panel takes over stays on the launcher, and Enter then opens the consent step', async () => {
    const { page } = await h.newPage();
    await load(page, `<script>window.ZoomCobrowseWidgetConfig = { prefetch: 'intent' };</script>`, tag());
    await page.locator('[data-part="launcher"]').waitFor();
    // Focus is intent: the panel loads and takes over while the keyboard user sits on the button.
    await page.keyboard.press('Tab');
    await page.locator('[data-part="announcer"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.querySelectorAll('[data-part="launcher"]').length === 1);
    expect(await page.evaluate(() => document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.activeElement?.getAttribute('data-part'))).toBe('launcher');
    await page.keyboard.press('Enter');
    await page.locator('[data-part="panel"]').waitFor();
  });

  it('a recovery marker loads the panel at once; a mistake only the full validator finds is reported and removes the launcher', async () => {
    const { page } = await h.newPage();
    const lines: string[] = [];
    page.on('console', (m) => m.type() === 'error' && m.text().startsWith('[zoom-cobrowse-widget]') && lines.push(m.text()));
    const ours = await load(page, '', tag(' data-masking="paymnt"'));
    await page.locator('[data-part="launcher"]').waitFor();
    // Not before a few seconds by default: this config has nothing only the panel can check.
    await page.waitForTimeout(300);
    expect(ours).toEqual(['zoom-cobrowse-widget.iife.js']);
    await page.evaluate(() => (window as any).ZoomCobrowseWidget.getState());
    await expect.poll(() => lines.length, { timeout: 5000 }).toBe(1);
    expect(lines[0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "masking/);
    expect(await page.locator('[data-zoom-cobrowse-widget]').count()).toBe(0);

    const other = await h.newPage();
    await other.page.goto(`${h.server.origin}/test/browser/pages/blank.html`);
    await other.page.evaluate(() => sessionStorage.setItem('zoom-cobrowse-widget:session:test-sdk-key', JSON.stringify({ t: Date.now(), state: 'waiting', pin: '123456', pinAt: Date.now(), agentName: null })));
    const ours2 = await load(other.page, '', tag());
    await expect.poll(() => ours2.includes('zoom-cobrowse-panel.iife.js'), { timeout: 2000 }).toBe(true);
  });
});
