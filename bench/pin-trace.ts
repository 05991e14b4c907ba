/**
 * Where "consent → PIN" goes: the network and page set-up of `npm run bench`'s consent → PIN rows
 * (token 300 ms, Zoom's SDK 800 ms from the emulated CDN, bench/zoom-cdn.ts), with every step
 * time-stamped in the page relative to the Accept click, and the median of each printed in order.
 * Needs a built dist/ (`npm run build`). Nothing in the widget is changed: the steps are seen from
 * outside (resource timing, a wrapped fetch, a wrapped window.ZoomCobrowseSDK, DOM observers).
 *
 *   npx tsx bench/pin-trace.ts                  read 0, opened with a launcher click, 1× CPU
 *   READ=2000 npx tsx bench/pin-trace.ts        reading the consent step 2 s first
 *   SLOW=1 HOW=open npx tsx bench/pin-trace.ts  Fast 3G + 4× CPU, opened by open() (HOW=hover: hover-warmed)
 *   ROUTED=1 …                                  Zoom's host served by a Playwright route, as the bench once did
 *   N=10 …                                      runs (default 5)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createFakeToken } from '../src/testing/jwt';
import { launchChromium } from '../test/browser/chromium';
import { startStaticServer } from '../test/browser/static-server';
import { startEmulatedCdn } from './zoom-cdn';

const ROOT = resolve(import.meta.dirname, '..');
const TOKEN_MS = 300;
const SDK_MS = 800;
const RUNS = Number(process.env.N ?? 5);
const READ_MS = Number(process.env.READ ?? 0);
const HOW = process.env.HOW ?? 'click';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fakeSdk = readFileSync(resolve(ROOT, 'dist/zoom-cobrowse-fake-sdk.iife.js'), 'utf8');
const page0 = readFileSync(resolve(ROOT, 'bench/pages/mount.html'), 'utf8');

const server = await startStaticServer({
  '/api/cobrowse/token': async () => {
    await sleep(TOKEN_MS);
    return { status: 200, body: JSON.stringify({ token: createFakeToken({ sdkKey: 'bench-sdk-key' }) }) };
  },
  '/bench/pages/page.html': () => ({ status: 200, type: 'text/html; charset=utf-8', body: page0 }),
});
const cdn = await startEmulatedCdn('us01-zcb.zoom.us', fakeSdk, SDK_MS, resolve(ROOT, 'node_modules/.cache/zoom-cobrowse-bench'));
const browser = await launchChromium(cdn.chromiumArgs);

/** Runs before the page: marks (first time only) the steps of a start as seen from outside the widget. */
const INIT = `(() => {
  const T = (window.__T = {});
  const mark = (k) => { if (!(k in T)) T[k] = performance.now(); };
  window.__mark = mark;
  const f = window.fetch;
  window.fetch = function (...a) { mark('token fetch called'); return f.apply(this, a).then((r) => (mark('token fetch resolved'), r)); };
  let sdk;
  Object.defineProperty(window, 'ZoomCobrowseSDK', { configurable: true, get: () => sdk, set(v) {
    mark('SDK script evaluated');
    sdk = v;
    const init = v.init.bind(v);
    v.init = (s, cb) => { mark('SDK init() called'); return init(s, (r) => {
      mark('SDK init() called back');
      if (r.session) {
        const start = r.session.start.bind(r.session);
        r.session.start = (...a) => (mark('SDK start() called'), start(...a));
        const on = r.session.on.bind(r.session);
        r.session.on = (n, h) => on(n, n === 'pincode_updated' ? (p) => { mark('SDK pincode_updated'); h(p); mark('widget handled the PIN'); } : h);
      }
      cb(r);
    }); };
  } });
  new MutationObserver((ms) => { for (const m of ms) for (const n of m.addedNodes) {
    if (n.tagName === 'SCRIPT' && n.src) { const k = n.src.includes('zoom.us') ? 'SDK' : n.src.match(/cobrowse-(\\w+)\\.iife/)?.[1]; n.addEventListener('load', () => mark(k + ' script onload')); }
  } }).observe(document, { childList: true, subtree: true });
})()`;

