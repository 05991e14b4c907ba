// The masking corpus (real-world form pages + answer keys) and the eight fixture pages,
// scored in Chromium the way a session starts: compiled preset selectors plus the field
// marker's markAll(). Shared by bench/masking.ts and test/browser/masking-corpus.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { MaskingConfig, MaskingPreset } from '../../src/masking';

const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = resolve(ROOT, 'test/fixtures/masking/corpus');
const FIXTURES = resolve(ROOT, 'test/fixtures/masking');
export const CATEGORIES: MaskingPreset[] = ['payment', 'credentials', 'identity', 'contact', 'address', 'banking'];
/** Pages the corpus must hold under CI. */
export const MIN_CORPUS_PAGES = 40;

export interface KeyField {
  category: MaskingPreset | 'unknown' | null;
  optIn?: boolean;
  note?: string;
}
export interface CorpusPage {
  /** `<slug>.html`, or the fixture's file name. */
  name: string;
  kind: 'corpus' | 'fixture';
  language: string;
  html: string;
  fields: Record<string, KeyField>;
}

/** Every corpus page with its key (a page without a key, or a key without a page, is reported). */
export function loadPages(): { pages: CorpusPage[]; problems: string[] } {
  const pages: CorpusPage[] = [];
  const problems: string[] = [];
  if (existsSync(CORPUS_DIR)) {
    for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort()) {
      const keyFile = join(CORPUS_DIR, file.replace(/\.html$/, '.key.json'));
      if (!existsSync(keyFile)) {
        problems.push(`${file}: no key`);
        continue;
      }
      const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { language?: string; fields: Record<string, KeyField> };
      pages.push({ name: file, kind: 'corpus', language: key.language ?? '?', html: readFileSync(join(CORPUS_DIR, file), 'utf8'), fields: key.fields });
    }
  }
  const fixtures = JSON.parse(readFileSync(join(FIXTURES, 'answer-key.json'), 'utf8')) as { pages: Record<string, Record<string, KeyField>> };
  for (const [file, fields] of Object.entries(fixtures.pages)) {
    pages.push({ name: file, kind: 'fixture', language: 'en', html: readFileSync(join(FIXTURES, file), 'utf8'), fields });
  }
  return { pages, problems };
}

export const SCENARIOS: { name: string; config: MaskingConfig | undefined }[] = [
  { name: 'default (payment + credentials)', config: undefined },
  { name: 'all presets', config: { presets: CATEGORIES } },
];

/** The masking module as one IIFE (global `ZcwMasking`), built in memory with esbuild. */
export async function bundleMasking(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(ROOT, 'src/masking/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ZcwMasking',
    write: false,
    minify: true,
    target: 'es2020',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** What one field looks like after session start. */
export interface Observed {
  masked: boolean;
  /** 'marker' when only the marker's attribute hides it; 'rules' when a preset or site rule does. */
  by: 'marker' | 'rules' | null;
  /** The classifier's verdict, for reporting. */
  category: string | null;
  evidence: string[];
  /** For a field the rules hide: the first selector that matches. */
  rule?: string;
}

/** Loads a page, runs compileRules + markAll() in it, and reads every [data-testid]. */
export async function observe(page: Page, html: string, bundle: string, config: MaskingConfig | undefined): Promise<{ fields: Record<string, Observed>; ms: number }> {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: bundle });
  return page.evaluate((config) => {
    const M = (window as unknown as { ZcwMasking: typeof import('../../src/masking') }).ZcwMasking;
    const compiled = M.compileRules(config)!;
    const before = compiled.selectors.join(',');
    const marker = M.createFieldMarker({ root: document, categories: compiled.categories, masking: compiled, logger: { warn() {} } });
    const t0 = performance.now();
    marker.markAll();
    const ms = performance.now() - t0;
    const fields: Record<string, Observed> = {};
    for (const el of Array.from(document.querySelectorAll('[data-testid]'))) {
      const masked = el.matches(before);
      const mark = marker.marks().get(el);
      const verdict = M.classifyField(el);
      const o: Observed = { masked, by: mark ? 'marker' : masked ? 'rules' : null, category: verdict.category, evidence: mark?.evidence ?? verdict.evidence };
      if (masked && !mark) o.rule = compiled.selectors.find((s) => el.matches(s));
      fields[el.getAttribute('data-testid')!] = o;
    }
    marker.dispose();
    return { fields, ms };
  }, config as never);
}

