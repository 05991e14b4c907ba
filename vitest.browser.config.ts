import { defineConfig } from 'vitest/config';

// Real Chromium driven by playwright-core from Node. Files run one at a time:
// the machine has two cores and each file starts its own browser.
export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    fileParallelism: false,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/browser.json' }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
