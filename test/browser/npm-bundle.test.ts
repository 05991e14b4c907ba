// What an app that installs the package pays before anyone asks for help: built by Vite the way
// a site builds it (the package imported by name, so package.json's exports and sideEffects apply),
// the chunks loaded up front hold the launcher and the validator, not the visitor UI, the field
// classifier or Zoom's SDK adapter; those arrive as chunks of their own. Needs `npm run build`.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

async function upFrontChunks(app: string): Promise<{ upFront: string; lazy: string }> {
  const dir = resolve(ROOT, 'node_modules/.cache/zoom-cobrowse-npm-bundle-test');
  mkdirSync(resolve(dir, 'node_modules'), { recursive: true });
  rmSync(resolve(dir, 'node_modules/zoom-cobrowse-widget'), { force: true });
  symlinkSync(ROOT, resolve(dir, 'node_modules/zoom-cobrowse-widget'), 'dir');
  writeFileSync(resolve(dir, 'index.html'), '<script type="module" src="./app.js"></script>\n');
  writeFileSync(resolve(dir, 'app.js'), app);
  const out = await build({ root: dir, configFile: false, logLevel: 'error', build: { write: false, modulePreload: false, minify: false } });
  const chunks = (Array.isArray(out) ? out[0]! : (out as Rollup.RollupOutput)).output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const seen = new Set<Rollup.OutputChunk>();
  const walk = (c: Rollup.OutputChunk): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const i of c.imports) walk(chunks.find((x) => x.fileName === i)!);
  };
  walk(chunks.find((c) => c.isEntry)!);
  return { upFront: [...seen].map((c) => c.code).join('\n'), lazy: chunks.filter((c) => !seen.has(c)).map((c) => c.code).join('\n') };
}

describe('an npm app bundled with Vite', () => {
  it('loads the launcher and the validator up front, and the UI, the classifier and the session on demand', async () => {
    const { upFront, lazy } = await upFrontChunks(`import { createCobrowseWidget } from 'zoom-cobrowse-widget';\ncreateCobrowseWidget({ sdkKey: 'k', token: '/t' });\n`);
    // Up front: the plain launcher and the synchronous validator's messages.
    expect(upFront).toContain('data-zoom-cobrowse-widget');
    expect(upFront).toContain('Invalid config');
    // Not up front: the panel's views (the dialog's title id), the field classifier, the session engine.
    for (const marker of ['zcw-title', 'never sensitive', 'function createEngine']) {
      expect(upFront, marker).not.toContain(marker);
      expect(lazy, marker).toContain(marker);
    }
  }, 60_000);

  it('an app that calls auditMasking gets the classifier up front, as it asked', async () => {
    const { upFront } = await upFrontChunks(`import { auditMasking } from 'zoom-cobrowse-widget';\nconsole.log(auditMasking(document));\n`);
    expect(upFront).toContain('never sensitive');
  }, 60_000);
});
