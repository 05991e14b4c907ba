/**
 * Create/destroy soak in Chromium (part of `npm run bench:soak`; needs `npm run build`).
 * SOAK_CYCLES (default 1 000) cycles of mount → open → consent → PIN (fake SDK served at
 * Zoom's CDN URL) → end → destroy in one page, through the script-tag build. After a forced
 * GC (CDP HeapProfiler.collectGarbage), the JS heap, DOM node count, event listeners (CDP
 * DOMDebugger.getEventListeners on window and document, and the page's total) and live
 * timers must be back within a small tolerance of the baseline taken after the first cycle.
 * Prints a table; exit code 1 when anything is outside its tolerance.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { createFakeToken } from '../src/testing/jwt';
import { launchChromium } from '../test/browser/chromium';
import { startStaticServer } from '../test/browser/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const CYCLES = Number(process.env.SOAK_CYCLES ?? 1000);
const SDK_KEY = 'soak-sdk-key';
const fakeSdk = readFileSync(resolve(ROOT, 'dist/zoom-cobrowse-fake-sdk.iife.js'), 'utf8');

const server = await startStaticServer({
  '/api/cobrowse/token': () => ({ status: 200, body: JSON.stringify({ token: createFakeToken({ sdkKey: SDK_KEY }) }) }),
});
const browser = await launchChromium();
const context = await browser.newContext();
await context.route('https://us01-zcb.zoom.us/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeSdk }));
const page: Page = await context.newPage();
const pageErrors: string[] = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
await page.goto(`${server.origin}/bench/pages/soak.html`, { waitUntil: 'networkidle' });
const cdp: CDPSession = await context.newCDPSession(page);
await cdp.send('Performance.enable');

// A string, not a function: tsx would wrap a function with helpers the page doesn't have.
await page.evaluate(`(() => {
  const sleep = (ms) => new Promise((r) => window.__orig.setTimeout.call(window, r, ms));
  const waitFor = async (what, fn) => {
    const t0 = performance.now();
    for (;;) {
      const v = fn();
      if (v) return v;
      if (performance.now() - t0 > 10000) throw new Error('soak: timed out waiting for ' + what + ' (state ' + (window.ZoomCobrowseWidget.getWidget()?.getState().state) + ')');
      await sleep(2);
    }
  };
  window.__cycle = async () => {
    const w = window.ZoomCobrowseWidget.mount();
    const root = () => document.querySelector('[data-zoom-cobrowse-widget]')?.shadowRoot;
    w.open();
    const accept = await waitFor('consent', () => root()?.querySelector('[data-action="accept"]'));
    accept.click();
    await waitFor('PIN', () => root()?.querySelector('[data-part="pin"]'));
    await w.end();
    if (w.getState().state !== 'ended') throw new Error('soak: not ended but ' + w.getState().state);
    w.destroy();
    if (document.querySelector('[data-zoom-cobrowse-widget]')) throw new Error('soak: host left after destroy()');
    // The fake SDK logs every init, start and event for tests to read (window.ZoomCobrowseFake);
    // cleared each cycle so the soak measures the widget, not the test double's log.
    window.ZoomCobrowseFake.reset();
  };
  window.__run = async (n) => { for (let i = 0; i < n; i++) await window.__cycle(); };
})()`);

interface Sample {
  cycles: number;
  heap: number;
  nodes: number;
  documentNodes: number;
  listenersWindow: number;
  listenersDocument: number;
  listenersAll: number;
  timers: number;
}

async function listenersOn(expression: string): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  return listeners.length;
}

async function sample(cycles: number): Promise<Sample> {
  // Twice: the first pass can leave finalizer-held objects for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const page_ = (await page.evaluate(`({
    documentNodes: document.getElementsByTagName('*').length,
    timers: Object.values(window.__timers).reduce((n, s) => n + s.size, 0),
  })`)) as { documentNodes: number; timers: number };
  return {
    cycles,
    heap: usedSize,
    nodes: metrics.Nodes ?? NaN,
    documentNodes: page_.documentNodes,
    listenersWindow: await listenersOn('window'),
    listenersDocument: await listenersOn('document'),
    listenersAll: metrics.JSEventListeners ?? NaN,
    timers: page_.timers,
  };
}

const started = performance.now();
await page.evaluate('window.__run(1)');
const baseline = await sample(1);
const samples: Sample[] = [baseline];
let done = 1;
for (const checkpoint of [10, 100, 250, 500, 750, 1000, 2000, 5000].filter((c) => c < CYCLES).concat(CYCLES)) {
  await page.evaluate(`window.__run(${checkpoint - done})`);
  done = checkpoint;
  samples.push(await sample(done));
  console.log(`[soak] widget: ${done} cycles, heap ${(samples.at(-1)!.heap / 1024).toFixed(0)} KiB, nodes ${samples.at(-1)!.nodes}`);
}
const seconds = (performance.now() - started) / 1000;
const last = samples.at(-1)!;
await browser.close();
await server.close();

// Tolerances: a leak of one node, listener or timer per cycle would show as 999 of them. The
// heap grows by several hundred KiB over the first ~10 cycles as V8 compiles and optimises the
// widget's code, and by one more step of ~100 KiB somewhere between cycles 500 and 750 (V8
// optimising the hot paths: with --js-flags=--max-opt=0 the heap stays flat from cycle 100 on),
// then stays flat (see the series printed below and the README's Reliability section). So the
// heap gets 1 MiB against cycle 1, and the second half of the run 512 bytes per cycle: a
// leaked widget (its closures, its shadow tree, its Preact tree) would be kilobytes per cycle.
const KiB = 1024;
const middle = samples.filter((s) => s.cycles <= CYCLES / 2).at(-1)!;
const checks: Array<{ name: string; base: number; end: number; slack: number; unit: 'KiB' | '' }> = [
  { name: 'JS heap after GC', base: baseline.heap, end: last.heap, slack: 1024 * KiB, unit: 'KiB' },
  { name: `JS heap after GC, cycles ${middle.cycles} → ${CYCLES}`, base: middle.heap, end: last.heap, slack: Math.max(16 * KiB, (CYCLES - middle.cycles) * 512), unit: 'KiB' },
  { name: 'DOM nodes (CDP Performance.Nodes)', base: baseline.nodes, end: last.nodes, slack: 20, unit: '' },
  { name: 'elements in the document', base: baseline.documentNodes, end: last.documentNodes, slack: 0, unit: '' },
  { name: 'listeners on window (DOMDebugger)', base: baseline.listenersWindow, end: last.listenersWindow, slack: 0, unit: '' },
  { name: 'listeners on document (DOMDebugger)', base: baseline.listenersDocument, end: last.listenersDocument, slack: 0, unit: '' },
  { name: 'listeners in the page (JSEventListeners)', base: baseline.listenersAll, end: last.listenersAll, slack: 5, unit: '' },
  { name: 'live timers (timeout, interval, rAF, idle)', base: baseline.timers, end: last.timers, slack: 0, unit: '' },
];
const fmt = (n: number, unit: string): string => (unit === 'KiB' ? `${(n / KiB).toFixed(0)} KiB` : String(n));
const rows = checks.map((c) => [c.name, fmt(c.base, c.unit), fmt(c.end, c.unit), `${c.end - c.base >= 0 ? '+' : ''}${fmt(c.end - c.base, c.unit)}`, `≤ +${fmt(c.slack, c.unit)}`, c.end - c.base <= c.slack ? 'ok' : 'FAIL']);
const header = ['widget soak', 'after cycle 1', `after ${CYCLES}`, 'change', 'tolerance', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(`\n${line(header)}`);
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\n[soak] widget: ${CYCLES} cycles of mount → open → consent → PIN → end → destroy in ${seconds.toFixed(0)} s (${((seconds * 1000) / CYCLES).toFixed(0)} ms per cycle), one page, script-tag build + fake SDK`);
console.log(`[soak] widget heap after GC at ${samples.map((s) => `${s.cycles}: ${(s.heap / KiB).toFixed(0)} KiB`).join(', ')}`);
const failed = rows.filter((r) => r[5] === 'FAIL').map((r) => r[0]);
if (pageErrors.length) console.error(`[soak] page errors:\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
if (failed.length || pageErrors.length) {
  console.error(`[zoom-cobrowse-widget] soak: widget outside tolerance: ${failed.join(', ') || 'page errors'}`);
  process.exitCode = 1;
} else {
  console.log('[soak] widget: OK — heap, nodes, listeners and timers back to the first cycle\'s baseline');
}
