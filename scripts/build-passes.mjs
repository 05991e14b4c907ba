// @ts-check
/**
 * Every pass of `npm run build`, in one list, and how to run each one.
 *
 * scripts/build.mjs runs them all; vite.config.ts reads each Vite pass's entry and
 * file name from here; the demo dev server (demo/dev-server.ts) runs the same
 * passes in memory. Heavy tools (TypeScript, API Extractor, esbuild) are imported
 * inside the pass that needs them, so loading this list stays cheap.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The npm package's entries (ESM + CJS + bundled types): output name → source file. */
export const PACKAGE_ENTRIES = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  server: 'src/server/index.ts',
  react: 'src/react/index.ts',
  vue: 'src/vue/index.ts',
  masking: 'src/masking-tools.ts',
};

/**
 * @typedef {object} ScriptPass One Vite pass that writes one self-contained file (Vite's library mode emits UMD/IIFE from one entry only).
 * @property {string} name      the pass, also the `--mode` vite.config.ts is run with
 * @property {string} entry     source file
 * @property {string} global    the global the file defines
 * @property {string} file      path under dist/
 * @property {'umd' | 'iife'} format
 */

/** @type {readonly ScriptPass[]} */
export const SCRIPT_PASSES = [
  // The npm API for AMD/CommonJS-without-exports users.
  { name: 'umd', entry: 'src/index.ts', global: 'ZoomCobrowseWidget', file: 'zoom-cobrowse-widget.umd.cjs', format: 'umd' },
  // The script-tag build that auto-mounts from data-* attributes.
  { name: 'iife', entry: 'src/iife.ts', global: 'ZoomCobrowseWidget', file: 'zoom-cobrowse-widget.iife.js', format: 'iife' },
  // The fake Zoom SDK as a plain script that defines window.ZoomCobrowseSDK.
  { name: 'fake', entry: 'src/testing/global.ts', global: 'ZoomCobrowseFake', file: 'zoom-cobrowse-fake-sdk.iife.js', format: 'iife' },
  // The lazy parts: file and global follow from the part's name (src/shared/lazy-parts.ts; a unit test keeps them equal).
  // The masking audit, a sibling script the IIFE loads on demand.
  { name: 'audit', entry: 'src/audit-global.ts', global: 'ZoomCobrowseAudit', file: 'zoom-cobrowse-audit.iife.js', format: 'iife' },
  // SDK, token and masking code, a sibling script the IIFE loads on intent.
  { name: 'engine', entry: 'src/engine-global.ts', global: 'ZoomCobrowseEngine', file: 'zoom-cobrowse-engine.iife.js', format: 'iife' },
  // The script tag's UI (Preact, views, full validation, English), a sibling script the launcher loads on intent or at idle.
  { name: 'panel', entry: 'src/panel-global.ts', global: 'ZoomCobrowsePanel', file: 'zoom-cobrowse-panel.iife.js', format: 'iife' },
];

/**
 * Every pass, in order (scripts/build.mjs empties dist/ first and runs `types` alongside the rest):
 * - `production`: ESM + CJS for every package entry;
 * - the script passes above;
 * - `locales`: every built-in language but English as dist/locales/xx.js, a plain script
 *   that sets `ZoomCobrowseWidgetLocales.xx = {…}` (src/i18n/locale-script.ts loads it);
 *   npm builds code-split the same modules instead;
 * - `types`: one bundled .d.ts per package entry, copied to .d.cts for `require` users.
 */
export const PASSES = ['production', ...SCRIPT_PASSES.map((p) => p.name), 'locales', 'types'];

/**
 * The pass that writes `file` (a path under dist/), if one does.
 * @param {string} file
 */
export function passForFile(file) {
  if (/^locales\/[a-z]{2,3}(?:-[a-z0-9]+)?\.js$/i.test(file)) return 'locales';
  return SCRIPT_PASSES.find((p) => p.file === file)?.name;
}

/**
 * Runs one pass and returns the JavaScript files it made, by path under dist/ (none for `types`).
 * `write: false` builds in memory, with inline source maps, and writes nothing: the demo does.
 * @param {string} name one of PASSES
 * @param {{ write?: boolean }} [options]
 * @returns {Promise<Map<string, string>>}
 */
export async function runPass(name, { write = true } = {}) {
  if (name === 'locales') return buildLocales(write);
  if (name === 'types') {
    if (!write) throw new Error('[zoom-cobrowse-widget] the types pass only writes to dist/; run it with write: true.');
    await buildTypes();
    return new Map();
  }
  if (!PASSES.includes(name)) throw new Error(`[zoom-cobrowse-widget] no build pass "${name}"; the passes are ${PASSES.join(', ')}.`);
  const { build } = await import('vite');
  const result = await build({
    configFile: resolve(root, 'vite.config.ts'),
    root,
    mode: name,
    logLevel: 'warn',
    ...(write ? {} : { build: { write: false, sourcemap: 'inline', emptyOutDir: false } }),
  });
  const files = new Map();
  for (const r of Array.isArray(result) ? result : [result]) {
    if (!('output' in r)) continue;
    for (const o of r.output) if (o.type === 'chunk') files.set(o.fileName, o.code);
  }
  return files;
}

/**
 * Imports a TypeScript module of src/ by bundling it with esbuild (fast; no type check).
 * @param {typeof import('esbuild')} esbuild
 * @param {string} file
 */
