import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ZOOM_HOST, type Harness } from './harness';

/** What the a11y, keyboard and screenshot suites share: open the states page, walk the widget through its states, run axe. */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Query options of test/browser/pages/states.html. */
export interface StatesPageOptions {
  mode?: 'light' | 'dark' | 'auto';
  locale?: string;
  recovery?: 'auto' | 'prompt' | 'off';
  launcher?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** The PIN the fake SDK issues (it picks a random one otherwise): screenshots must not change from run to run. */
  pin?: string;
}

/** A context like Harness.newPage's (Zoom's CDN answers with the fake SDK), with a device scale factor. */
async function scaledContext(h: Harness, deviceScaleFactor: number): Promise<{ page: Page; context: BrowserContext }> {
  const fake = readFileSync(resolve(import.meta.dirname, '../../dist/zoom-cobrowse-fake-sdk.iife.js'), 'utf8');
  const context = await h.browser.newContext({ deviceScaleFactor });
  await context.route(`https://${ZOOM_HOST}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }));
  return { page: await context.newPage(), context };
}

/** A page with the script-tag widget, a fake clock (time still flows) and a gate on the token endpoint. */
export async function openStatesPage(h: Harness, o: StatesPageOptions = {}) {
  const { page, context } = o.deviceScaleFactor ? await scaledContext(h, o.deviceScaleFactor) : await h.newPage();
  if (o.viewport) await page.setViewportSize(o.viewport);
  await page.clock.install();
  // The fake SDK script reads its options from this global when the widget loads it.
  if (o.pin) await page.addInitScript((pin) => Object.assign(window, { ZoomCobrowseFakeOptions: { generatePin: () => pin } }), o.pin);
  let release: () => void = () => {};
  let gated = false;
  await context.route('**/api/cobrowse/token', async (route) => {
    if (gated) await new Promise<void>((r) => (release = r));
    await route.continue();
  });
  const q = new URLSearchParams({ mode: o.mode ?? 'light', locale: o.locale ?? 'en', recovery: o.recovery ?? 'auto', launcher: String(o.launcher ?? true) });
  await page.goto(`${h.server.origin}/test/browser/pages/states.html?${q}`);
  const w = widgetHandle(page);
  if (o.launcher !== false) await w.part('launcher').waitFor();
  return {
    page,
    context,
    ...w,
    /** The next token request waits until `release()`; holds the widget in `starting`. */
    gateToken() {
      gated = true;
    },
    release() {
      gated = false;
      release();
    },
  };
}

/** Locators and actions on the widget inside its shadow root (Playwright's CSS locators pierce open shadow roots). */
export function widgetHandle(page: Page) {
  const sel = (s: string) => page.locator(`[data-zoom-cobrowse-widget] ${s}`);
  return {
    sel,
    part: (name: string) => sel(`[data-part="${name}"]`),
    action: (name: string) => sel(`[data-action="${name}"]`),
    /** Waits for the root's data-state, then for the panel's entry animation to finish. */
    async state(name: string) {
      await sel(`.root[data-state="${name}"]`).waitFor({ state: 'attached' });
      await page.waitForTimeout(250);
    },
    /** Calls a method of the fake SDK's control handle (window.ZoomCobrowseFake). */
    fake: (method: string, ...args: unknown[]) =>
      page.evaluate(([m, a]) => (window as any).ZoomCobrowseFake[m as string](...(a as unknown[])), [method, args] as const),
    /** The element focused inside the widget's shadow root, described by its data-action/part/class. */
    focused: () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-zoom-cobrowse-widget]')?.shadowRoot?.activeElement as HTMLElement | null;
        return el ? (el.dataset.action ?? el.dataset.part ?? el.className) : document.activeElement?.tagName ?? null;
      }),
  };
}

/** axe-core results for the widget only, shadow DOM included. */
export async function runAxe(page: Page, selector = '[data-zoom-cobrowse-widget]'): Promise<Array<{ id: string; impact: string | null; nodes: string[]; help: string }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    const axe = (window as any).axe;
    const r = await axe.run(document.querySelector(sel), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // A floating widget is not page content that belongs in a landmark.
      rules: { region: { enabled: false } },
    });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  }, selector);
}

/** Every state a visitor can meet, in an order one page can walk through. */
export const WALK = [
  'launcher',
  'consent',
  'starting',
  'waiting',
  'minimised-waiting',
  'active',
  'minimised-active',
  'reconnecting',
  'confirm-end',
  'ended',
  'declined',
  'error',
  'ended-timeout',
] as const;

/** A state of the walk. */
export type WalkState = (typeof WALK)[number];

/**
 * Drives one page through WALK, calling `visit` in each state. Clicks through
 * the UI where a visitor would, and plays the agent/service with the fake SDK.
 */
export async function walkStates(p: Awaited<ReturnType<typeof openStatesPage>>, visit: (state: WalkState) => Promise<void>): Promise<void> {
  const { page, state, part, action, fake } = p;
  await visit('launcher');
  await part('launcher').click();
  await state('consent');
  await visit('consent');
  p.gateToken();
  await action('accept').click();
  await state('starting');
  await visit('starting');
  p.release();
  await part('pin').waitFor();
  await state('waiting');
  await visit('waiting');
  await action('close').click();
  await part('panel').waitFor({ state: 'detached' });
  await visit('minimised-waiting');
  await part('launcher').click();
  await fake('agentJoin', { name: 'Riley' });
  await fake('remoteAssist', true);
  // Zoom's own consent prompt (outside the widget) asks the visitor first.
  await fake('answerRemoteAssist', true);
  await part('remote-assist').waitFor();
  await state('active');
  await visit('active');
  await action('close').click();
  await part('panel').waitFor({ state: 'detached' });
  await visit('minimised-active');
  await part('launcher').click();
  await fake('reconnect', 60_000);
  await state('reconnecting');
  await visit('reconnecting');
  await page.clock.fastForward(61_000);
  await state('active');
  await action('end').click();
  await action('confirm-end').waitFor();
  await visit('confirm-end');
  await action('confirm-end').click();
  await state('ended');
  await visit('ended');
  await action('restart').click();
  await action('decline').click();
  await state('declined');
  await visit('declined');
  await action('close').click();
  await fake('failNextStart', 1001);
  await part('launcher').click();
  await action('accept').click();
  await state('error');
  await sel(page, 'summary').click();
  await visit('error');
  await action('retry').click();
  await part('pin').waitFor();
  // The agent's 3-minute window runs out; the fake service ends the session like Zoom does.
  await page.clock.fastForward('03:01');
  await state('ended');
  await action('new-pin').waitFor();
  await visit('ended-timeout');
}

const sel = (page: Page, s: string) => page.locator(`[data-zoom-cobrowse-widget] ${s}`);
