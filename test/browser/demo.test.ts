// The demo (`npm run demo`), end to end: its Vite dev server started here in emulator mode, the
// customer and agent pages in two tabs of one Chromium context, talking over BroadcastChannel.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from '../../src/testing/jwt';
import { launchChromium } from './chromium';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'docs/screenshots');
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

// What the visitor types. The secret ones must never reach the agent, in any form.
const CARD = '4242 4242 4242 4242';
const CARD_NAME = 'Augusta Ada King';
const DOB = '1984-07-23';
const EMAIL = 'ada@analytical.example';
const IBAN = 'DE89370400440532013000';
const SECRETS = ['4242', CARD_NAME, DOB, '1984', '23/07', '07/23', EMAIL, IBAN, 'DE8937'];
// And the ordinary ones the agent needs to see to help.
const NAME = 'Ada Lovelace';
const CITY = 'Porthcurno';
const STREET = '1 Cable Lane';

let server: ViteDevServer;
let origin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Starts the demo's dev server as `npm run demo` would, with these environment variables in force while it reads them. */
async function startDemo(env: Record<string, string>): Promise<{ server: ViteDevServer; origin: string }> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const s = await createServer({
      configFile: resolve(ROOT, 'demo/vite.config.ts'),
      configLoader: 'runner',
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await s.listen();
    return { server: s, origin: `http://127.0.0.1:${(s.httpServer?.address() as AddressInfo).port}` };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

beforeAll(async () => {
  // Emulator whatever a developer's .env says: the test needs the fake SDK, not a Zoom account.
  ({ server, origin } = await startDemo({ DEMO_MODE: 'emulator' }));
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

/** A context whose pages record every emulator message they can observe and every CSP violation. */
async function newContext(options: { locale?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, ...options });
  contexts.push(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __emulatorLog: string[]; __csp: string[] };
    w.__emulatorLog = [];
    w.__csp = [];
    // A second BroadcastChannel in the page hears what both the page's own bridge and the other tab send.
    new BroadcastChannel('zoom-cobrowse-emulator').onmessage = (e) => w.__emulatorLog.push(JSON.stringify(e.data));
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  return context;
}

async function newPage(context: BrowserContext): Promise<{ page: Page; console: string[] }> {
  const page = await context.newPage();
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return { page, console: lines };
}

/** Launcher → consent → PIN, as a visitor does it; returns the PIN the widget shows. */
async function askForHelp(page: Page): Promise<string> {
  await page.locator('[data-zoom-cobrowse-widget] [data-part="launcher"]').click();
  await page.locator('[data-zoom-cobrowse-widget] [data-action="accept"]').click();
  const pin = page.locator('[data-zoom-cobrowse-widget] [data-part="pin"]');
  await pin.waitFor();
  const code = await pin.getAttribute('data-pin');
  expect(code).toMatch(/^[A-Z0-9]{6,10}$/);
  return code!;
}

const widgetState = (page: Page): Promise<string | null> => page.locator('[data-zoom-cobrowse-widget] .root').getAttribute('data-state');

async function joinFromAgent(agent: Page, pin: string): Promise<void> {
  await agent.locator('#pin').fill(pin);
  await agent.locator('#join').click();
  await expect.poll(() => agent.locator('#status').textContent()).toContain('Connected');
}

/** Everything the agent's view holds: both iframes' srcdoc and their rendered documents. */
async function agentViewHtml(agent: Page): Promise<string> {
  const parts: string[] = [];
  for (const frame of await agent.locator('iframe[data-part="agent-view"]').all()) {
    parts.push((await frame.getAttribute('srcdoc')) ?? '');
    const content = await (await frame.elementHandle())?.contentFrame();
    if (content) parts.push(await content.content());
  }
  return parts.join('\n');
}

const channelLog = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { __emulatorLog: string[] }).__emulatorLog.join('\n'));

describe('npm run demo, emulator mode', () => {
  it('serves every page, the in-memory IIFE and fake SDK, and the token endpoint', async () => {
    for (const path of ['/', '/script-tag.html', '/agent.html', '/theme.html']) {
      const res = await fetch(origin + path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('data-demo-chrome');
    }
    for (const path of ['/dist/zoom-cobrowse-widget.iife.js', '/emulator/sdk/demo-sdk-key/js']) {
      const res = await fetch(origin + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('javascript');
      expect(await res.text(), path).not.toContain('build failed');
    }
    // Customer tokens for the pages, agent tokens for the agent console (demo-only authorizeAgent), nothing for other sites.
    const post = (body: unknown, from = origin) =>
      fetch(`${origin}/api/cobrowse/token`, { method: 'POST', headers: { 'content-type': 'application/json', origin: from }, body: JSON.stringify(body) });
    const customer = (await (await post({ role: 1 })).json()) as { token: string };
    expect(decodeJwt(customer.token)).toMatchObject({ app_key: 'demo-sdk-key', role_type: 1 });
    const agent = (await (await post({ role: 2 })).json()) as { token: string };
    expect(decodeJwt(agent.token)).toMatchObject({ role_type: 2 });
    expect((await post({ role: 1 }, 'https://evil.example')).status).toBe(403);
  });

  it('script-tag page: a fresh nonce per response, in the header and on every script and style', async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${origin}/script-tag.html`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain(`style-src 'nonce-${nonce}'`);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      const html = await res.text();
      const tags = (html.match(/<(script|style|link)\b[^>]*>/g) ?? []).filter((t) => !t.startsWith('<link') || t.includes('stylesheet'));
      expect(tags.length).toBeGreaterThanOrEqual(5);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('shop + agent console: wrong PIN refused, join, masked live view, remote assist, leave, end', async () => {
    const context = await newContext();
    const { page: shop, console: shopConsole } = await newPage(context);
    const { page: agent } = await newPage(context);
    await shop.goto(`${origin}/`);
    await agent.goto(`${origin}/agent.html`);

    const pin = await askForHelp(shop);
    // The agent console lists the customer's tab (never its PIN).
    await expect.poll(() => agent.locator('#customers').textContent()).toContain('waiting for an agent');
    expect(await agent.locator('#customers').textContent()).not.toContain(pin);

    // A PIN that matches no session gets the desk's own words, and the customer keeps waiting.
    await agent.locator('#pin').fill(pin === '000000' ? '111111' : '000000');
    await agent.locator('#join').click();
    await expect.poll(() => agent.locator('#join-error').textContent()).toBe('Pincode is not found');
    expect(await widgetState(shop)).toBe('waiting');

    // The PIN as the visitor reads it aloud, grouped, still works.
    await joinFromAgent(agent, `${pin.slice(0, 3)} ${pin.slice(3)}`);
    await expect.poll(() => widgetState(shop)).toBe('active');

    // The visitor fills in the checkout while the agent watches.
    await shop.locator('input[name="email"]').fill(EMAIL);
    await shop.locator('input[name="shipping_name"]').fill(NAME);
    await shop.locator('input[name="shipping_street"]').fill(STREET);
    await shop.locator('input[name="shipping_city"]').fill(CITY);
    await shop.locator('input[name="dob"]').fill(DOB);
    await shop.locator('input[name="cardnumber"]').fill(CARD);
    await shop.locator('input[name="ccname"]').fill(CARD_NAME);
    await shop.locator('input[name="cvc"]').fill('737');

    // The agent sees the ordinary fields as typed…
    const view = agent.frameLocator('iframe[data-part="agent-view"][data-current]');
    await expect.poll(() => view.locator('input[name="shipping_city"]').inputValue(), { timeout: 5000 }).toBe(CITY);
    expect(await view.locator('input[name="shipping_name"]').inputValue()).toBe(NAME);
    expect(await view.locator('input[name="shipping_street"]').inputValue()).toBe(STREET);
    // …and the masked ones as a placeholder: the field is there, its value is not.
    await expect.poll(() => view.locator('input[name="cardnumber"]').inputValue()).toBe('••••••');
    expect(await view.locator('input[name="dob"]').inputValue()).toBe('••••••');
    expect(await view.locator('input[name="email"]').inputValue()).toBe('••••••');
    // The demo bar and the widget itself are not part of what the agent sees.
    expect(await view.locator('[data-demo-chrome], [data-zoom-cobrowse-widget]').count()).toBe(0);

    // No secret anywhere: not in the agent's frames, not in any message either tab could observe.
    const html = await agentViewHtml(agent);
    expect(html).toContain(CITY);
    const logs = (await channelLog(shop)) + (await channelLog(agent));
    expect(logs).toContain(CITY); // the spy did hear the snapshots
    for (const secret of SECRETS) {
      expect(html, `agent view contains ${secret}`).not.toContain(secret);
      expect(logs, `channel carried ${secret}`).not.toContain(secret);
    }
    expect(html).not.toMatch(/<script/i);

    // Remote assist: Zoom first asks the visitor in its own prompt (requireConsent is on by default);
    // until they allow it, the agent waits and cannot move the page.
    await agent.locator('#assist').click();
    await expect.poll(() => agent.locator('#status').textContent()).toContain('Waiting for the customer to allow remote assist');
    const prompt = shop.getByRole('dialog', { name: 'Allow remote assist?' });
    await prompt.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => agent.locator('#status').textContent()).toContain('The customer declined remote assist');
    expect(await shop.evaluate(() => window.widget?.getState().remoteAssist)).toBe(false);
    await agent.locator('#assist').click();
    await prompt.waitFor();
    expect(await agent.locator('#scroll-down').isDisabled()).toBe(true);
    expect(await shop.evaluate(() => window.widget?.getState().remoteAssist)).toBe(false);
    // The prompt is the visitor's: it is not part of what the agent sees.
    await agent.waitForTimeout(1200);
    expect(await agentViewHtml(agent)).not.toContain('Allow remote assist?');
    await prompt.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => agent.locator('#status').textContent()).toContain('Remote assist is on');
    await expect.poll(() => shop.evaluate(() => window.widget?.getState().remoteAssist)).toBe(true);
    await agent.locator('#scroll-down').click();
    await expect.poll(() => shop.evaluate(() => window.scrollY)).toBeGreaterThan(100);

    if (UPDATE_SCREENSHOTS) await screenshots(shop, agent);

    // Leave: the visitor waits again with the same PIN; the agent can come back.
    await agent.locator('#leave').click();
    await expect.poll(() => widgetState(shop)).toBe('waiting');
    expect(await agent.locator('iframe[data-part="agent-view"]').count()).toBe(0);
    await joinFromAgent(agent, pin);
    await expect.poll(() => widgetState(shop)).toBe('active');

    // End from the agent: the visitor sees the session end.
    await agent.locator('#end').click();
    await expect.poll(() => widgetState(shop)).toBe('ended');
    await expect.poll(() => agent.locator('#status').textContent()).toMatch(/ended/);
    expect(shopConsole.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  }, 60_000); // the screenshots (UPDATE_SCREENSHOTS=1) add several seconds on a busy machine

  it('script-tag page under its strict CSP: zero violations through launcher → consent → PIN → join → end', async () => {
    // A German visitor: the IIFE also fetches its language file, which must pass the CSP too.
    const context = await newContext({ locale: 'de-DE' });
    const { page, console: lines } = await newPage(context);
    const distAnswers: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/dist/')) distAnswers.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const { page: agent } = await newPage(context);
    await page.goto(`${origin}/script-tag.html`);
    await agent.goto(`${origin}/agent.html`);

    const pin = await askForHelp(page);
    // The SDK script the widget injected carried the nonce it took from its own script tag.
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.src.includes('/emulator/sdk/') && s.nonce !== ''))).toBe(true);
    await joinFromAgent(agent, pin);
    await expect.poll(() => widgetState(page)).toBe('active');

    await page.locator('input[name="order_number"]').fill('TO-104233');
    await page.locator('input[name="iban"]').fill(IBAN);
    const view = agent.frameLocator('iframe[data-part="agent-view"][data-current]');
    await expect.poll(() => view.locator('input[name="order_number"]').inputValue(), { timeout: 5000 }).toBe('TO-104233');
    expect(await view.locator('input[name="iban"]').inputValue()).toBe('••••••');
    expect(await agentViewHtml(agent)).not.toContain(IBAN);
    expect((await channelLog(page)) + (await channelLog(agent))).not.toContain(IBAN);

    await agent.locator('#end').click();
    await expect.poll(() => widgetState(page)).toBe('ended');

    // Every file the script-tag build asked for was there: the IIFE, and the engine (and language) files it loads on intent.
    expect(distAnswers.length).toBeGreaterThanOrEqual(2);
    for (const answer of distAnswers) expect(answer).toMatch(/^200 /);

    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(lines.filter((l) => /Content[- ]Security[- ]Policy/i.test(l))).toEqual([]);
    // The page's own counter, which a developer looks at, agrees.
    expect(await page.locator('#csp-count').textContent()).toBe('0');

    // And the policy is really enforced: an unnonced inline script is blocked and counted.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.head.append(s);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await expect.poll(() => page.locator('#csp-count').textContent()).toBe('1');
  });

  it('theme playground: an edit restyles the widget live; a bad value shows the config error and keeps the last good theme', async () => {
    const context = await newContext();
    const { page } = await newPage(context);
    await page.goto(`${origin}/theme.html`);
    const host = page.locator('[data-zoom-cobrowse-widget]');
    await host.locator('[data-part="launcher"]').waitFor();
    const launcherBackground = () => host.locator('[data-part="launcher"]').evaluate((el) => getComputedStyle(el).backgroundColor);

    await page.locator('#theme-json').fill(JSON.stringify({ primary: '#ff0000', position: 'bottom-left' }));
    await expect.poll(launcherBackground, { timeout: 3000 }).toBe('rgb(255, 0, 0)');
    await expect.poll(() => host.locator('.root').getAttribute('data-position')).toBe('bottom-left');
    expect(await page.locator('#theme-error').textContent()).toBe('');

    await page.locator('#theme-json').fill(JSON.stringify({ primary: 'banana' }));
    await expect.poll(() => page.locator('#theme-error').textContent()).toContain('theme.primary');
    expect(await launcherBackground()).toBe('rgb(255, 0, 0)');
    expect(await host.count()).toBe(1);
  });
});

describe('serializeForAgent (zoom-cobrowse-widget/testing): what the emulator never sends the agent', () => {
  it('strips code, keeps ordinary values, and leaves no trace of masked ones', async () => {
    const context = await newContext();
    const { page } = await newPage(context);
    await page.goto(`${origin}/agent.html`);
    const out = await page.evaluate(async (root) => {
      // import() spelled in a string: vitest rewrites dynamic imports in this file, even inside page code.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
      const bridge = (await load(`/@fs${root}/src/testing/bridge.ts`)) as typeof import('../../src/testing/bridge');
      const masking = (await load(`/@fs${root}/src/config/public-masking.ts`)) as typeof import('../../src/config/public-masking');
      const doc = document.implementation.createHTMLDocument('Account');
      doc.body.innerHTML = `
        <script>window.pwned = 1</script><noscript>nojs</noscript>
        <a href="javascript:alert(1)" onclick="steal()">link</a><img src="x.png" onerror="steal()">
        <style>p{color:red}</style>
        <input name="city"><input type="password" name="secret_pw"><input type="hidden" name="csrf" value="csrf-TOKEN-123">
        <input name="cardnumber" value="4111111111111111"><input name="cvc"><textarea name="notes" data-zoom-cobrowse-mask></textarea>
        <select name="exp_month"><option>01</option><option>12</option></select>
        <section data-zoom-cobrowse-mask><p>Recovery codes: 8f2k-19ds</p><input name="note"></section>
        <iframe srcdoc="<p>inner</p>"></iframe>`;
      const set = (sel: string, v: string) => ((doc.querySelector(sel) as HTMLInputElement).value = v);
      set('[name=city]', 'Porthcurno');
      set('[name=secret_pw]', 'hunter2-PASSWORD');
      set('[name=cardnumber]', '5500005555555559');
      set('[name=cvc]', '737-CVC');
      set('[name=notes]', 'notes-TEXT');
      set('[name=note]', 'note-TEXT');
      (doc.querySelector('[name=exp_month]') as HTMLSelectElement).selectedIndex = 1;
      // A style whose text tries to close the element and smuggle a script in.
      doc.querySelector('style')!.textContent = 'p{color:red}</style><script>window.pwned=2</script>';
      const payment = masking.compileMasking({ presets: ['payment'] });
      return {
        payment: bridge.serializeForAgent(doc, payment),
        off: bridge.serializeForAgent(doc, null),
        unknown: bridge.serializeForAgent(doc, undefined),
      };
    }, ROOT);

    const parsed = await page.evaluate((html) => {
      const d = new DOMParser().parseFromString(html, 'text/html');
      return { scripts: d.querySelectorAll('script').length, handlers: [...d.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)) };
    }, out.payment);
    expect(parsed).toEqual({ scripts: 0, handlers: [] });
    for (const html of Object.values(out)) {
      expect(html).not.toContain('javascript:');
      expect(html).not.toContain('csrf-TOKEN-123'); // hidden inputs: never
      expect(html).not.toContain('hunter2-PASSWORD'); // passwords: always masked, even with masking off
      expect(html).not.toContain('srcdoc');
      expect(html).not.toContain('nojs');
    }
    // Masking on: ordinary values in, masked values (typed or server-rendered) and the opt-in section out.
    expect(out.payment).toContain('value="Porthcurno"');
    for (const secret of ['5500005555555559', '4111111111111111', '737-CVC', 'notes-TEXT', 'Recovery codes', '8f2k', 'note-TEXT', '>12<']) {
      expect(out.payment, secret).not.toContain(secret);
    }
    expect(out.payment).toContain('data-emulator-masked');
    // Masking off shows what the visitor typed (that is what "off" means); rules not known yet mask every field.
    expect(out.off).toContain('5500005555555559');
    expect(out.unknown).not.toContain('Porthcurno');
    expect(out.unknown).not.toContain('5500005555555559');
  });
});

describe('npm run demo, real Zoom mode (Zoom routed to a stand-in: no credentials or network here)', () => {
  const KEY = 'real-mode-test-key';
  let real: { server: ViteDevServer; origin: string };
  let fakeSdk: string;
  beforeAll(async () => {
    real = await startDemo({ DEMO_MODE: 'zoom', ZOOM_SDK_KEY: KEY, ZOOM_SDK_SECRET: 'a-test-secret-that-is-long-enough-0123456789' });
    // The fake SDK reads the key from the CDN-style URL and only decodes tokens, so it can stand in for Zoom's CDN script.
    fakeSdk = await (await fetch(`${origin}/emulator/sdk/demo-sdk-key/js`)).text();
  });
  afterAll(async () => {
    await real?.server.close();
  });

  async function zoomContext(): Promise<{ context: BrowserContext; zoomUrls: string[] }> {
    const context = await newContext();
    const zoomUrls: string[] = [];
    await context.route('https://us01-zcb.zoom.us/**', (route) => {
      zoomUrls.push(route.request().url());
      const isDesk = route.request().url().includes('/frame-templates/desk');
      return route.fulfill(isDesk ? { contentType: 'text/html', body: '<p>agent desk</p>' } : { contentType: 'text/javascript', body: fakeSdk });
    });
    return { context, zoomUrls };
  }

  it("the agent page opens Zoom's hosted desk with an agent token from the project's handler", async () => {
    const { context, zoomUrls } = await zoomContext();
    const { page } = await newPage(context);
    await page.goto(`${real.origin}/agent.html`);
    await expect.poll(() => page.locator('#desk').getAttribute('src')).toMatch(/^https:\/\/us01-zcb\.zoom\.us\/sdkapi\/zcb\/frame-templates\/desk\?access_token=/);
    const src = new URL((await page.locator('#desk').getAttribute('src'))!);
    expect(decodeJwt(src.searchParams.get('access_token')!)).toMatchObject({ app_key: KEY, role_type: 2 });
    await expect.poll(() => zoomUrls.some((u) => u.includes('/frame-templates/desk'))).toBe(true);
    // The visible warning that agent tokens are handed out freely here, and how production must do it.
    expect(await page.locator('#zoom-desk .demo-note').textContent()).toContain('authorizeAgent');
    expect(await page.locator('#emulator').isHidden()).toBe(true);
  });

  it("the shop and the script-tag page load Zoom's CDN script with a customer token signed by the real-mode handler", async () => {
    const { context, zoomUrls } = await zoomContext();
    const { page: shop } = await newPage(context);
    await shop.goto(`${real.origin}/`);
    await askForHelp(shop);
    expect(zoomUrls).toContain(`https://us01-zcb.zoom.us/static/resource/sdk/${KEY}/js`);
    await shop.evaluate(() => window.widget?.end());

    const { context: csp, zoomUrls: cspZoom } = await zoomContext();
    const { page, console: lines } = await newPage(csp);
    await page.goto(`${real.origin}/script-tag.html`);
    await askForHelp(page);
    expect(cspZoom).toContain(`https://us01-zcb.zoom.us/static/resource/sdk/${KEY}/js`);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(lines.filter((l) => /Content[- ]Security[- ]Policy/i.test(l))).toEqual([]);
  });
});

/** docs/screenshots: the shop and the agent console side by side (only with UPDATE_SCREENSHOTS=1). */
async function screenshots(shop: Page, agent: Page): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await shop.evaluate(() => window.scrollTo(0, 0));
  await shop.locator('input[name="cardnumber"]').scrollIntoViewIfNeeded();
  await shop.bringToFront();
  await shop.waitForTimeout(500);
  const customer = await shop.screenshot();
  // Let the agent's view catch up with the scroll and finish loading the latest snapshot before the picture.
  await agent.bringToFront();
  await agent.waitForTimeout(1500);
  await expect.poll(() => agent.frameLocator('iframe[data-part="agent-view"][data-current]').locator('input[name="shipping_city"]').inputValue()).toBe(CITY);
  await agent.waitForTimeout(300);
  const agentShot = await agent.screenshot();
  writeFileSync(resolve(SHOTS, 'demo-customer.png'), customer);
  writeFileSync(resolve(SHOTS, 'demo-agent.png'), agentShot);
  const composite = await agent.context().newPage();
  await composite.setViewportSize({ width: 1640, height: 600 });
  const img = (b: Buffer, label: string) =>
    `<figure><img src="data:image/png;base64,${b.toString('base64')}" alt=""><figcaption>${label}</figcaption></figure>`;
  await composite.setContent(
    `<style>body{margin:0;padding:16px;background:#e5e7eb;display:flex;gap:16px;font:600 15px system-ui}figure{margin:0;flex:1}img{width:100%;border-radius:8px;box-shadow:0 4px 14px #0003}figcaption{margin-top:8px;text-align:center;color:#374151}</style>` +
      img(customer, 'Customer: the shop checkout, sharing') +
      img(agentShot, 'Agent: the console, masked fields blanked'),
  );
  await composite.screenshot({ path: resolve(SHOTS, 'demo-side-by-side.png'), fullPage: true });
  await composite.close();
}
