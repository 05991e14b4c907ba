import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('"Hidden from support" outlines in Chromium', () => {
  it('outline the masked card field during a session, without moving the page, and go away after', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/script-tag.html`);
    const card = page.locator('input[name="cardnumber"]');
    const before = await card.boundingBox();
    const layout = await page.evaluate(() => document.querySelector('main')!.outerHTML);
    await page.locator('[data-part="launcher"]').click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    await page.locator('[data-part="pin"]').waitFor();

    const box = page.locator('[data-part="mask-box"]');
    await box.first().waitFor();
    expect(await box.count()).toBe(1); // the card field; nothing else on this page is sensitive
    const b = (await box.first().boundingBox())!;
    const c = (await card.boundingBox())!;
    expect(Math.abs(b.x - c.x)).toBeLessThan(1);
    expect(Math.abs(b.y - c.y)).toBeLessThan(1);
    expect(Math.abs(b.width - c.width)).toBeLessThan(1);
    // Nothing in the host page moved or was added.
    expect(await card.boundingBox()).toEqual(before);
    expect(await page.evaluate(() => document.querySelector('main')!.outerHTML)).toBe(layout);

    // The badge shows on focus, and the outline follows the field when the page scrolls.
    await card.focus();
    await expect(page.locator('[data-part="mask-box"][data-focused]').count()).resolves.toBe(1);
    await page.evaluate(() => window.scrollBy(0, 40));
    await page.waitForTimeout(100);
    const moved = (await box.first().boundingBox())!;
    const cardNow = (await card.boundingBox())!;
    expect(Math.abs(moved.y - cardNow.y)).toBeLessThan(1);

    await page.getByRole('button', { name: 'End session' }).click();
    const confirm = page.getByRole('button', { name: 'End session' });
    if (await confirm.count()) await confirm.last().click();
    await page.locator('[data-state="ended"]').waitFor();
    expect(await box.count()).toBe(0);
  });
});
