import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium.mjs';

/** Launches headless Chromium with the flags this closed-network machine needs, plus `extraArgs` (e.g. host mapping for the bench). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
