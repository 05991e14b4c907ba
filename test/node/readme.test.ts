import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS, resolveConfig } from '../../src/config/config';
import { configError } from '../helpers/config-error';

// The README's configuration table is the reference site owners copy from: it must list
// exactly the fields the validator accepts, no more and no fewer.
const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Configuration\n'), readme.indexOf('\n## ', readme.indexOf('## Configuration\n') + 5));
const documented = [...section.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => m[1]!);
const base = { sdkKey: 'k', token: '/t' };

/** The keys the validator accepts inside an object field, read from its "unknown option" message. */
function acceptedKeys(field: string): string[] {
  const m = configError(() => resolveConfig({ ...base, [field]: { zzUnknown: 1 } })).message;
  const list = (/Accepted options(?: in "[^"]*")?: ([^.]+)\./.exec(m) ?? /use (?:one of )?([^.]+)\./.exec(m))?.[1] ?? '';
  return list.split(/,\s*|\s+or\s+/).map((k) => k.replace(/["\s]/g, '')).filter(Boolean);
}

describe('README configuration reference', () => {
  it('lists every top-level field and nothing else', () => {
    const top = new Set(documented.map((f) => f.split('.')[0]));
    expect([...top].sort()).toEqual([...CONFIG_FIELDS].sort());
  });

  for (const field of ['sdk', 'theme', 'masking', 'remoteAssist', 'annotations', 'launcher']) {
    it(`lists exactly the fields of ${field}`, () => {
      const nested = documented.filter((f) => f.startsWith(`${field}.`)).map((f) => f.slice(field.length + 1));
      expect(nested.sort()).toEqual(acceptedKeys(field).sort());
    });
  }
});
