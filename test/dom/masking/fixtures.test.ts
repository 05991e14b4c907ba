// Every fixture page under every scenario, in happy-dom: the same expectations the
// Chromium suite checks, so a happy-dom quirk and a real-browser quirk cannot hide each other.
import { describe, expect, it } from 'vitest';
import { auditMasking, compileMasking, isMasked } from '../../../src/config/public-masking';
import { answerKey, html, pages, scenarios, score, type Observed } from './answer-key';

function observe(page: string, config: (typeof scenarios)[number]['config']): Record<string, Observed> {
  const doc = new DOMParser().parseFromString(html(page), 'text/html');
  const compiled = compileMasking(config);
  const findings = new Map(auditMasking(doc, config).map((f) => [f.element, f.category]));
  const out: Record<string, Observed> = {};
  for (const el of Array.from(doc.querySelectorAll('[data-testid]'))) {
    out[el.getAttribute('data-testid')!] = { masked: isMasked(el, compiled), field: el.matches('input,textarea,select'), finding: findings.get(el) ?? null };
  }
  // Nothing without a test id may be reported either (the key would not know about it).
  for (const el of findings.keys()) expect(el.hasAttribute('data-testid'), `finding without data-testid: ${el.outerHTML.slice(0, 120)}`).toBe(true);
  return out;
}

describe.each(pages)('fixture %s (happy-dom)', (page) => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s: masks exactly the key, audit finds exactly the rest', (_, scenario) => {
    const s = score(page, scenario, observe(page, scenario.config));
    expect(s.mismatches).toEqual([]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
  });
});

describe('answer key', () => {
  it('plants audit-only fields on several pages and covers every preset', () => {
    const entries = Object.values(answerKey.pages).flatMap((p) => Object.values(p));
    expect(Object.values(answerKey.pages).filter((p) => Object.values(p).some((e) => e.auditOnly)).length).toBeGreaterThanOrEqual(5);
    for (const preset of ['payment', 'credentials', 'identity', 'contact', 'address', 'banking']) {
      expect(entries.filter((e) => e.category === preset && !e.auditOnly).length, preset).toBeGreaterThanOrEqual(4);
    }
    expect(entries.filter((e) => e.category === null).length).toBeGreaterThan(80);
  });
});
