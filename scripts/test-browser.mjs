// Runs the real-browser suite. Without Chromium it is skipped with one loud
// line, except under CI=true, where a missing browser is a failure.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

if (!findChromium()) {
  if (process.env.CI === 'true') {
    console.error('zoom-cobrowse-widget: CI=true but Chromium is missing: run `apt-get install -y chromium`. The browser suite must run in CI.');
    process.exit(1);
  }
  console.warn('\n!!! BROWSER SUITE SKIPPED: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH) !!!\n');
  process.exit(0);
}
// Always rebuild: a stale dist/ would test yesterday's code. SKIP_BUILD=1 skips it
// when the caller has just built (as .ci/run does).
if (process.env.SKIP_BUILD !== '1' || !existsSync('dist/zoom-cobrowse-widget.iife.js')) {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
