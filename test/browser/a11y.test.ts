import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openStatesPage, runAxe, TRUST_WALK, walkStates, walkTrust, WALK, widgetHandle } from './states';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const VARIANTS = [
  { name: 'light', mode: 'light', locale: 'en' },
  { name: 'dark', mode: 'dark', locale: 'en' },
  { name: 'RTL (Arabic)', mode: 'light', locale: 'ar' },
  { name: 'RTL (Hebrew), dark', mode: 'dark', locale: 'he' },
] as const;

describe('axe-core finds no WCAG 2.1 A/AA (or best-practice) violations', () => {
  it('sanity: axe inspects inside the shadow root (a planted violation is found)', async () => {
    const { page } = await openStatesPage(h);
    expect(await runAxe(page)).toEqual([]);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.querySelector('.root')!.appendChild(img);
    });
    const found = await runAxe(page);
    expect(found.map((v) => v.id)).toContain('image-alt');
    await page.context().close();
  });

  for (const v of VARIANTS) {
    it(`every state, ${v.name}`, async () => {
      const p = await openStatesPage(h, { mode: v.mode, locale: v.locale });
      const scanned: string[] = [];
      const problems: Record<string, unknown> = {};
      await walkStates(p, async (state) => {
        scanned.push(state);
        const violations = await runAxe(p.page);
        if (violations.length) problems[state] = violations;
      });
      expect(problems).toEqual({});
      expect(scanned).toEqual([...WALK]);
      if (v.locale !== 'en') {
        // Mirrored, and in the visitor's language.
        expect(await p.sel('.root').getAttribute('dir')).toBe('rtl');
        expect(await p.sel('.root').getAttribute('lang')).toBe(v.locale);
      }
      await p.context.close();
    }, 120_000);
  }

  it('the trust views (time-limit countdown, session summary, feedback) in light, dark and Arabic', async () => {
    for (const v of [VARIANTS[0], VARIANTS[1], VARIANTS[2]]) {
      const p = await openStatesPage(h, { mode: v.mode, locale: v.locale, limit: 3, feedback: true });
      const problems: Record<string, unknown> = {};
      const scanned: string[] = [];
      await walkTrust(p, async (state) => {
        scanned.push(state);
        const violations = await runAxe(p.page);
        if (violations.length) problems[`${v.name}: ${state}`] = violations;
      });
      expect(problems).toEqual({});
      expect(scanned).toEqual([...TRUST_WALK]);
      // The rating reached the site's own endpoint, with the comment and the summary.
      expect(p.feedback).toEqual([{ rating: 'up', comment: 'Riley found my order.', summary: expect.objectContaining({ agents: ['Riley'], reason: 'customer', extensions: 1 }) }]);
      await p.context.close();
    }
  }, 120_000);

  it('resume prompt (recovery: "prompt"), light and RTL', async () => {
    for (const locale of ['en', 'ar']) {
      const p = await openStatesPage(h, { recovery: 'prompt', locale });
      await p.part('launcher').click();
      await p.action('accept').click();
      await p.part('pin').waitFor();
      await p.page.reload();
      const w = widgetHandle(p.page);
      await w.action('resume').waitFor();
      await w.state('recovering');
      expect(await runAxe(p.page)).toEqual([]);
      await w.action('resume').click();
      await w.part('pin').waitFor();
      await p.context.close();
    }
  }, 60_000);
});

