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

const MARKER = 'zoom-cobrowse-widget:session:test-sdk-key';
const url = (query = '') => `${h.server.origin}/test/browser/pages/configurable.html${query}`;
const state = (page: Page) => page.locator('[data-zoom-cobrowse-widget] .root').getAttribute('data-state');

async function startSession(page: Page): Promise<string> {
  await page.locator('[data-part="launcher"]').click();
  await page.getByRole('button', { name: 'Share this page' }).click();
  const pin = page.locator('[data-part="pin"]');
  await pin.waitFor();
  return (await pin.getAttribute('data-pin'))!;
}

describe('session continuity in Chromium', () => {
  it('refresh during waiting resumes the same PIN', async () => {
    const { page } = await h.newPage();
    await page.goto(url());
    const pin = await startSession(page);
    await page.reload();
    await page.locator(`[data-part="pin"][data-pin="${pin}"]`).waitFor();
    expect(await state(page)).toBe('waiting');
    expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.pin)).toBe(pin);
  });

  it('refresh during active resumes the active view', async () => {
    const { page } = await h.newPage();
    await page.goto(url());
    await startSession(page);
    await page.evaluate(() => (window as any).ZoomCobrowseFake.agentJoin({ name: 'Alex' }));
    await page.locator('[data-state="active"]').waitFor();
    await page.reload();
    await page.locator('[data-state="active"]').waitFor();
    expect(await page.locator('[data-part="panel"]').textContent()).toContain('Alex');
  });

  it('after the 2-minute window the widget is idle and storage is clean', async () => {
    const { page, context } = await h.newPage();
    const t0 = new Date('2026-11-23T12:00:00Z');
    await context.clock.install({ time: t0 });
    await page.goto(url());
    await startSession(page);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), MARKER)).not.toBeNull();
    // The visitor leaves the page for longer than Zoom's window, then comes back.
    await page.goto('about:blank');
    await context.clock.setSystemTime(new Date(t0.getTime() + 3 * 60_000));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url());
    await page.locator('[data-part="launcher"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await state(page)).toBe('idle');
    expect(await page.evaluate((k) => sessionStorage.getItem(k), MARKER)).toBeNull();
    expect(requests.filter((u) => u.includes('us01-zcb.zoom.us'))).toEqual([]); // stale marker: nothing loaded
    expect(await page.locator('[data-part="panel"]').count()).toBe(0); // and no flash of UI
  });

  it("recovery: 'prompt' asks first, then resumes", async () => {
    const { page } = await h.newPage();
    await page.goto(url('?recovery=prompt'));
    const pin = await startSession(page);
    await page.reload();
    await page.getByText('Resume your support session?').waitFor();
    expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.emitted.length)).toBe(0); // nothing shared yet
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator(`[data-part="pin"][data-pin="${pin}"]`).waitFor();
  });

  it('with multiTab on, a second tab shows the live session instead of offering a new one', async () => {
    const { page, context } = await h.newPage();
    await page.goto(url('?multiTab=1'));
    const pin = await startSession(page);
    expect(await page.evaluate((k) => localStorage.getItem(k), MARKER)).not.toBeNull();
    const second = await context.newPage();
    await second.goto(url('?multiTab=1'));
    await second.locator(`[data-part="pin"][data-pin="${pin}"]`).waitFor();
    expect(await state(second)).toBe('waiting');
    expect(await second.locator('[data-part="launcher"]').textContent()).toContain('Support session');
  });

  it('two history navigations in an SPA keep exactly one working widget', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/spa.html`);
    const pin = await startSession(page);
    await page.click('[data-to="orders"]');
    await page.locator('#view', { hasText: 'Orders' }).waitFor();
    await page.click('[data-to="profile"]');
    await page.locator('#view', { hasText: 'Profile' }).waitFor();
    expect(await page.locator('[data-zoom-cobrowse-widget]').count()).toBe(1);
    expect(await page.locator('[data-part="pin"]').getAttribute('data-pin')).toBe(pin);
    await page.goBack();
    await page.locator('#view', { hasText: 'Orders' }).waitFor();
    expect(await page.locator('[data-zoom-cobrowse-widget]').count()).toBe(1);
    await page.evaluate(() => (window as any).ZoomCobrowseFake.agentJoin());
    await page.locator('[data-state="active"]').waitFor();
  });
});
