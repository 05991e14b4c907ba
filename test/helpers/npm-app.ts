/**
 * An app that installs the package, built the way a site builds it (the package imported by
 * name, so package.json's exports and sideEffects apply), and what that app loads up front: its
 * entry chunk and every chunk that one imports statically; dynamic imports load later. Used by
 * test/browser/npm-bundle.test.ts and `npm run bench`. Needs `npm run build`.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, type Rollup } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/** One output chunk: its code, and whether the app loads it before anything is asked for. */
export interface AppChunk {
  code: string;
  upFront: boolean;
  entry: boolean;
}

/** Builds `app` (the code of app.js) with esbuild (splitting) or Vite; minified unless `minify: false`. */
export async function buildNpmApp(app: string, bundler: 'esbuild' | 'vite', { minify = true } = {}): Promise<AppChunk[]> {
  const dir = resolve(ROOT, `node_modules/.cache/zoom-cobrowse-npm-app-${bundler}`);
  mkdirSync(resolve(dir, 'node_modules'), { recursive: true });
  rmSync(resolve(dir, 'node_modules/zoom-cobrowse-widget'), { force: true });
  symlinkSync(ROOT, resolve(dir, 'node_modules/zoom-cobrowse-widget'), 'dir');
  writeFileSync(resolve(dir, 'app.js'), app);
  // Chunks by name, each with the names of the chunks it imports statically.
  const chunks = new Map<string, { code: string; imports: string[]; entry: boolean }>();
  if (bundler === 'esbuild') {
    const out = await esbuild({ entryPoints: [resolve(dir, 'app.js')], bundle: true, splitting: true, format: 'esm', minify, write: false, metafile: true, outdir: resolve(dir, 'out'), logLevel: 'error' });
    for (const [file, meta] of Object.entries(out.metafile.outputs)) {
      if (!file.endsWith('.js')) continue;
      const code = out.outputFiles.find((f) => f.path === resolve(file))!.text;
      chunks.set(file, { code, imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path), entry: file.endsWith('/app.js') });
    }
  } else {
    writeFileSync(resolve(dir, 'index.html'), '<script type="module" src="./app.js"></script>\n');
    const out = await viteBuild({ root: dir, configFile: false, logLevel: 'error', build: { write: false, modulePreload: false, minify } });
    for (const o of (Array.isArray(out) ? out[0]! : (out as Rollup.RollupOutput)).output) {
      if (o.type === 'chunk') chunks.set(o.fileName, { code: o.code, imports: o.imports, entry: o.isEntry });
    }
  }
  const upFront = new Set<string>();
  const walk = (name: string): void => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const i of chunks.get(name)!.imports) walk(i);
  };
  for (const [name, c] of chunks) if (c.entry) walk(name);
  return [...chunks].map(([name, c]) => ({ code: c.code, entry: c.entry, upFront: upFront.has(name) }));
}
