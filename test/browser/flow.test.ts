import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { SDK_KEY, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function fullFlow(page: Page, requests: Request[]) {
  // Script loads only: a hover may add a <link rel=prefetch> warm-up hint by design (docs/ARCHITECTURE.md, "Lazy parts"), which loads nothing.
  const zoomRequests = { get length() { return requests.filter((r) => r.resourceType() === 'script').length; }, map: <T>(f: (r: Request) => T) => requests.filter((r) => r.resourceType() === 'script').map(f) };
  const launcher = page.locator('[data-zoom-cobrowse-widget] [data-part="launcher"]');
  await launcher.waitFor();
  await expect(launcher.textContent()).resolves.toContain('Get help');
  // Idle page: give any eager loader every chance to misbehave before asserting nothing went to Zoom.
  await page.waitForLoadState('networkidle');
  expect(zoomRequests.length).toBe(0);

  await launcher.click();
  await page.locator('[data-state="consent"]').waitFor();
  expect(zoomRequests.length).toBe(0); // consent first: still nothing loaded
  await page.getByRole('button', { name: 'Share this page' }).click();

  const pin = page.locator('[data-part="pin"]');
  await pin.waitFor();
  const pinCode = await pin.getAttribute('data-pin');
  expect(pinCode).toMatch(/^\d{6}$/);
  expect(await pin.textContent()).toBe(`${pinCode!.slice(0, 3)} ${pinCode!.slice(3)}`);
  // The PIN shown is the one the (fake) service issued, the one an agent would type.
  expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.pin)).toBe(pinCode);
  expect(zoomRequests.map((r) => r.url())).toEqual([`https://us01-zcb.zoom.us/static/resource/sdk/${SDK_KEY}/js`]);

  await page.evaluate((p) => (window as any).ZoomCobrowseFake.agentJoin({ pin: p }), pinCode);
  await page.locator('[data-part="panel"]').getByText('Support is viewing this page').waitFor();
  await page.getByRole('button', { name: 'End session' }).click();
  // Ending while the agent watches asks first.
  await page.locator('[data-action="confirm-end"]').click();
  await page.locator('[data-state="ended"]').waitFor();
  await page.locator('[data-part="panel"]').getByText('The support session has ended.').waitFor();
  expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.state)).toBe('ended');
  return pinCode;
}

describe('in Chromium, against the fake SDK served at the Zoom CDN URL', () => {
  it('script-tag page: Get help → consent → PIN → agent joins → End → ended', async () => {
    const { page, zoomRequests } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/script-tag.html`);
    await fullFlow(page, zoomRequests);
    // data-theme-primary reached the shadow root's custom property.
    const primary = await page.evaluate(() => getComputedStyle(document.querySelector('[data-zoom-cobrowse-widget]')!).getPropertyValue('--zcw-primary').trim());
    expect(primary).toBe('#0b7a3b');
    expect(await page.evaluate(() => typeof (window as any).ZoomCobrowseWidget.open)).toBe('function');
  });

  it('ESM page: the same flow from an npm-style import, with events', async () => {
    const { page, zoomRequests } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/esm.html`);
    const pin = await fullFlow(page, zoomRequests);
    const events = await page.evaluate(() => (window as any).events);
    expect(events).toEqual([['pin', pin], ['agentJoined'], ['ended', 'customer']]);
    const pos = await page.locator('[data-zoom-cobrowse-widget] .root').getAttribute('data-position');
    expect(pos).toBe('bottom-left');
  });

  it('the token endpoint received a customer request', () => {
    expect(h.tokenRequests.length).toBeGreaterThanOrEqual(2);
    for (const body of h.tokenRequests) expect(body).toMatchObject({ role: 1 });
  });

  it('a blocked CDN shows a sentence and Retry, and Retry recovers', async () => {
    const { page, context } = await h.newPage();
    let block = true;
    await context.unroute(`https://us01-zcb.zoom.us/**`);
    const fake = (await import('node:fs')).readFileSync(new URL('../../dist/zoom-cobrowse-fake-sdk.iife.js', import.meta.url), 'utf8');
    await context.route('https://us01-zcb.zoom.us/**', (route) => (block ? route.abort('blockedbyclient') : route.fulfill({ body: fake, contentType: 'text/javascript' })));
    await page.goto(`${h.server.origin}/test/browser/pages/script-tag.html`);
    await page.locator('[data-part="launcher"]').click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    await page.locator('[data-state="error"]').waitFor();
    expect(await page.locator('[data-part="error-message"]').textContent()).toMatch(/couldn't load the co-browsing service/);
    block = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-part="pin"]').waitFor();
  });
});
