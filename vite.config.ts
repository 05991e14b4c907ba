import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { PACKAGE_ENTRIES, SCRIPT_PASSES } from './scripts/build-passes.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const root = import.meta.dirname;
const define = { __VERSION__: JSON.stringify(pkg.version) };

/**
 * One config, several passes (selected with `--mode`; the list and what each
 * pass is for live in scripts/build-passes.mjs), because Vite's library mode can
 * only emit UMD/IIFE from a single entry:
 *  - default: ESM + CJS for every package entry (types: the `types` pass)
 *  - a script pass (umd, iife, fake, audit, engine): one self-contained file
 */
export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    // Only the script-tag build loads optional parts (audit, locales) as sibling files.
    define: { ...define, __IIFE__: JSON.stringify(mode === 'iife') },
    build: { emptyOutDir: false, sourcemap: true, target: 'es2020', reportCompressedSize: false },
  };
  const single = SCRIPT_PASSES.find((p) => p.name === mode);
  if (single) {
    return {
      ...common,
      // The script-tag build can't code-split: optional parts come from sibling files instead.
      resolve:
        mode === 'iife'
          ? {
              alias: [
                { find: /^\.\/import-audit$/, replacement: resolve(root, 'src/masking/import-audit.iife.ts') },
                { find: /^\.\/import-engine$/, replacement: resolve(root, 'src/core/import-engine.iife.ts') },
              ],
            }
          : {},
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
        // The server entry runs on Node/edge runtimes: keep jose and builtins as imports.
        external: (id) => id === 'jose' || id.startsWith('node:'),
      },
    },
  };
});
