import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openStatesPage } from './states';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Presses Tab until the widget element described by `target` (data-action, data-part or class) has focus. */
async function tabTo(page: Page, focused: () => Promise<string | null>, target: string, max = 25): Promise<void> {
  const seen: Array<string | null> = [];
  for (let i = 0; i < max; i++) {
    const now = await focused();
    if (now === target) return;
    seen.push(now);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${target}"; focus went through ${seen.join(' → ')}`);
}

/** The focused element inside the widget shows a visible focus ring. */
const ringVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return el.matches(':focus-visible') && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
  });

describe('keyboard only (Tab, Enter, Space, Escape)', () => {
  it('Get help → consent → PIN → agent joins → end, without a mouse', async () => {
    const p = await openStatesPage(h);
    const { page, focused, state } = p;

    // From the top of the page, Tab reaches the launcher (after the page's own controls).
    await tabTo(page, focused, 'launcher', 40);
    expect(await ringVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await state('consent');
    // Focus moved into the dialog.
    expect(await focused()).toBe('panel');

    await tabTo(page, focused, 'accept');
    expect(await ringVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await p.part('pin').waitFor();
    await state('waiting');
    // The accept button is gone; focus stayed in the dialog instead of falling to <body>.
    expect(await focused()).toBe('panel');
    // The scam warning is heard with the PIN.
    expect(await p.part('announcer').textContent()).toMatch(/^Your support PIN is (\d ){5}\d\. Only read this PIN to Acme Outdoor support\. They will never ask for your password or card number\.$/);

    // Escape minimises to the pill, focus returns to it; Enter brings the panel back.
    await page.keyboard.press('Escape');
    await p.part('panel').waitFor({ state: 'detached' });
    expect(await focused()).toBe('launcher');
    expect(await p.part('launcher').textContent()).toMatch(/Support session · \u2066\d{3} \d{3}\u2069/);
    await page.keyboard.press('Enter');
    await p.part('panel').waitFor();
    expect(await focused()).toBe('panel');

    await p.fake('agentJoin', { name: 'Riley' });
    await state('active');
    await p.sel('[data-part="announcer"]:text("Riley is viewing this page")').waitFor({ state: 'attached' });

    await tabTo(page, focused, 'end');
    await page.keyboard.press('Space');
    await p.action('confirm-end').waitFor();
    await tabTo(page, focused, 'confirm-end');
    expect(await ringVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await state('ended');
    expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.state)).toBe('ended');

    // Escape closes the finished panel; focus is back on the launcher, ready for next time.
    await page.keyboard.press('Escape');
    await p.part('panel').waitFor({ state: 'detached' });
    expect(await focused()).toBe('launcher');
    expect(await p.part('launcher').textContent()).toContain('Get help');
    await p.context.close();
  });

  it('the trust views: Keep sharing, End, then a rating with a comment, without a mouse', async () => {
    const p = await openStatesPage(h, { limit: 3, feedback: true });
    const { page, focused, state } = p;
    await tabTo(page, focused, 'launcher', 40);
    await page.keyboard.press('Enter');
    await tabTo(page, focused, 'accept');
    await page.keyboard.press('Enter');
    await p.part('pin').waitFor();
    await p.fake('agentJoin', { name: 'Riley' });
    await state('active');
    await page.clock.fastForward(90_000);
    await p.part('time-limit').waitFor();
    await tabTo(page, focused, 'extend');
    expect(await ringVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await p.part('time-limit').waitFor({ state: 'detached' });
    // The button went with the countdown; focus stayed in the dialog.
    expect(await focused()).toBe('panel');
    await tabTo(page, focused, 'end');
    await page.keyboard.press('Enter');
    await tabTo(page, focused, 'confirm-end');
    await page.keyboard.press('Enter');
    await state('ended');
    await p.part('summary').waitFor();
    await tabTo(page, focused, 'feedback-up');
    // Back one stop to "Add a comment", open it, type, and rate.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thanks, Riley');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('feedback-up');
    await page.keyboard.press('Enter');
    await p.part('feedback').waitFor({ state: 'detached' });
    // The pressed button is gone: focus is on the thanks that replaced it, inside the dialog.
    expect(await focused()).toBe('fb');
    expect(await p.sel('.fb').textContent()).toBe('Thank you for your feedback.');
    expect(p.feedback).toEqual([expect.objectContaining({ rating: 'up', comment: 'Thanks, Riley' })]);
    await p.context.close();
  });

  it('Escape in the consent step closes it and returns focus to the launcher; the page keeps its own Escape', async () => {
    const p = await openStatesPage(h);
    await p.page.evaluate(() => {
      (window as any).pageEscapes = 0;
      document.addEventListener('keydown', (e) => e.key === 'Escape' && (window as any).pageEscapes++);
    });
    await p.part('launcher').focus();
    await p.page.keyboard.press('Enter');
    await p.state('consent');
    await p.page.keyboard.press('Escape');
    await p.part('panel').waitFor({ state: 'detached' });
    expect(await p.focused()).toBe('launcher');
    expect(await p.page.evaluate(() => (window as any).pageEscapes)).toBe(0);
    expect(await p.sel('.root').getAttribute('data-state')).toBe('idle');
    await p.context.close();
  });

  it('after a reload, an auto-resumed session comes back into view without taking focus from the page', async () => {
    const p = await openStatesPage(h);
    await p.part('launcher').click();
    await p.action('accept').click();
    await p.part('pin').waitFor();
    const pin = await p.part('pin').getAttribute('data-pin');
    // The visitor is typing in the page when the widget resumes.
    await p.page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.getElementById('name')!.focus()));
    await p.page.reload();
    await p.part('pin').waitFor();
    expect(await p.part('pin').getAttribute('data-pin')).toBe(pin);
    expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('name');
    await p.context.close();
  });

  it('launcher: false — the page’s own [data-zoom-cobrowse-open] button opens it, and focus returns there', async () => {
    const p = await openStatesPage(h, { launcher: false });
    expect(await p.part('launcher').count()).toBe(0);
    const own = p.page.locator('[data-zoom-cobrowse-open]');
    await own.focus();
    await p.page.keyboard.press('Enter');
    await p.state('consent');
    expect(await p.focused()).toBe('panel');
    await p.page.keyboard.press('Escape');
    await p.part('panel').waitFor({ state: 'detached' });
    expect(await p.page.evaluate(() => document.activeElement?.hasAttribute('data-zoom-cobrowse-open'))).toBe(true);
    await p.context.close();
  });
});
