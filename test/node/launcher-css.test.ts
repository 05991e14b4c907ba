import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');
/** The rules of a stylesheet as selector → declarations, comments and whitespace normalised; a selector list counts for each selector. */
function rules(css: string): Map<string, string> {
  const out = new Map<string, string>();
  const flat = css.replace(/\/\*[^]*?\*\//g, '').replace(/@media[^{]*\{([^{}]*\{[^}]*\})*\s*\}/g, (m) => m.replace(/@media[^{]*\{/, '').replace(/\}\s*$/, ''));
  for (const [, sel, body] of flat.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = body!.split(';').map((d) => d.trim()).filter(Boolean).join(';');
    for (const s of sel!.split(',')) out.set(s.trim(), (out.has(s.trim()) ? `${out.get(s.trim())};` : '') + decls);
  }
  return out;
}

describe('the script tag launcher looks exactly like the panel launcher that replaces it', () => {
  it('the panel paints with the launcher\'s own rules: styles.css restates none of them', () => {
    const launcher = rules(read('src/launcher/launcher.css'));
    const panel = rules(read('src/ui/styles.css'));
    expect(launcher.size).toBeGreaterThan(10);
    // A selector may get more rules in the panel (.pill's own colours), never the launcher's again.
    const restated = [...launcher].flatMap(([selector, decls]) => {
      const again = (panel.get(selector) ?? '').split(';').filter((d) => d && decls.split(';').includes(d));
      return again.map((d) => `${selector} { ${d} }`);
    });
    expect(restated).toEqual([]);
    // …and src/ui/mount.ts puts them first in the panel's stylesheet.
    expect(read('src/ui/mount.ts')).toMatch(/textContent = `[^`]*\$\{launcherCss\}\$\{css\}`/);
  });

  it('the same icons and the same English label', async () => {
    const { DEFAULT_LAUNCHER_LABEL } = await import('../../src/launcher/launcher');
    expect(DEFAULT_LAUNCHER_LABEL).toBe(en.launcher);
    expect(read('src/ui/Icons.tsx')).toContain("import { ICON_PATHS } from '../launcher/launcher'");
  });
});
