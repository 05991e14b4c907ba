// Runs every build pass in order; the first pass empties dist/.
import { build } from 'vite';

for (const mode of ['production', 'umd', 'iife', 'fake', 'audit', 'engine']) {
  await build({ mode, logLevel: 'warn' });
}
console.log('zoom-cobrowse-widget: build complete (dist/)');
