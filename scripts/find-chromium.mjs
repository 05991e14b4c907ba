// @ts-check
import { existsSync } from 'node:fs';

/**
 * Where Chromium is: CHROMIUM_PATH, else where Debian puts it; null when there is none.
 * Shared by scripts/test-browser.mjs (skip or fail without it) and test/browser/chromium.ts (launch it).
 * @returns {string | null}
 */
export function findChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => !!p && existsSync(p)) ?? null;
}
