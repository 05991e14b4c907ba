// Masking on pages it has never seen: every corpus page (test/fixtures/masking/corpus) and the
// eight fixture pages, in Chromium, the way a session starts — compiled presets plus the field
// marker's markAll() — scored against each page's key. The same scoring as `npm run bench:masking`.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMasking, CORPUS_DIR, loadPages, MIN_CORPUS_PAGES, observe, SCENARIOS, score, thresholdFailures, totalsTable, type Observed, type Totals } from '../helpers/masking-corpus';
import { launchChromium } from './chromium';

const { pages, problems } = loadPages();
const corpusPages = pages.filter((p) => p.kind === 'corpus').length;
let browser: Browser;
let page: Page;
let bundle = '';
const totals: Totals[] = [];

beforeAll(async () => {
  bundle = await bundleMasking();
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (totals.length) console.log(`masking corpus: ${corpusPages} corpus pages + ${pages.length - corpusPages} fixtures\n${totals.map(totalsTable).join('\n')}`);
});

describe('masking corpus (Chromium)', () => {
  it(`has at least ${MIN_CORPUS_PAGES} corpus pages (required under CI), each with a key that lists exactly its fields`, () => {
    if (corpusPages < MIN_CORPUS_PAGES) {
      const message = `only ${corpusPages} corpus pages in ${CORPUS_DIR}; the issue asks for at least ${MIN_CORPUS_PAGES}`;
      if (process.env.CI === 'true') expect.fail(message);
      console.warn(`\n!!! MASKING CORPUS TOO SMALL: ${message}. The thresholds below are checked on what there is. !!!\n`);
    }
    expect(problems.filter((p) => p.endsWith('no key'))).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: meets the recall and over-masking targets', async (_, scenario) => {
    const observed = new Map<string, Record<string, Observed>>();
    for (const p of pages) observed.set(p.name, (await observe(page, p.html, bundle, scenario.config)).fields);
    const keyProblems: string[] = [];
    const t = score(scenario, pages, observed, keyProblems);
    totals.push(t);
    // A key that does not match its page would make the figures meaningless.
    expect(keyProblems).toEqual([]);
    const report = [...t.misses.map((m) => `missed ${m.page} › ${m.field} (${m.key}; ${m.detail})`), ...t.overMasked.map((m) => `over-masked ${m.page} › ${m.field} (${m.detail})`)];
    expect(thresholdFailures(t), report.join('\n')).toEqual([]);
  });
});
