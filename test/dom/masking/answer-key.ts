// Shared by the happy-dom suite and the Chromium suite (test/browser/masking.test.ts):
// what the answer key says each fixture field should do under a given masking config.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MaskingConfig, MaskingPreset } from '../../../src/masking';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/masking');
export const ALL_PRESETS: MaskingPreset[] = ['payment', 'credentials', 'identity', 'contact', 'address', 'banking'];

export interface KeyEntry {
  category: MaskingPreset | 'unknown' | null;
  auditOnly?: boolean;
  optIn?: boolean;
}
export const answerKey = JSON.parse(readFileSync(join(FIXTURES, 'answer-key.json'), 'utf8')) as { pages: Record<string, Record<string, KeyEntry>> };
export const pages = Object.keys(answerKey.pages);
export const html = (page: string) => readFileSync(join(FIXTURES, page), 'utf8');

/** The configs every page is checked under, with a readable name. */
export const scenarios: { name: string; config: MaskingConfig | false | undefined }[] = [
  ...ALL_PRESETS.map((p) => ({ name: `only ${p}`, config: { presets: [p] } })),
  { name: 'defaults', config: undefined },
  { name: 'all presets', config: { presets: ALL_PRESETS } },
  { name: 'no presets', config: { presets: [] } },
  { name: 'all-inputs', config: { maskType: 'all-inputs' } },
  { name: 'masking: false', config: false },
];

/** What the page reports per data-testid: masked?, a form field?, audit category (or null when not found). */
export interface Observed {
  masked: boolean;
  field: boolean;
  finding: string | null;
}

function enabled(config: MaskingConfig | false | undefined): MaskingPreset[] {
  if (config === false) return [];
  return config?.presets ?? ['payment', 'credentials'];
}

/** Should this element be masked under `config`? */
export function expectMasked(entry: KeyEntry, isField: boolean, config: MaskingConfig | false | undefined): boolean {
  if (config === false) return false;
  if (entry.optIn) return true;
  if (config?.maskType === 'all-inputs') return isField;
  return !entry.auditOnly && entry.category !== null && entry.category !== 'unknown' && enabled(config).includes(entry.category);
}

/** The audit category expected for this element (null: the audit must not list it). */
export function expectFinding(entry: KeyEntry, isField: boolean, config: MaskingConfig | false | undefined): string | null {
  return entry.category !== null && !expectMasked(entry, isField, config) ? entry.category : null;
}

export interface Score {
  page: string;
  scenario: string;
  sensitive: number;
  masked: number;
  recall: number;
  precision: number;
  mismatches: string[];
}

/** Compares observations with the key: recall over fields that should be masked, precision over fields that are. */
export function score(page: string, scenario: (typeof scenarios)[number], observed: Record<string, Observed>): Score {
  const key = answerKey.pages[page]!;
  let should = 0;
  let hit = 0;
  let masked = 0;
  let right = 0;
  const mismatches: string[] = [];
  for (const [id, entry] of Object.entries(key)) {
    const o = observed[id];
    if (!o) {
      mismatches.push(`${id}: not on the page`);
      continue;
    }
    const want = expectMasked(entry, o.field, scenario.config);
    if (want) should++;
    if (o.masked) masked++;
    if (want && o.masked) hit++;
    if (o.masked && want) right++;
    if (want !== o.masked) mismatches.push(`${id}: ${o.masked ? 'masked' : 'NOT masked'} (key: ${entry.category}${entry.auditOnly ? ', auditOnly' : ''}${entry.optIn ? ', optIn' : ''})`);
    const finding = expectFinding(entry, o.field, scenario.config);
    if (finding !== o.finding) mismatches.push(`${id}: audit ${o.finding ? `found as ${o.finding}` : 'did not find it'}, key expects ${finding ?? 'no finding'}`);
  }
  return { page, scenario: scenario.name, sensitive: should, masked, recall: should ? hit / should : 1, precision: masked ? right / masked : 1, mismatches };
}