async function importSource(esbuild, file) {
  const [out] = (await esbuild.build({ entryPoints: [resolve(root, file)], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' })).outputFiles;
  return import(`data:text/javascript;base64,${Buffer.from(out?.text ?? '').toString('base64')}`);
}

/**
 * The `locales` pass: one esbuild run for every language. The list is LOCALES in
 * src/i18n/translator.ts; each file is src/i18n/locales/xx.ts wrapped in a plain script.
 * @param {boolean} write
 */
async function buildLocales(write) {
  const esbuild = await import('esbuild');
  /** @type {readonly string[]} */
  const locales = (await importSource(esbuild, 'src/i18n/translator.ts')).LOCALES;
  const langs = locales.filter((l) => l !== 'en'); // English is built into every bundle
  const result = await esbuild.build({
    entryPoints: langs.map((lang) => ({ in: `locale:${lang}`, out: `locales/${lang}` })),
    outdir: resolve(root, 'dist'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'locale-entry',
        setup(b) {
          b.onResolve({ filter: /^locale:/ }, (a) => ({ path: a.path.slice('locale:'.length), namespace: 'locale' }));
          b.onLoad({ filter: /.*/, namespace: 'locale' }, (a) => ({
            resolveDir: resolve(root, 'src/i18n/locales'),
            loader: 'js',
            contents:
              `import messages from './${a.path}.ts';\n` +
              `const g = globalThis;\n(g.ZoomCobrowseWidgetLocales = g.ZoomCobrowseWidgetLocales || {})[${JSON.stringify(a.path)}] = messages;\n`,
          }));
        },
      },
    ],
  });
  const files = new Map(result.outputFiles.map((f) => [relative(resolve(root, 'dist'), f.path).split('\\').join('/'), f.text]));
  if (write) {
    for (const [file, code] of files) {
      mkdirSync(dirname(resolve(root, 'dist', file)), { recursive: true });
      writeFileSync(resolve(root, 'dist', file), code);
    }
  }
  return files;
}

/**
 * The `types` pass: declarations for src/ from one TypeScript program, then API Extractor
 * rolls each package entry into one file, all entries sharing one analysis (the slow part).
 * The .d.cts copies are byte-identical: the declarations name no file extensions.
 */
async function buildTypes() {
  const { default: ts } = await import('typescript');
  const { Extractor, ExtractorConfig, ExtractorLogLevel, CompilerState } = await import('@microsoft/api-extractor');
  const tsconfig = resolve(root, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(`[zoom-cobrowse-widget] ${tsconfig}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    },
  });
  if (!parsed) throw new Error(`[zoom-cobrowse-widget] could not read ${tsconfig}.`);
  // Not under node_modules: API Extractor would take every file there for another package's.
  const tmp = mkdtempSync(join(tmpdir(), 'zoom-cobrowse-widget-types-'));
  try {
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: { ...parsed.options, noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false, outDir: tmp, rootDir: resolve(root, 'src') },
    });
    const emitted = program.emit();
    if (emitted.emitSkipped || emitted.diagnostics.length) {
      const host = { getCanonicalFileName: (/** @type {string} */ f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
      throw new Error(`[zoom-cobrowse-widget] declarations failed; run npm run typecheck:\n${ts.formatDiagnostics(emitted.diagnostics, host)}`);
    }
    // API Extractor wants the options as written in tsconfig files (strings, not TypeScript's enums).
    /** @type {(file: string) => Record<string, unknown>} */
    const rawOptions = (file) => {
      const { config } = ts.readConfigFile(file, ts.sys.readFile);
      const base = typeof config?.extends === 'string' ? rawOptions(resolve(dirname(file), config.extends)) : {};
      return { ...base, ...config?.compilerOptions };
    };
    // The framework adapters import the package by its own name, which tsconfig maps to src/index.ts.
    // Their declarations must keep importing the main entry's types rather than a copy, so for API
    // Extractor alone that name resolves nowhere (node10 resolution has no package self-reference).
    const compilerOptions = { ...rawOptions(tsconfig), moduleResolution: 'node10', ignoreDeprecations: '6.0', paths: { 'zoom-cobrowse-widget': ['./unresolved'] } };
    const configs = Object.entries(PACKAGE_ENTRIES).map(([name, entry]) =>
      ExtractorConfig.prepare({
        configObject: {
          projectFolder: root,
          mainEntryPointFilePath: join(tmp, relative('src', entry)).replace(/\.ts$/, '.d.ts'),
          compiler: { overrideTsconfig: { compilerOptions } },
          apiReport: { enabled: false, reportFileName: '<unscopedPackageName>.api.md' },
          docModel: { enabled: false },
          tsdocMetadata: { enabled: false },
          dtsRollup: { enabled: true, publicTrimmedFilePath: resolve(root, 'dist', `${name}.d.ts`) },
          messages: { compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.None } }, extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.None } } },
        },
        configObjectFullPath: resolve(root, 'api-extractor.json'),
        packageJsonFullPath: resolve(root, 'package.json'),
      }),
    );
    const compilerState = CompilerState.create(/** @type {import('@microsoft/api-extractor').ExtractorConfig} */ (configs[0]), { additionalEntryPoints: configs.map((c) => c.mainEntryPointFilePath) });
    for (const config of configs) {
      const result = Extractor.invoke(config, { localBuild: false, showVerboseMessages: false, showDiagnostics: false, compilerState });
      if (!result.succeeded) {
        throw new Error(`[zoom-cobrowse-widget] API Extractor could not bundle the types of ${config.mainEntryPointFilePath} (${result.errorCount} errors): export every type the entry's API names from the entry itself.`);
      }
      const dts = config.publicTrimmedFilePath;
      writeFileSync(dts.replace(/\.d\.ts$/, '.d.cts'), ts.sys.readFile(dts) ?? '');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
