import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin, type Rollup, type UserConfig } from 'vite';
import { PACKAGE_ENTRIES, SCRIPT_PASSES } from './scripts/build-passes.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const root = import.meta.dirname;
const define = { __VERSION__: JSON.stringify(pkg.version) };
/** Peer packages of the adapters, and the package itself as the adapters import it. */
const SHARED = ['react', 'react/jsx-runtime', 'vue', 'zoom-cobrowse-widget'];

/**
 * Gives src/testing/audit-script.ts the audit's script build as its default export (a
 * string), so `zoom-cobrowse-widget/testing` can evaluate the audit in a browser page
 * without reading dist/ from disk: that would take node:fs into an entry browsers load.
 */
function auditScriptText(): Plugin {
  const target = resolve(root, 'src/testing/audit-script.ts');
  let text: Promise<string> | undefined;
  return {
    name: 'zoom-cobrowse-audit-script-text',
    load(id) {
      if (id !== target) return null;
      // The 'audit' pass itself, kept in memory, so the text is the file the script tag loads.
      text ??= build({ configFile: resolve(root, 'vite.config.ts'), mode: 'audit', logLevel: 'warn', build: { write: false, sourcemap: false } }).then((out) => {
        const chunk = (Array.isArray(out) ? out[0] : (out as Rollup.RollupOutput))!.output[0];
        return chunk.code;
      });
      return text.then((code) => `export default ${JSON.stringify(code)};\n`);
    },
  };
}

/**
 * One config, several passes (selected with `--mode`; the list and what each
 * pass is for live in scripts/build-passes.mjs), because Vite's library mode can
 * only emit UMD/IIFE from a single entry:
 *  - default: ESM + CJS for every package entry (types: the `types` pass)
 *  - a script pass (umd, iife, fake, audit, engine, panel): one self-contained file
 */
export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    // Only the script-tag build loads its lazy parts (engine, audit, locales) as sibling files (src/shared/lazy-parts.ts).
    define: { ...define, __IIFE__: JSON.stringify(mode === 'iife' || mode === 'panel') },
    build: { emptyOutDir: false, sourcemap: true, target: 'es2020', reportCompressedSize: false },
  };
  const single = SCRIPT_PASSES.find((p) => p.name === mode);
  if (single) {
    return {
      ...common,
      build: {
        ...common.build,
        minify: true,
        lib: { entry: resolve(root, single.entry), name: single.global, formats: [single.format], fileName: () => single.file },
      },
    };
  }
  return {
    ...common,
    build: {
      ...common.build,
      minify: false,
      lib: {
        entry: Object.fromEntries(Object.entries(PACKAGE_ENTRIES).map(([name, file]) => [name, resolve(root, file)])),
        formats: ['es', 'cjs'],
        fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
      },
      rollupOptions: {
        // The server entry runs on Node/edge runtimes: keep its dependencies and builtins as imports.
        // The framework adapters import the package by its own name, kept as an import so they
        // share the main entry's single-widget slot instead of bundling a second copy of it.
        external: (id) => id === 'jose' || id === 'ipaddr.js' || id.startsWith('rate-limiter-flexible') || id.startsWith('node:') || SHARED.includes(id),
        output: {
          // Next.js app router: the React entry is a client module, usable from a server layout.
          banner: (chunk) => (chunk.isEntry && chunk.name === 'react' ? "'use client';" : ''),
        },
      },
    },
    plugins: [auditScriptText()],
  };
});
