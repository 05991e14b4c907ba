// `npm run build`: every pass of scripts/build-passes.mjs into an empty dist/. The types pass
// (TypeScript and API Extractor: most of the time) runs in a worker thread while the others run here.
import { rmSync } from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { PASSES, runPass } from './build-passes.mjs';

if (!isMainThread) {
  await runPass(workerData);
} else {
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  /** @param {string} pass */
  const inWorker = (pass) =>
    new Promise((done, fail) => {
      new Worker(new URL(import.meta.url), { workerData: pass })
        .on('error', fail)
        .on('exit', (code) => (code === 0 ? done(undefined) : fail(new Error(`[zoom-cobrowse-widget] the ${pass} build pass exited with code ${code}.`))));
    });
  const types = inWorker('types');
  for (const pass of PASSES) if (pass !== 'types') await runPass(pass);
  await types;
  console.log('zoom-cobrowse-widget: build complete (dist/)');
}
