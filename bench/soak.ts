/**
 * `npm run bench:soak`: the widget create/destroy soak in Chromium, then the token-endpoint
 * soak (SOAK_SECONDS, default 300). Each prints its table; both always run, and the exit
 * code is 1 if either found something outside its bounds.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

let failed = 0;
for (const script of ['soak-widget.ts', 'soak-server.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, script)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
  console.log('');
}
if (failed) {
  console.error(`[zoom-cobrowse-widget] soak: ${failed} of 2 soaks failed (see above).`);
  process.exitCode = 1;
}
