// What an app that installs the package pays before anyone asks for help: built by Vite the way
// a site builds it (test/helpers/npm-app.ts), the chunks loaded up front hold the launcher and the validator, not the visitor UI, the field
// classifier or Zoom's SDK adapter; those arrive as chunks of their own. Needs `npm run build`.
import { describe, expect, it } from 'vitest';
import { buildNpmApp } from '../helpers/npm-app';

async function upFrontChunks(app: string): Promise<{ upFront: string; lazy: string }> {
  const chunks = await buildNpmApp(app, 'vite', { minify: false });
  const code = (upFront: boolean) => chunks.filter((c) => c.upFront === upFront).map((c) => c.code).join('\n');
  return { upFront: code(true), lazy: code(false) };
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
