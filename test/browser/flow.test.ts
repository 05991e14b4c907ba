import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { SDK_KEY, startHarness, type Harness } from './harness';
import { runAxe } from './states';

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

  it("npm build, BYOP, a build that sends no pincode_updated: the custom PIN is shown uppercased, and the agent's remote assist waits for the visitor's Allow", async () => {
    const { page, zoomRequests } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/byop.html`);
    const widget = page.locator('[data-zoom-cobrowse-widget]');
    await widget.locator('[data-part="launcher"]').click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    const pin = widget.locator('[data-part="pin"]');
    await pin.waitFor();
    expect(await pin.getAttribute('data-pin')).toBe('HELP42');
    const fake = () => page.evaluate(() => {
      const f = (window as any).fake;
      return { pin: f.pin, events: f.emitted.map((e: { name: string }) => e.name), start: f.startCalls.at(-1), init: f.initCalls.at(-1) };
    });
    const seen = await fake();
    expect(seen.events).not.toContain('pincode_updated');
    expect(seen.start.customPinCode).toBe('help42');
    expect(seen.pin).toBe('HELP42');
    expect(seen.init.appKey).toBe(SDK_KEY);
    expect(zoomRequests).toHaveLength(0); // npm build: nothing from Zoom's CDN

    // The agent types the PIN the visitor reads out.
    expect(await page.evaluate(() => (window as any).fake.agentJoin({ pin: 'HELP42', name: 'Riley' }))).toBe(true);
    await widget.locator('[data-part="panel"]').getByText('Riley is viewing this page').waitFor();

    // The agent asks for remote assist: Zoom's own prompt appears in the page, outside the widget.
    await page.evaluate(() => (window as any).fake.remoteAssist(true));
    const prompt = page.getByRole('dialog', { name: 'Allow remote assist?' });
    await prompt.waitFor();
    expect(await prompt.evaluate((el) => el.closest('[data-zoom-cobrowse-widget]') === null && el.getRootNode() === document)).toBe(true);
    expect(await runAxe(page, '[data-zoom-cobrowse-fake-ui]')).toEqual([]);
    expect(await widget.locator('[data-part="remote-assist"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).widget.getState().remoteAssist)).toBe(false);
    // Keyboard: focus is on the prompt; Tab reaches Allow, Enter answers.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Deny');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Allow');
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await expect.poll(() => widget.locator('[data-part="remote-assist"]').textContent()).toBe('The agent is scrolling this page for you.');

    await page.getByRole('button', { name: 'End session' }).click();
    await page.locator('[data-action="confirm-end"]').click();
    await widget.locator('[data-state="ended"]').waitFor();
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
