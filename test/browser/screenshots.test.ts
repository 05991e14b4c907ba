import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openStatesPage, walkStates, type WalkState } from './states';

// README screenshots, taken in Chromium on every run. Files are rewritten only with
// UPDATE_SCREENSHOTS=1 (so CI never changes checked-in files); otherwise each fresh shot
// is compared pixel by pixel with the checked-in one, and a visible difference fails the
// test, leaving the fresh shot and a diff image (changed pixels in red) under test-results/.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'docs/screenshots');
const DIFFS = resolve(ROOT, 'test-results/screenshots');
/**
 * pixelmatch's per-pixel colour tolerance (0–1; it ignores anti-aliased edge pixels itself), and
 * how many pixels may still differ: a few dozen, far fewer than the smallest icon at 2× (~1,000).
 * Two runs on the same machine give identical shots; a font or Chromium update may need
 * UPDATE_SCREENSHOTS=1 and a look at the pictures.
 */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_PIXELS = 50;
const VIEWPORT = { width: 1280, height: 800 };
// The bottom-right corner of the page, where the widget sits, with some of the page around it.
const CLIP = { x: VIEWPORT.width - 480, y: VIEWPORT.height - 660, width: 480, height: 660 };

const SHOTS: Array<{ name: string; mode: 'light' | 'dark'; locale: string; states: WalkState[] }> = [
  { name: 'light', mode: 'light', locale: 'en', states: ['launcher', 'consent', 'starting', 'waiting', 'minimised-waiting', 'active', 'confirm-end', 'error', 'ended-timeout'] },
  { name: 'dark', mode: 'dark', locale: 'en', states: ['consent', 'waiting', 'active', 'minimised-active', 'error'] },
  { name: 'rtl-ar', mode: 'light', locale: 'ar', states: ['consent', 'waiting', 'active'] },
];

let h: Harness;
beforeAll(async () => {
  rmSync(DIFFS, { recursive: true, force: true }); // only this run's differences
  h = await startHarness();
});

/**
 * Compares a fresh shot with the checked-in one: undefined when they match, or why not. On a
 * difference it writes `<name>.actual.png` and `<name>.diff.png` under test-results/screenshots/.
 */
function compare(name: string, fresh: Buffer, file: string): string | undefined {
  const [a, b] = [PNG.sync.read(fresh), PNG.sync.read(readFileSync(file))];
  const actual = resolve(DIFFS, `${name}.actual.png`);
  const where = (f: string): string => relative(ROOT, f);
  if (a.width !== b.width || a.height !== b.height) {
    mkdirSync(DIFFS, { recursive: true });
    writeFileSync(actual, fresh);
    return `${where(file)} is ${b.width}×${b.height}, the fresh shot ${a.width}×${a.height} (${where(actual)}). If the change is intended, run with UPDATE_SCREENSHOTS=1.`;
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  if (differing <= MAX_DIFF_PIXELS) return undefined;
  const diffFile = resolve(DIFFS, `${name}.diff.png`);
  mkdirSync(DIFFS, { recursive: true });
  writeFileSync(actual, fresh);
  writeFileSync(diffFile, PNG.sync.write(diff));
  return `${differing} pixels differ from ${where(file)} (at most ${MAX_DIFF_PIXELS} may): see ${where(diffFile)} (red: changed) and ${where(actual)}. If the change is intended, run with UPDATE_SCREENSHOTS=1.`;
}

afterAll(async () => {
  await h?.close();
});

describe('docs/screenshots', () => {
  for (const shot of SHOTS) {
    it(`${shot.name}: ${shot.states.join(', ')}`, async () => {
      mkdirSync(OUT, { recursive: true });
      // Every state is compared before the test fails, so one run lists every changed picture.
      const problems: string[] = [];
      const p = await openStatesPage(h, { mode: shot.mode, locale: shot.locale, viewport: VIEWPORT, deviceScaleFactor: 2, pin: '482913' });
      await walkStates(p, async (state) => {
        if (!shot.states.includes(state)) return;
        // Focus rings belong to keyboard use; a screenshot after mouse clicks shouldn't show one.
        await p.page.mouse.click(5, 5);
        const name = `${shot.name}-${state}`;
        const file = `${OUT}/${name}.png`;
        const png = await p.page.screenshot({ clip: CLIP, animations: 'disabled' });
        if (UPDATE) writeFileSync(file, png);
        else {
          expect(existsSync(file), `${file} is missing: run with UPDATE_SCREENSHOTS=1`).toBe(true);
          const problem = compare(name, png, file);
          if (problem) problems.push(problem);
        }
      });
      await p.context.close();
      expect(problems, 'screenshots differ').toEqual([]);
    }, 120_000);
  }
});

// The shots above set `light` or `dark`; `auto` takes the same palette from the system setting.
describe("theme mode 'auto'", () => {
  const TOKENS = ['surface', 'text', 'muted', 'danger', 'accent', 'success', 'border', 'tint', 'shadow'];
  /** The palette tokens on the host and the panel's rendered colours, with the consent step open. */
  async function colours(mode: 'light' | 'dark' | 'auto', system: 'light' | 'dark') {
    const p = await openStatesPage(h, { mode });
    await p.page.emulateMedia({ colorScheme: system });
    await p.part('launcher').click();
    await p.state('consent');
    const seen = await p.page.evaluate((tokens) => {
      const host = document.querySelector<HTMLElement>('[data-zoom-cobrowse-widget]')!;
      const panel = getComputedStyle(host.shadowRoot!.querySelector('[data-part="panel"]')!);
      const css = getComputedStyle(host);
      return [...tokens.map((t) => css.getPropertyValue(`--zcw-${t}`).trim()), panel.backgroundColor, panel.color, panel.borderTopColor, panel.boxShadow];
    }, TOKENS);
    await p.context.close();
    return seen;
  }

  it('is the dark palette on a dark system and the light one on a light system; light and dark ignore the system', async () => {
    const dark = await colours('dark', 'light');
    const light = await colours('light', 'dark');
    expect(dark).not.toEqual(light);
    expect(await colours('auto', 'dark')).toEqual(dark);
    expect(await colours('auto', 'light')).toEqual(light);
  });
});