describe('reflow and zoom (WCAG 1.4.10, 1.4.4)', () => {
  for (const viewport of [
    { width: 320, height: 640 }, // 320 CSS px wide: the reflow criterion
    { width: 640, height: 360 }, // a 1280×720 screen at 200% zoom
  ]) {
    it(`${viewport.width}×${viewport.height}: the panel fits, scrolls instead of overflowing, and every action is reachable`, async () => {
      const p = await openStatesPage(h, { viewport });
      await p.part('launcher').click();
      await p.state('consent');
      const box = await p.part('panel').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      const launcher = await p.part('launcher').boundingBox();
      expect(launcher!.y + launcher!.height).toBeLessThanOrEqual(viewport.height);
      // No horizontal scrolling inside the panel.
      expect(await p.part('panel').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      // The accept button can be scrolled to and used.
      await p.action('accept').click();
      await p.part('pin').waitFor();
      const pin = await p.part('pin').boundingBox();
      expect(pin!.x + pin!.width).toBeLessThanOrEqual(viewport.width);
      expect(await runAxe(p.page)).toEqual([]);
      await p.context.close();
    });
  }
});

describe('motion', () => {
  it('prefers-reduced-motion: no animations run in the widget', async () => {
    const p = await openStatesPage(h);
    await p.page.emulateMedia({ reducedMotion: 'reduce' });
    await p.part('launcher').click();
    p.gateToken();
    await p.action('accept').click();
    await p.state('starting');
    const running = await p.page.evaluate(() => document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.getAnimations().length);
    expect(running).toBe(0);
    p.release();
    await p.context.close();
  });
});

describe('theming in the browser', () => {
  it('contrast below 4.5:1 is reported in the console, from the colours as rendered; the defaults pass', async () => {
    const p = await openStatesPage(h, { mode: 'dark' });
    const warnings: string[] = [];
    p.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    // The check comes with the panel: once it is there, setTheme() checks at once.
    await p.page.evaluate(() => (window as any).ZoomCobrowseWidget.getWidget().ready());
    await p.page.evaluate(() => (window as any).ZoomCobrowseWidget.getWidget().setTheme({ mode: 'dark' }));
    expect(warnings).toEqual([]);
    // A yellow brand with the default white text on it; grey text on a light surface (any colour syntax).
    await p.page.evaluate(() => (window as any).ZoomCobrowseWidget.getWidget().setTheme({ mode: 'light', primary: 'hsl(50 100% 50%)', muted: 'rgb(160 160 160)' }));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^\[zoom-cobrowse-widget\] theme: --zcw-muted on --zcw-surface has a contrast of 2\.\d\d:1, below the 4\.5:1/);
    expect(warnings[1]).toMatch(/--zcw-on-primary on --zcw-primary has a contrast of 1\.\d\d:1/);
    await p.context.close();
  });

  it('setTheme() before the panel has loaded: painted at once, its contrast reported when the panel arrives', async () => {
    const { page } = await h.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${h.server.origin}/test/browser/pages/blank.html`);
    await page.setContent(`<body><script>window.ZoomCobrowseWidgetConfig = { prefetch: 'intent' };</script><script src="${h.server.origin}/dist/zoom-cobrowse-widget.iife.js" data-sdk-key="test-sdk-key" data-token-url="/t"></script></body>`);
    await widgetHandle(page).part('launcher').waitFor();
    // In one task, so the panel cannot arrive in between: the plain launcher wears the new colour at once…
    const painted = await page.evaluate(() => {
      const panelThere = !!(window as any).ZoomCobrowsePanel;
      (window as any).ZoomCobrowseWidget.getWidget().setTheme({ primary: '#ffd400' });
      const button = document.querySelector('[data-zoom-cobrowse-widget]')!.shadowRoot!.querySelector('[data-part="launcher"]')!;
      return { panelThere, background: getComputedStyle(button).backgroundColor };
    });
    expect(painted).toEqual({ panelThere: false, background: 'rgb(255, 212, 0)' });
    // …and the panel, loaded for the check, reports white on yellow.
    await expect.poll(() => warnings, { timeout: 5000 }).toEqual([expect.stringMatching(/--zcw-on-primary on --zcw-primary has a contrast of 1\.\d\d:1/)]);
    await page.context().close();
  });

  it('a configured colour is checked at creation too: the panel, which holds the check, loads at once for it', async () => {
    const { page } = await h.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${h.server.origin}/test/browser/pages/states.html?primary=${encodeURIComponent('#ffd400')}`);
    await widgetHandle(page).part('launcher').waitFor();
    // The check comes with the panel, which a configured colour loads at once rather than at idle.
    await expect.poll(() => warnings, { timeout: 5000 }).toEqual([expect.stringMatching(/--zcw-on-primary on --zcw-primary has a contrast of 1\.\d\d:1/)]);
    await page.context().close();
  });

  it('a configured colour and a method called at once: checked as rendered, so no false warning', async () => {
    const { page } = await h.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${h.server.origin}/test/browser/pages/blank.html`);
    // White on #0b5cff is about 5.3:1 and text on the surface far more: both pass AA.
    await page.setContent(
      `<body><script src="${h.server.origin}/dist/zoom-cobrowse-widget.iife.js" data-sdk-key="test-sdk-key" data-token-url="/t" data-theme-primary="#0b5cff" data-theme-surface="#ffffff"></script>
       <script>window.stateAtOnce = ZoomCobrowseWidget.getState().state;</script></body>`,
    );
    await widgetHandle(page).part('launcher').waitFor();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as any).stateAtOnce)).toBe('idle');
    expect(warnings).toEqual([]);
    // A real problem is still found, with the ratio as rendered (white on #0b5cff stays fine).
    await page.evaluate(() => (window as any).ZoomCobrowseWidget.getWidget().setTheme({ primary: '#0b5cff', text: '#dddddd' }));
    expect(warnings).toEqual([expect.stringMatching(/--zcw-text on --zcw-surface has a contrast of 1\.\d\d:1/)]);
    await page.context().close();
  });

  it('the host page can override any token, and the parts that read one, with CSS variables', async () => {
    const p = await openStatesPage(h);
    await p.page.addStyleTag({ content: '[data-zoom-cobrowse-widget] { --zcw-primary: rgb(200, 0, 90); --zcw-launcher-text: rgb(255, 255, 0); --zcw-radius: 2px; }' });
    const look = await p.part('launcher').evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
    expect(look).toEqual(['rgb(200, 0, 90)', 'rgb(255, 255, 0)']);
    await p.part('launcher').click();
    expect(await p.part('panel').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('2px');
    // Config wins over page CSS: it is set inline on the host.
    await p.page.evaluate(() => (window as any).ZoomCobrowseWidget.getWidget().setTheme({ primary: 'rgb(0, 90, 200)' }));
    expect(await p.action('accept').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 90, 200)');
    await p.context.close();
  });
});
