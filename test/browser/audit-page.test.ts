// `zoom-cobrowse-widget/testing`'s masking audit for a site's own Playwright tests, from the
// built package (the audit script is embedded by the build), against fixture pages in Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerKey, expectFinding } from '../dom/masking/answer-key';
import { launchChromium } from './chromium';
import { startStaticServer, type StaticServer } from './static-server';

type Testing = typeof import('../../src/testing');

const DIST = resolve(import.meta.dirname, '../../dist');
const CSP_PAGE = `<!doctype html><html><head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'nonce-abc'">
  <title>Strict CSP</title></head><body><form><label for="card">Card number</label><input id="card" name="f1"></form></body></html>`;

let testing: Testing;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  testing = (await import(pathToFileURL(join(DIST, 'testing.js')).href)) as Testing;
  server = await startStaticServer({ '/csp': () => ({ status: 200, body: CSP_PAGE, type: 'text/html' }) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await page?.close();
  page = await browser.newPage();
});

const open = (name: string) => page.goto(`${server.origin}/test/fixtures/masking/${name}`);

/** The categories the answer key expects under `presets` (undefined: the defaults), sorted. */
function expected(name: string, presets?: string[]): string[] {
  return Object.values(answerKey.pages[name]!)
    .map((entry) => expectFinding(entry, true, (presets ? { presets } : undefined) as never))
    .filter((c): c is string => c !== null)
    .sort();
}

describe('auditPageMasking (testing entry, Playwright page)', () => {
  it('returns every unmasked sensitive-looking field as plain data whose selector finds it again', async () => {
    await open('signup-dob.html');
    const findings = await testing.auditPageMasking(page);
    expect(findings.map((f) => f.category).sort()).toEqual(expected('signup-dob.html'));
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(['category', 'reason', 'selector']);
      expect(f.reason).not.toBe('');
      expect(await page.locator(f.selector).count()).toBe(1);
    }
  });

  it('takes the masking value the widget takes: object, preset list, data-masking string, false', async () => {
    await open('signup-dob.html');
    const presets = ['payment', 'credentials', 'identity', 'contact'];
    const categories = async (masking: Parameters<Testing['auditPageMasking']>[1]) => (await testing.auditPageMasking(page, masking)).map((f) => f.category).sort();
    expect(await categories({ masking: { presets: presets as never } })).toEqual(expected('signup-dob.html', presets));
    expect(await categories({ masking: presets as never })).toEqual(expected('signup-dob.html', presets));
    expect(await categories({ masking: 'default,identity,contact' })).toEqual(expected('signup-dob.html', presets));
    expect(await categories({ masking: false })).toEqual(expected('signup-dob.html', []));
    // The one field every preset misses is named "q4": its label gives it away.
    expect(expected('signup-dob.html', presets)).toEqual(['identity']);
  });

  it('root limits the check to part of the page, and says so when it matches nothing', async () => {
    await open('signup-dob.html');
    const masking = 'default,identity,contact';
    // Only the dependant's date of birth (name="q4") is left, and it sits in #dependant.
    const all = await testing.auditPageMasking(page, { masking });
    expect(all.map((f) => f.category)).toEqual(['identity']);
    expect(await testing.auditPageMasking(page, { masking, root: '#dependant' })).toEqual(all);
    expect(await testing.auditPageMasking(page, { masking, root: 'h1' })).toEqual([]);
    await expect(testing.auditPageMasking(page, { root: '#no-such-part' })).rejects.toThrow('The audit root "#no-such-part" matches nothing on the page');
  });

  it('works under a strict Content-Security-Policy and leaves no global behind', async () => {
    await page.goto(`${server.origin}/csp`);
    expect(await testing.auditPageMasking(page)).toEqual([{ selector: '#card', category: 'payment', reason: 'label text "Card number"' }]);
    expect(await page.evaluate(() => 'ZoomCobrowseAudit' in window)).toBe(false);
  });

  it('rejects a bad masking value by its path before touching the page', async () => {
    let evaluated = false;
    const spy = { evaluate: async () => ((evaluated = true), []) };
    await expect(testing.auditPageMasking(spy, { masking: { presets: ['cards' as never] } })).rejects.toThrow('Invalid config "masking.presets[0]"');
    await expect(testing.auditPageMasking(spy, { masking: 'payment,cards' })).rejects.toThrow('"cards" in "payment,cards" is not accepted');
    expect(evaluated).toBe(false);
  });

  it('maskingAuditScript is one expression any driver can evaluate', async () => {
    await open('catalogue.html');
    const script = await testing.maskingAuditScript({ masking: 'default,contact' });
    const raw = (await page.evaluate(script)) as { category: string }[];
    expect(raw.map((f) => f.category).sort()).toEqual(expected('catalogue.html', ['payment', 'credentials', 'contact']));
  });
});

describe('expectNoUnmaskedFields', () => {
  it('fails with the page, each field and what to add', async () => {
    await open('catalogue.html');
    const findings = await testing.auditPageMasking(page);
    const error = await testing.expectNoUnmaskedFields(page).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const message = error!.message;
    expect(message).toContain(`[zoom-cobrowse-widget] Masking audit of ${server.origin}/test/fixtures/masking/catalogue.html: ${findings.length} sensitive-looking fields are not masked`);
    for (const f of findings) expect(message).toContain(`${f.selector}  (${f.reason})`);
    expect(message).toContain('add "contact", "address" to masking.presets (on a script tag: data-masking="payment,credentials,contact,address")');
  });

  it('points at masking.selectors for fields no missing preset would cover', async () => {
    await open('checkout.html');
    const masking = { presets: ['payment', 'credentials', 'contact', 'address'] as never[] };
    const error = await testing.expectNoUnmaskedFields(page, { masking }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('to masking.presets');
    expect((error as Error).message).toMatch(/list their selectors in masking\.selectors \(e\.g\. "[^"]+"\), or put the data-zoom-cobrowse-mask attribute/);
  });

  it('the report says when masking is off, and names the presets to turn on in order', () => {
    const findings = [
      { selector: '#mail', category: 'contact' as const, reason: 'type="email"' },
      { selector: '#cc', category: 'payment' as const, reason: 'autocomplete="cc-number"' },
      { selector: '.balance', category: 'unknown' as const, reason: 'marked private for another tool (.fs-mask)' },
    ];
    const text = testing.formatMaskingFindings(findings, false);
    expect(text).toContain('3 sensitive-looking fields are not masked');
    expect(text).toContain('Masking is off (masking: false). To hide them:');
    expect(text).toContain('add "payment", "contact" to masking.presets (on a script tag: data-masking="payment,contact")');
    expect(text).toContain('for the others, list their selectors in masking.selectors (e.g. ".balance")');
    expect(testing.formatMaskingFindings(findings, 'default,strict')).toContain('data-masking="payment,credentials,contact,strict"');
    expect(testing.formatMaskingFindings([])).toBe('no sensitive-looking field is left unmasked.');
  });

  it('resolves when the masking covers every field', async () => {
    await open('catalogue.html');
    await expect(testing.expectNoUnmaskedFields(page, { masking: 'default,contact,address' })).resolves.toBeUndefined();
  });
});

describe('the built testing entry', () => {
  it('loads no Playwright and no node: module, so browsers can still import it for the fake SDK', () => {
    const files = readdirSync(DIST).filter((f) => /^(testing|audit-script-.*)\.(js|cjs)$/.test(f));
    expect(files.length).toBe(4);
    for (const file of files) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code, file).not.toMatch(/playwright/);
      expect(code, file).not.toMatch(/["']node:/);
    }
  });
});