export interface Miss {
  page: string;
  field: string;
  key: string | null;
  detail: string;
}
export interface Totals {
  scenario: string;
  /** Per category: fields that must be masked, and how many are. */
  recall: Record<string, { should: number; masked: number }>;
  ordinary: { total: number; masked: number };
  /** Sensitive fields the key says to mask that stayed visible. */
  misses: Miss[];
  /** Ordinary fields that got masked. */
  overMasked: Miss[];
  /** Per page: [should, masked-of-should, ordinary, ordinary-masked]. */
  perPage: Record<string, [number, number, number, number]>;
}

/** Scores one scenario over every page's observations against the keys. */
export function score(scenario: (typeof SCENARIOS)[number], pages: CorpusPage[], observed: Map<string, Record<string, Observed>>, problems: string[]): Totals {
  const enabled = new Set<string>(scenario.config?.presets ?? ['payment', 'credentials']);
  const t: Totals = { scenario: scenario.name, recall: {}, ordinary: { total: 0, masked: 0 }, misses: [], overMasked: [], perPage: {} };
  for (const c of CATEGORIES) t.recall[c] = { should: 0, masked: 0 };
  for (const p of pages) {
    const obs = observed.get(p.name)!;
    const row: [number, number, number, number] = [0, 0, 0, 0];
    for (const id of Object.keys(obs)) if (!(id in p.fields)) problems.push(`${p.name}: data-testid "${id}" is not in the key`);
    for (const [id, entry] of Object.entries(p.fields)) {
      const o = obs[id];
      if (!o) {
        problems.push(`${p.name}: key field "${id}" is not on the page`);
        continue;
      }
      // 'unknown' marks text another tool hides (fixtures only); opt-in fields are the site's own marks.
      if (entry.category === 'unknown' || entry.optIn) continue;
      const describe = `classifier: ${o.category ?? 'ordinary'}${o.evidence.length ? ` (${o.evidence.slice(0, 2).join('; ')})` : ''}`;
      if (entry.category === null) {
        t.ordinary.total++;
        row[2]++;
        if (o.masked) {
          t.ordinary.masked++;
          row[3]++;
          t.overMasked.push({ page: p.name, field: id, key: null, detail: o.by === 'marker' ? `marked ${o.category} by ${o.evidence.join('; ')}` : `rule ${o.rule}` });
        }
      } else if (enabled.has(entry.category)) {
        t.recall[entry.category]!.should++;
        row[0]++;
        if (o.masked) {
          t.recall[entry.category]!.masked++;
          row[1]++;
        } else t.misses.push({ page: p.name, field: id, key: entry.category, detail: describe });
      }
    }
    t.perPage[p.name] = row;
  }
  return t;
}

/** The issue's targets, as failures (empty when all are met). */
export function thresholdFailures(t: Totals): string[] {
  const out: string[] = [];
  const pct = (c: string) => {
    const r = t.recall[c]!;
    return r.should ? r.masked / r.should : 1;
  };
  if (t.scenario.startsWith('default')) {
    for (const c of ['payment', 'credentials']) if (pct(c) < 1) out.push(`${t.scenario}: ${c} recall ${(pct(c) * 100).toFixed(1)}% < 100%`);
  } else {
    for (const c of ['identity', 'contact', 'address', 'banking']) if (pct(c) < 0.97) out.push(`${t.scenario}: ${c} recall ${(pct(c) * 100).toFixed(1)}% < 97%`);
  }
  const rate = t.ordinary.total ? t.ordinary.masked / t.ordinary.total : 0;
  if (rate > 0.01) out.push(`${t.scenario}: ${(rate * 100).toFixed(1)}% of ordinary fields masked > 1%`);
  return out;
}

/** A table of the totals, one row per category plus ordinary fields. */
export function totalsTable(t: Totals): string {
  const rows = CATEGORIES.map((c) => {
    const r = t.recall[c]!;
    return r.should ? `  ${c.padEnd(12)} ${String(r.masked).padStart(4)} / ${String(r.should).padEnd(4)} recall ${((r.masked / r.should) * 100).toFixed(1).padStart(5)}%` : `  ${c.padEnd(12)}    — (not enabled)`;
  });
  const o = t.ordinary;
  rows.push(`  ${'ordinary'.padEnd(12)} ${String(o.masked).padStart(4)} / ${String(o.total).padEnd(4)} masked ${o.total ? ((o.masked / o.total) * 100).toFixed(2).padStart(5) : '0'}%`);
  return `${t.scenario}\n${rows.join('\n')}`;
}
