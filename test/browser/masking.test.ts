// The masking module in real Chromium: bundled on the fly from src/masking (iife, in memory;
// nothing is written), injected into each fixture page, and checked against the answer key.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PRESETS, html, pages, scenarios, score, type Observed, type Score } from '../dom/masking/answer-key';
import { platforms, traps } from '../dom/masking/cases';
import { launchChromium } from './chromium';

const ROOT = resolve(import.meta.dirname, '../..');
let browser: Browser;
let page: Page;
let bundle = '';
const scores: Score[] = [];

beforeAll(async () => {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      outDir: resolve(ROOT, 'node_modules/.tmp/masking-test'),
      emptyOutDir: false,
      minify: true,
      lib: { entry: resolve(ROOT, 'src/config/public-masking.ts'), formats: ['iife'], name: 'ZcwMasking', fileName: 'masking' },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
  bundle = output.output[0].code;
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (scores.length) {
    // The figures for the report: recall/precision per page under each scenario.
    const rows = scores.map((s) => `${s.page.padEnd(22)} ${s.scenario.padEnd(18)} sensitive ${String(s.sensitive).padStart(2)}  masked ${String(s.masked).padStart(2)}  recall ${(s.recall * 100).toFixed(0)}%  precision ${(s.precision * 100).toFixed(0)}%`);
    console.log(`masking bundle: ${bundle.length} B minified, ${gzipSync(bundle).length} B gzip\n${rows.join('\n')}`);
  }
});

async function load(name: string): Promise<void> {
  await page.setContent(html(name));
  await page.addScriptTag({ content: bundle });
}

describe.each(pages)('fixture %s (Chromium)', (name) => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s: masks exactly the key, audit finds exactly the rest', async (_, scenario) => {
    await load(name);
    const { observed, stray } = await page.evaluate((config) => {
      const M = (window as unknown as { ZcwMasking: typeof import('../../src/config/public-masking') }).ZcwMasking;
      const compiled = M.compileMasking(config);
      const findings = new Map(M.auditMasking(document, config).map((f) => [f.element, f.category as string]));
      const observed: Record<string, { masked: boolean; field: boolean; finding: string | null }> = {};
      for (const el of Array.from(document.querySelectorAll('[data-testid]'))) {
        observed[el.getAttribute('data-testid')!] = { masked: M.isMasked(el, compiled), field: el.matches('input,textarea,select'), finding: findings.get(el) ?? null };
      }
      const stray = Array.from(findings.keys()).filter((el) => !el.hasAttribute('data-testid')).map((el) => el.outerHTML.slice(0, 120));
      // Each finding's selector must lead back to exactly its element (it is what developers paste).
      for (const f of M.auditMasking(document, config)) {
        if (document.querySelectorAll(f.selector).length !== 1 || document.querySelector(f.selector) !== f.element) stray.push(`selector ${f.selector}`);
      }
      return { observed, stray };
    }, scenario.config as never);
    const s = score(name, scenario, observed as Record<string, Observed>);
    scores.push(s);
    expect(stray).toEqual([]);
    expect(s.mismatches).toEqual([]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
  });
});

describe('generated selectors in Chromium', () => {
  it('every selector of every preset parses on its own and as one joined list', async () => {
    await load('catalogue.html');
    const bad = await page.evaluate((presets) => {
      const M = (window as unknown as { ZcwMasking: typeof import('../../src/config/public-masking') }).ZcwMasking;
      const compiled = M.compileMasking({ presets: presets as never, selectors: ['#custom'] })!;
      const bad: string[] = [];
      for (const s of compiled.selectors) {
        try {
          document.querySelector(s);
        } catch {
          bad.push(s);
        }
      }
      document.querySelectorAll(compiled.selectors.join(','));
      return bad;
    }, ALL_PRESETS);
    expect(bad).toEqual([]);
  });

  it('masks the same single fields as happy-dom: traps, delimited tokens, real platform names', async () => {
    await page.setContent('<body></body>');
    await page.addScriptTag({ content: bundle });
    const cases = [...traps, ...platforms];
    const got = await page.evaluate((markups) => {
      const M = (window as unknown as { ZcwMasking: typeof import('../../src/config/public-masking') }).ZcwMasking;
      return markups.map((markup) => {
        document.body.innerHTML = markup;
        const el = document.body.firstElementChild!;
        return M.MASKING_PRESETS.filter((p) => M.isMasked(el, M.compileMasking({ presets: [p] })));
      });
    }, cases.map(([markup]) => markup));
    expect(cases.map(([markup], i) => [markup, got[i]])).toEqual(cases.map(([markup, want]) => [markup, want]));
  });

  it('stays out of the first load: the script-tag file names the presets, the engine and the audit carry the rules', () => {
    const dist = (file: string): string => readFileSync(resolve(ROOT, 'dist', file), 'utf8');
    // A word list from the payment preset: it exists only where the rules are compiled or audited.
    const rules = 'card num|card[number';
    expect(dist('zoom-cobrowse-widget.iife.js')).not.toContain(rules);
    // The consent step names the presets; since the script tag became the launcher alone, that view
    // (and so the names) is in the panel file, which must not carry the rules either.
    expect(dist('zoom-cobrowse-panel.iife.js')).not.toContain(rules);
    expect(dist('zoom-cobrowse-panel.iife.js')).toMatch(/[`"']credentials[`"']/);
    expect(dist('zoom-cobrowse-engine.iife.js')).toContain(rules);
    expect(dist('zoom-cobrowse-audit.iife.js')).toContain(rules);
  });
});
