import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openStatesPage, walkStates, walkTrust, type TrustState, type WalkState } from './states';

// README screenshots, taken in Chromium on every run. Files are rewritten only with
// UPDATE_SCREENSHOTS=1 (so CI never changes checked-in files); otherwise each fresh shot
// is checked against the checked-in one: it must exist and have the same dimensions.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };
// The bottom-right corner of the page, where the widget sits, with some of the page around it.
const CLIP = { x: VIEWPORT.width - 480, y: VIEWPORT.height - 660, width: 480, height: 660 };

const SHOTS: Array<{ name: string; mode: 'light' | 'dark'; locale: string; states: WalkState[] }> = [
  { name: 'light', mode: 'light', locale: 'en', states: ['launcher', 'consent', 'starting', 'waiting', 'minimised-waiting', 'active', 'confirm-end', 'error', 'ended-timeout'] },
  { name: 'dark', mode: 'dark', locale: 'en', states: ['consent', 'waiting', 'active', 'minimised-active', 'error'] },
  { name: 'rtl-ar', mode: 'light', locale: 'ar', states: ['consent', 'waiting', 'active'] },
];

// The trust views: a session with a time limit and feedback. The ended view is taller, so these shots take the full height.
const TRUST_SHOTS: Array<{ name: string; mode: 'light' | 'dark'; locale: string; states: TrustState[] }> = [
  { name: 'light', mode: 'light', locale: 'en', states: ['time-limit', 'ended-summary', 'feedback-thanks'] },
  { name: 'dark', mode: 'dark', locale: 'en', states: ['ended-summary'] },
  { name: 'rtl-ar', mode: 'light', locale: 'ar', states: ['ended-summary'] },
];
const TALL_CLIP = { x: VIEWPORT.width - 480, y: 0, width: 480, height: VIEWPORT.height };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
afterAll(async () => {
  await h?.close();
});

describe('docs/screenshots', () => {
  for (const shot of SHOTS) {
    it(`${shot.name}: ${shot.states.join(', ')}`, async () => {
      mkdirSync(OUT, { recursive: true });
      const p = await openStatesPage(h, { mode: shot.mode, locale: shot.locale, viewport: VIEWPORT, deviceScaleFactor: 2 });
      await walkStates(p, async (state) => {
        if (!shot.states.includes(state)) return;
        // Focus rings belong to keyboard use; a screenshot after mouse clicks shouldn't show one.
        await p.page.mouse.click(5, 5);
        const file = `${OUT}/${shot.name}-${state}.png`;
        const png = await p.page.screenshot({ clip: CLIP, animations: 'disabled' });
        if (UPDATE) writeFileSync(file, png);
        else {
          expect(existsSync(file), `${file} is missing: run with UPDATE_SCREENSHOTS=1`).toBe(true);
          expect(pngSize(png)).toEqual(pngSize(readFileSync(file)));
        }
      });
      await p.context.close();
    }, 120_000);
  }

  for (const shot of TRUST_SHOTS) {
    it(`${shot.name}: ${shot.states.join(', ')}`, async () => {
      mkdirSync(OUT, { recursive: true });
      const p = await openStatesPage(h, { mode: shot.mode, locale: shot.locale, viewport: VIEWPORT, deviceScaleFactor: 2, limit: 3, feedback: true });
      await walkTrust(p, async (state) => {
        if (!shot.states.includes(state)) return;
        await p.page.mouse.click(5, 5);
        const file = `${OUT}/${shot.name}-${state}.png`;
        const png = await p.page.screenshot({ clip: TALL_CLIP, animations: 'disabled' });
        if (UPDATE) writeFileSync(file, png);
        else {
          expect(existsSync(file), `${file} is missing: run with UPDATE_SCREENSHOTS=1`).toBe(true);
          expect(pngSize(png)).toEqual(pngSize(readFileSync(file)));
        }
      });
      await p.context.close();
    }, 120_000);
  }
});
