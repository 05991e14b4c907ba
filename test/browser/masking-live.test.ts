// Masking while the page changes, in Chromium: a payment step injected after the session
// started is marked before any other observer of the page (such as Zoom's SDK, which starts
// watching once the session starts) hears about it, and a card number typed into a field no
// rule covers gets that field masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function sharedPage() {
  const { page } = await h.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('[zoom-cobrowse-widget]') && warnings.push(m.text()));
  await page.goto(`${h.server.origin}/test/browser/pages/blank.html`);
  await page.setContent(
    `<body><main><h1>Checkout</h1><form id="steps"><fieldset><legend>Shipping</legend><label>City <input name="city"></label></fieldset></form></main>
     <script src="${h.server.origin}/dist/zoom-cobrowse-widget.iife.js" data-sdk-key="test-sdk-key" data-token-url="/api/cobrowse/token"></script></body>`,
  );
  const host = page.locator('[data-zoom-cobrowse-widget]');
  await host.locator('[data-part="launcher"]').click();
  await page.getByRole('button', { name: 'Share this page' }).click();
  await host.locator('[data-part="pin"]').waitFor();
  return { page, warnings };
}

describe('masking a page that changes during the session', () => {
  it('a payment step injected after the session started is marked before another observer sees it', async () => {
    const { page } = await sharedPage();
    const seen = await page.evaluate(async () => {
      // An observer created now, after the session started, as Zoom's SDK's own is.
      const records: (string | null)[] = [];
      new MutationObserver((list) => {
        for (const r of list) for (const n of Array.from(r.addedNodes)) {
          if (n instanceof Element) for (const f of Array.from(n.querySelectorAll('input'))) records.push(f.getAttribute('data-zoom-cobrowse-mask'));
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
      const step = document.createElement('fieldset');
      // Drupal Commerce's card field: nothing in its name, id or autocomplete says "card".
      step.innerHTML =
        '<legend>Payment</legend><label for="edit-number">Card number</label>' +
        '<input id="edit-number" name="payment_information[add_payment_method][payment_details][number]" autocomplete="off" maxlength="19">' +
        '<label for="edit-coupon">Coupon</label><input id="edit-coupon" name="coupon">';
      document.getElementById('steps')!.append(step);
      await new Promise((r) => setTimeout(r, 0));
      return records;
    });
    // The card field already carried the mark when the later observer ran; the coupon stays visible.
    expect(seen).toEqual(['payment', null]);
  });

  it('a Luhn-valid card number typed into an unlabelled field gets the field masked, with a console warning', async () => {
    const { page, warnings } = await sharedPage();
    await page.evaluate(() => document.getElementById('steps')!.insertAdjacentHTML('beforeend', '<input name="ref">'));
    const field = page.locator('input[name=ref]');
    await field.pressSequentially('hello');
    expect(await field.getAttribute('data-zoom-cobrowse-mask')).toBeNull();
    await field.fill('');
    await field.pressSequentially('4242 4242 4242 4242');
    expect(await field.getAttribute('data-zoom-cobrowse-mask')).toBe('payment');
    expect(warnings).toEqual([expect.stringMatching(/A card number was typed into input\[name="ref"\].*may already have reached the agent/)]);
    // An order reference stays visible: only what reads as a card number is taken away from the agent.
    await page.evaluate(() => document.getElementById('steps')!.insertAdjacentHTML('beforeend', '<input name="order">'));
    await page.locator('input[name=order]').pressSequentially('ORD-2024-118734');
    expect(await page.locator('input[name=order]').getAttribute('data-zoom-cobrowse-mask')).toBeNull();
  });

  it('ending the session takes the marks away again', async () => {
    const { page } = await sharedPage();
    await page.evaluate(() => document.getElementById('steps')!.insertAdjacentHTML('beforeend', '<label for="pw">Password</label><input id="pw" name="secret_field">'));
    await expect.poll(() => page.locator('#pw').getAttribute('data-zoom-cobrowse-mask')).toBe('credentials');
    const host = page.locator('[data-zoom-cobrowse-widget]');
    await page.evaluate(() => (window as any).ZoomCobrowseWidget.end());
    await host.locator('[data-state="ended"]').waitFor();
    expect(await page.locator('#pw').getAttribute('data-zoom-cobrowse-mask')).toBeNull();
  });
});
