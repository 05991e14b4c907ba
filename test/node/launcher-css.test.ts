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
  it('every rule of src/launcher/launcher.css is in src/ui/styles.css with the same declarations', () => {
    const launcher = rules(read('src/launcher/launcher.css'));
    const full = rules(read('src/ui/styles.css'));
    expect(launcher.size).toBeGreaterThan(10);
    for (const [selector, decls] of launcher) expect({ selector, decls: full.get(selector)?.includes(decls) ? decls : full.get(selector) }).toEqual({ selector, decls });
  });

  it('the same icons and the same English label', async () => {
    const { ICON_PATHS, DEFAULT_LAUNCHER_LABEL } = await import('../../src/launcher/launcher').catch(() => ({ ICON_PATHS: null, DEFAULT_LAUNCHER_LABEL: null }));
    expect(DEFAULT_LAUNCHER_LABEL ?? /DEFAULT_LAUNCHER_LABEL = '([^']+)'/.exec(read('src/launcher/launcher.ts'))![1]).toBe(en.launcher);
    const icons = read('src/ui/Icons.tsx');
    const paths = ICON_PATHS ?? Object.fromEntries([...read('src/launcher/launcher.ts').matchAll(/(\w+): '(M[^']+)'/g)].map((m) => [m[1], m[2]]));
    for (const [name, d] of Object.entries(paths)) expect(icons).toContain(`${name}: '${d}'`);
  });
});
