import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const define = { __VERSION__: JSON.stringify('0.0.0-test'), __IIFE__: 'false' };

// Two projects: pure logic and HTTP (msw) in Node; the UI in happy-dom.
// The browser suite (real Chromium) has its own config: vitest.browser.config.ts.
export default defineConfig({
  define,
  // The framework adapters import the package by its own name (as tsconfig's paths say): here, the source.
  resolve: { alias: [{ find: /^zoom-cobrowse-widget$/, replacement: resolve(import.meta.dirname, 'src/index.ts') }] },
  test: {
    // Under CI a JSON report lets .ci/run print one "N passed, N failed" line for all suites.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/unit.json' }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.ts', 'test/server/**/*.test.ts'] } },
      { extends: true, test: { name: 'dom', environment: 'happy-dom', css: true, include: ['test/dom/**/*.test.{ts,tsx}'], setupFiles: ['test/dom/setup.ts'] } },
    ],
  },
});
