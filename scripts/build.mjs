// `npm run build`: every pass of scripts/build-passes.mjs, in order; the first empties dist/.
import { PASSES, runPass } from './build-passes.mjs';

for (const pass of PASSES) await runPass(pass);
console.log('zoom-cobrowse-widget: build complete (dist/)');
