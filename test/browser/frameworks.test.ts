import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * React 19 (StrictMode, development build) and Vue 3 apps bundled with esbuild from the
 * built package, resolved as an app would resolve it: `zoom-cobrowse-widget/react` through
 * package.json `exports` to dist/react.js, which imports `zoom-cobrowse-widget` (dist/index.js).
 * Zoom's CDN is answered with the fake SDK, as in flow.test.ts.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const APPS = { react: 'react-app.ts', vue: 'vue-app.ts' } as const;
type Framework = keyof typeof APPS;

let h: Harness;
let modules: string;
const bundles: Partial<Record<Framework, { code: string; inputs: string[] }>> = {};

async function bundle(framework: Framework): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [join(ROOT, 'test/browser/pages/frameworks', APPS[framework])],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    // The package under its own name, as installed in an app's node_modules.
    nodePaths: [modules],
    // Not the repository's tsconfig: its paths map the package name to src/.
    tsconfigRaw: '{}',
    // Development builds: React's StrictMode runs every effect twice only there.
    define: { 'process.env.NODE_ENV': '"development"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zcw-frameworks-'));
  modules = join(dir, 'node_modules');
  mkdirSync(modules);
  symlinkSync(ROOT, join(modules, 'zoom-cobrowse-widget'));
  bundles.react = await bundle('react');
  bundles.vue = await bundle('vue');
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  if (modules) rmSync(resolve(modules, '..'), { recursive: true, force: true });
});

/** Opens the app page (served from memory under the harness origin) and collects console errors and page errors. */
async function open(framework: Framework, query = ''): Promise<{ page: Page; errors: string[] }> {
  const { page, context } = await h.newPage();
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await context.route(`${h.server.origin}/frameworks/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('.js')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: bundles[framework]!.code });
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${framework}</title></head><body><div id="root"></div><script type="module" src="/frameworks/${framework}-app.js"></script></body></html>`,
    });
  });
  await page.goto(`${h.server.origin}/frameworks/${framework}.html${query}`);
  return { page, errors };
}

const launchers = (page: Page) => page.locator('[data-zoom-cobrowse-widget] [data-part="launcher"]');
const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-zoom-cobrowse-widget]').length);

describe.each(['react', 'vue'] as const)('%s adapter in Chromium, from dist/', (framework) => {
  it('the bundle holds the built adapter and one copy of the widget (one single-widget slot)', () => {
    const { code, inputs } = bundles[framework]!;
    expect(inputs).toContain(`dist/${framework}.js`);
    expect(inputs).toContain('dist/index.js');
    expect(inputs.filter((i) => i.startsWith('src/'))).toEqual([]);
    expect(code.match(/a widget is already mounted on this page/g)).toHaveLength(1);
  });

  it('one launcher; consent → PIN against the fake SDK; events and the hook follow', async () => {
    const { page, errors } = await open(framework);
    await page.getByRole('heading', { name: framework === 'react' ? 'React shop' : 'Vue shop' }).waitFor();
    await launchers(page).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await launchers(page).count()).toBe(1);
    expect(await hostCount(page)).toBe(1);
    // StrictMode really ran the effect twice: widget #1 was created and destroyed, #2 is the one shown.
    expect(await page.locator('[data-zoom-cobrowse-widget]').getAttribute('data-zoom-cobrowse-widget')).toBe(framework === 'react' ? '2' : '1');
    // getCobrowseWidget() from the main entry sees the widget the adapter created, and so does the hook.
    expect(await page.evaluate(() => { const w = window as any; return w.getCobrowseWidget() !== null && w.getCobrowseWidget() === w.hookWidget; })).toBe(true);
    expect(await page.locator('#status').textContent()).toBe('idle');

    await launchers(page).click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    const pin = page.locator('[data-part="pin"]');
    await pin.waitFor();
    const pinCode = await pin.getAttribute('data-pin');
    expect(pinCode).toMatch(/^\d{6}$/);
    expect(await page.evaluate(() => (window as any).ZoomCobrowseFake.pin)).toBe(pinCode);
    expect(await page.evaluate(() => (window as any).events)).toEqual([['consent', true], ['pin', pinCode]]);
    await expect.poll(() => page.locator('#status').textContent()).toBe(`waiting:${pinCode}`);
    expect(await hostCount(page)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('unmount ends the session and removes the widget; remount shows one launcher again, with no error', async () => {
    const { page, errors } = await open(framework);
    await launchers(page).waitFor();
    await launchers(page).click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    await page.locator('[data-part="pin"]').waitFor();

    await page.locator('#toggle').click();
    await expect.poll(() => hostCount(page)).toBe(0);
    await expect.poll(() => page.locator('#status').textContent()).toBe('none');
    expect(await page.evaluate(() => (window as any).getCobrowseWidget())).toBeNull();
    await expect.poll(() => page.evaluate(() => (window as any).ZoomCobrowseFake.state)).toBe('ended');

    await page.locator('#toggle').click();
    await launchers(page).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await launchers(page).count()).toBe(1);
    expect(await hostCount(page)).toBe(1);
    await expect.poll(() => page.locator('#status').textContent()).toBe('idle');
    expect(errors).toEqual([]);
  });

  it('a bad config (empty sdkKey): the app stays up and a prefixed console error names the field', async () => {
    const { page, errors } = await open(framework, '?bad');
    await page.getByRole('heading', { name: framework === 'react' ? 'React shop' : 'Vue shop' }).waitFor();
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "sdkKey"/);
    expect(await hostCount(page)).toBe(0);
    expect(await page.locator('#status').textContent()).toBe('none');
    // Still interactive: the app's own state updates.
    await page.locator('#toggle').click();
    await expect.poll(() => page.locator('#toggle').textContent()).toBe('Mount');
  });
});
