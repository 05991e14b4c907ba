// Runs every build pass in order; the first pass empties dist/.
import { readdirSync } from 'node:fs';
import { build } from 'vite';

for (const mode of ['production', 'umd', 'iife', 'fake', 'audit', 'engine', 'panel']) {
  await build({ mode, logLevel: 'warn' });
}
// Languages for the script-tag build, one small file each (English is built in).
for (const file of readdirSync('src/i18n/locales')) {
  if (/^[a-z]{2}\.ts$/.test(file) && file !== 'en.ts') await build({ mode: `locale-${file.slice(0, 2)}`, logLevel: 'warn' });
}
console.log('zoom-cobrowse-widget: build complete (dist/)');
