/**
 * The layer rule of docs/ARCHITECTURE.md, checked on every `npm test`:
 *
 *   shared ← sdk, masking, i18n ← config ← launcher ← core ← ui ← entry files (src/*.ts)
 *
 * A folder may import its own files and any folder to its left, never one to its right.
 * sdk, masking and i18n are one level and stay independent of each other, except that
 * sdk may read masking's types (the compiled rules it turns into Zoom's settings).
 * server/ and testing/ are separate package entries that browser code never imports.
 */
const LAYERS = {
  shared: [],
  sdk: ['shared', 'masking'],
  masking: ['shared'],
  i18n: ['shared'],
  config: ['shared', 'sdk', 'masking', 'i18n'],
  // The script tag's plain-DOM launcher button, which the panel (ui) takes over.
  launcher: ['shared', 'sdk', 'masking', 'i18n', 'config'],
  core: ['shared', 'sdk', 'masking', 'i18n', 'config', 'launcher'],
  ui: ['shared', 'sdk', 'masking', 'i18n', 'config', 'launcher', 'core'],
};
const ALL = Object.keys(LAYERS);

const upward = Object.entries(LAYERS).map(([layer, below]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may import only ${below.length ? below.map((b) => `src/${b}/`).join(', ') : 'itself'} (docs/ARCHITECTURE.md).`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${ALL.filter((l) => l !== layer && !below.includes(l)).join('|')}|server|testing|react|vue|frameworks)/|^src/[^/]+\\.tsx?$` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'Import cycles make the load order fragile and the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'browser-stays-browser',
      comment: 'Browser code never imports the server or testing entries, nor Node built-ins.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|testing)/' },
      to: { path: '^src/(server|testing)/|^node:', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-no-node-builtins',
      comment: 'Browser code never imports Node built-ins.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|testing)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-alone',
      comment: 'The server entry runs on Node and edge runtimes: it imports only itself.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/', pathNot: '^src/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.css' },
  },
};