const shadow = `document.querySelector('[data-zoom-cobrowse-widget]')?.shadowRoot`;
const rows: Array<Record<string, number>> = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  await context.addInitScript(INIT);
  let routeHits = 0;
  if (process.env.ROUTED) {
    await context.route('https://us01-zcb.zoom.us/**', async (route) => {
      routeHits++;
      await sleep(SDK_MS);
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeSdk });
    });
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const net: string[] = [];
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', (e) => {
    const t = e.response.timing;
    if (e.response.url.includes('zoom.us') && t) net.push(`${e.type}: connect ${Math.round(t.connectEnd - t.connectStart)} ms (TLS ${Math.round(t.sslEnd - t.sslStart)}), headers ${Math.round(t.receiveHeadersEnd)} ms after the request`);
  });
  if (process.env.SLOW) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (0.75 * 1024 * 1024 * 0.9) / 8 });
  }
  await page.goto(`${server.origin}/bench/pages/page.html`, { waitUntil: 'load' });
  await page.waitForFunction(`!!${shadow}?.querySelector('[data-part="launcher"]')`, undefined, { polling: 'raf' });
  if (HOW === 'hover') {
    await page.locator('[data-part="launcher"]').hover();
    await page.waitForFunction('window.ZoomCobrowseEngine', undefined, { timeout: 60_000 });
    await page.locator('[data-part="launcher"]').click();
  } else if (HOW === 'open') await page.evaluate('ZoomCobrowseWidget.open()');
  else await page.evaluate(`${shadow}.querySelector('[data-part="launcher"]').click()`);
  await page.waitForFunction(`!!${shadow}?.querySelector('[data-action="accept"]')`, undefined, { polling: 'raf', timeout: 60_000 });
  await page.evaluate(`__mark('consent step seen by the bench')`);
  await sleep(READ_MS);
  const r = (await page.evaluate(`(async () => {
    const root = ${shadow};
    const t0 = performance.now();
    __T['Accept clicked'] = t0;
    new MutationObserver(() => root.querySelector('.spin') && __mark('spinner in the DOM')).observe(root, { childList: true, subtree: true });
    root.querySelector('[data-action="accept"]').click();
    await new Promise((res) => {
      const mo = new MutationObserver(() => {
        if (!root.querySelector('[data-part="pin"]')) return;
        mo.disconnect();
        __mark('PIN in the DOM');
        requestAnimationFrame(() => { __mark('next frame (rAF)'); setTimeout(res, 0); });
      });
      mo.observe(root, { childList: true, subtree: true });
    });
    __mark('frame painted (the bench stops here)');
    for (const e of performance.getEntriesByType('resource')) {
      const k = e.name.includes('zoom.us') ? 'SDK ' + (e.initiatorType === 'link' ? 'prefetch' : 'script') : e.name.includes('/api/cobrowse/token') ? 'token' : e.name.match(/cobrowse-(\\w+)\\.iife/)?.[1];
      if (k) { __T[k + ' request'] ??= e.startTime; __T[k + ' response end'] ??= e.responseEnd; }
    }
    return Object.fromEntries(Object.entries(__T).map(([k, v]) => [k, v - t0]));
  })()`)) as Record<string, number>;
  rows.push(r);
  if (i === 0) console.log(`${net.join('\n')}\nrequests that reached Zoom's host: ${process.env.ROUTED ? `${routeHits} (route)` : `${cdn.hits()} (emulated CDN)`}\n`);
  await context.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const steps = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((k) => [k, median(rows.map((r) => r[k]).filter((x): x is number => x !== undefined))] as const);
console.log(`median of ${RUNS} runs, ms from the Accept click (read ${READ_MS} ms, ${HOW}${process.env.SLOW ? ', Fast 3G + 4× CPU' : ''}${process.env.ROUTED ? ', routed' : ''}):`);
for (const [k, v] of steps.sort((a, b) => a[1] - b[1])) console.log(`${v.toFixed(1).padStart(9)}  ${k}`);
await browser.close();
await server.close();
await cdn.close();
