import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { widgetHandle } from './states';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('never hidden by the host page, never touching it', () => {
  it('hostile CSS (* { all: unset }, button { display: none }, display:none !important on us, a z-index 2147483647 overlay, contain: paint on body): visible, topmost, working', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/hostile.html`);
    const w = widgetHandle(page);
    await w.part('launcher').waitFor({ state: 'visible' });

    // Topmost: hit-testing the launcher's centre lands on the widget (retargeted to its host), not the overlay.
    const box = (await w.part('launcher').boundingBox())!;
    expect(box.width).toBeGreaterThan(60);
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.hasAttribute('data-zoom-cobrowse-widget') ?? false, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(true);
    // In the top layer, where z-index can't compete.
    expect(await page.evaluate(() => document.querySelector('[data-zoom-cobrowse-widget]')!.matches(':popover-open'))).toBe(true);

    // The whole flow works through the overlay (Playwright's click refuses covered elements).
    await w.part('launcher').click();
    await w.state('consent');
    const panel = (await w.part('panel').boundingBox())!;
    const panelHit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.hasAttribute('data-zoom-cobrowse-widget') ?? false, [panel.x + 20, panel.y + 20]);
    expect(panelHit).toBe(true);
    await w.action('accept').click();
    await w.part('pin').waitFor({ state: 'visible' });
    await w.fake('agentJoin');
    await w.state('active');
    await w.action('end').click();
    await w.action('confirm-end').click();
    await w.state('ended');
    expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.state)).toBe('ended');
    // Our buttons still look like buttons: the page's `button { display: none }` stops at the shadow boundary.
    expect(await w.action('restart').evaluate((b) => getComputedStyle(b).display)).not.toBe('none');
    await page.context().close();
  });

  it('without popover support (older browsers): the z-index fallback still puts it above a z-index 2147483647 overlay', async () => {
    const { page } = await h.newPage();
    await page.addInitScript(() => {
      delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
    });
    await page.goto(`${h.server.origin}/test/browser/pages/hostile.html`);
    await page.evaluate(() => document.getElementById('containment')!.remove());
    const w = widgetHandle(page);
    await w.part('launcher').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.querySelector('[data-zoom-cobrowse-widget]')!.hasAttribute('popover'))).toBe(false);
    const box = (await w.part('launcher').boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.hasAttribute('data-zoom-cobrowse-widget') ?? false, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(true);
    await w.part('launcher').click();
    await w.action('accept').click();
    await w.part('pin').waitFor({ state: 'visible' });
    await page.context().close();
  });

  it('no layout shift, and nothing of ours in the page’s styles', async () => {
    const { page, context } = await h.newPage();
    // Hold the widget script until the page has been measured without it.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await context.route('**/zoom-cobrowse-widget.iife.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${h.server.origin}/test/browser/pages/states.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => {
      (window as any).shifts = 0;
      // Shifts right after input don't count towards CLS (the panel opening after a click is one).
      new PerformanceObserver((l) => ((window as any).shifts += l.getEntries().filter((e: any) => !e.hadRecentInput).length)).observe({ type: 'layout-shift', buffered: true });
    });
    const measure = () =>
      page.evaluate(() => ({
        main: JSON.stringify(document.querySelector('main')!.getBoundingClientRect()),
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        sheets: document.styleSheets.length,
        pay: getComputedStyle(document.querySelector('.pay')!).cssText || getComputedStyle(document.querySelector('.pay')!).backgroundColor,
      }));
    await page.waitForTimeout(300);
    const before = await measure();
    release();
    const w = widgetHandle(page);
    await w.part('launcher').waitFor();
    await w.part('launcher').click();
    await w.state('consent');
    expect(await measure()).toEqual(before);
    expect(await page.evaluate(() => (window as any).shifts)).toBe(0);
    await context.close();
  });

  it('strict nonce CSP: the style, the SDK, the sibling scripts and the French strings all load; no violations', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/csp.html`);
    const w = widgetHandle(page);
    await w.part('launcher').waitFor();
    expect(await w.part('launcher').textContent()).toBe('Obtenir de l’aide');
    // The shadow stylesheet applied (a blocked one would leave the launcher unstyled).
    expect(await w.part('launcher').evaluate((b) => getComputedStyle(b).borderRadius)).toBe('99px');
    await w.part('launcher').click();
    await w.action('accept').click();
    await w.part('pin').waitFor();
    expect(await w.part('countdown').textContent()).toMatch(/3 minutes restantes/);
    // Scripts and styles: none blocked. (The hover warm-up's <link rel=prefetch> falls under default-src,
    // which no nonce can satisfy; that hint belongs to the SDK loader and is reported separately.)
    const violations: string[] = await page.evaluate(() => (window as any).cspViolations);
    expect(violations.filter((v) => !/^default-src .*\/sdk\//.test(v))).toEqual([]);
    await page.context().close();
  });
});
