import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin, type Rollup, type UserConfig } from 'vite';
import dts from 'vite-plugin-dts';
import { partFile, partGlobal } from './src/shared/lazy-parts';

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
 * One config, several passes (selected with `--mode`), because Vite's library
 * mode can only emit UMD/IIFE from a single entry:
 *  - default: ESM + CJS for every package entry, with bundled .d.ts/.d.cts
 *  - umd:     the npm API as a UMD file for AMD/CommonJS-without-exports users
 *  - iife:    the script-tag build that auto-mounts from data-* attributes
 *  - fake:    the fake Zoom SDK as a plain script that defines window.ZoomCobrowseSDK
 *  - audit:   the masking audit as a sibling script the IIFE loads on demand
 *  - engine:  SDK, token and masking code as a sibling script the IIFE loads on intent
 *  - panel:   the script tag's UI (Preact, views, full validation, English) as a sibling script
 *             the launcher loads on intent or at idle
 *  - locale-xx: one language as dist/locales/xx.js, a plain script the IIFE loads on demand
 *               (`ZoomCobrowseWidgetLocales.xx = {…}`); npm builds code-split the same files instead
 */
export default defineConfig(({ mode }): UserConfig => {
  if (mode.startsWith('locale-')) {
    const lang = mode.slice(7);
    return {
      define,
      build: {
        emptyOutDir: false,
        target: 'es2020',
        reportCompressedSize: false,
        minify: true,
        lib: { entry: resolve(root, `src/i18n/locales/${lang}.ts`), name: `ZoomCobrowseWidgetLocales.${lang}`, formats: ['iife'], fileName: () => `locales/${lang}.js` },
      },
    };
  }
  const common: UserConfig = {
    // Only the script-tag build loads its lazy parts (engine, audit, locales) as sibling files (src/shared/lazy-parts.ts).
    define: { ...define, __IIFE__: JSON.stringify(mode === 'iife' || mode === 'panel') },
    build: { emptyOutDir: false, sourcemap: true, target: 'es2020', reportCompressedSize: false },
  };
  if (mode === 'umd' || mode === 'iife' || mode === 'fake' || mode === 'audit' || mode === 'engine' || mode === 'panel') {
    const single = {
      umd: { entry: 'src/index.ts', name: 'ZoomCobrowseWidget', file: 'zoom-cobrowse-widget.umd.cjs', format: 'umd' as const },
      iife: { entry: 'src/iife.ts', name: 'ZoomCobrowseWidget', file: 'zoom-cobrowse-widget.iife.js', format: 'iife' as const },
      fake: { entry: 'src/testing/global.ts', name: 'ZoomCobrowseFake', file: 'zoom-cobrowse-fake-sdk.iife.js', format: 'iife' as const },
      // Lazy parts: their file and global names follow from the part's name, as the loader reads them.
      audit: { entry: 'src/audit-global.ts', name: partGlobal('audit'), file: partFile('audit'), format: 'iife' as const },
      engine: { entry: 'src/engine-global.ts', name: partGlobal('engine'), file: partFile('engine'), format: 'iife' as const },
      panel: { entry: 'src/panel-global.ts', name: partGlobal('panel'), file: partFile('panel'), format: 'iife' as const },
    }[mode];
    return {
      ...common,
      build: {
        ...common.build,
        minify: true,
        lib: { entry: resolve(root, single.entry), name: single.name, formats: [single.format], fileName: () => single.file },
      },
    };
  }
  return {
    ...common,
    build: {
      ...common.build,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          testing: resolve(root, 'src/testing/index.ts'),
          server: resolve(root, 'src/server/index.ts'),
          react: resolve(root, 'src/react/index.ts'),
          vue: resolve(root, 'src/vue/index.ts'),
        },
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
    plugins: [
      auditScriptText(),
      dts({
        tsconfigPath: resolve(root, 'tsconfig.build.json'),
        // tsconfig maps the package's own name to src/index.ts; the declarations must keep the import.
        aliasesExclude: ['zoom-cobrowse-widget'],
        // API Extractor inlines whatever resolves to a local file, and the package's own name does
        // (through tsconfig paths, or package.json self-reference). The adapters' declarations must keep
        // importing the main entry's types instead, so for API Extractor alone that name resolves nowhere:
        // node10 resolution has no self-reference, and the path points at nothing.
        bundleTypes: {
          extractorConfig: {
            compiler: {
              overrideTsconfig: {
                compilerOptions: { moduleResolution: 'node10', ignoreDeprecations: '6.0', paths: { 'zoom-cobrowse-widget': ['./unresolved'] } },
              },
            },
          },
        },
        outDirs: ['dist', { dir: 'dist', moduleFormat: 'cjs' }],
      }),
    ],
  };
});
