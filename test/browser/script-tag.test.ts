import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('script-tag build in Chromium', () => {
  it('loads the engine and the audit only when needed; data-masking takes the attribute form', async () => {
    const { page } = await h.newPage();
    const ours: string[] = [];
    page.on('request', (r) => {
      const name = new URL(r.url()).pathname.split('/').pop()!;
      if (name.startsWith('zoom-cobrowse-')) ours.push(name);
    });
    await page.goto(`${h.server.origin}/test/browser/pages/audit.html`);
    await page.locator('[data-part="launcher"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(ours).toEqual(['zoom-cobrowse-widget.iife.js']); // nothing else before intent

    // data-masking="default,identity": the date of birth is masked, so only the odd card field is reported.
    const findings = await page.evaluate(async () => {
      const f = await (window as any).ZoomCobrowseWidget.auditMasking();
      return f.map((x: any) => ({ category: x.category, selector: x.selector }));
    });
    expect(findings).toEqual([{ category: 'payment', selector: '#f17' }]);
    expect(ours).toContain('zoom-cobrowse-audit.iife.js');
    expect(ours).not.toContain('zoom-cobrowse-engine.iife.js');

    await page.locator('[data-part="launcher"]').click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    await page.locator('[data-part="pin"]').waitFor();
    expect(ours).toContain('zoom-cobrowse-engine.iife.js');
  });

  it('destroying the mounted widget frees the slot: mount() creates a fresh one', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.server.origin}/test/browser/pages/script-tag.html`);
    await page.locator('[data-part="launcher"]').waitFor();
    const count = await page.evaluate(() => {
      const api = (window as any).ZoomCobrowseWidget;
      api.getWidget().destroy();
      const gone = document.querySelectorAll('[data-zoom-cobrowse-widget]').length;
      api.mount().getState(); // any call builds it now rather than at idle time
      return [gone, document.querySelectorAll('[data-zoom-cobrowse-widget]').length];
    });
    expect(count).toEqual([0, 1]);
  });
});
