import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { ZOOM_CDN_ORIGIN } from '../../src/sdk/loader';
import { createFakeToken } from '../../src/testing/jwt';
import { launchChromium } from './chromium';
import { startStaticServer, type StaticServer } from './static-server';

export const SDK_KEY = 'test-sdk-key';
/** Zoom's CDN host, where the harness serves the fake SDK. */
export const ZOOM_HOST = new URL(ZOOM_CDN_ORIGIN).host;
const FAKE_SDK = readFileSync(resolve(import.meta.dirname, '../../dist/zoom-cobrowse-fake-sdk.iife.js'), 'utf8');

/** A browser, a loopback server with a token endpoint, and pages whose Zoom CDN requests get the fake SDK. */
export interface Harness {
  browser: Browser;
  server: StaticServer;
  tokenRequests: unknown[];
  newPage(): Promise<{ page: Page; context: BrowserContext; zoomRequests: Request[] }>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const tokenRequests: unknown[] = [];
  const server = await startStaticServer({
    '/api/cobrowse/token': (body) => {
      tokenRequests.push(JSON.parse(body || '{}'));
      return { status: 200, body: JSON.stringify({ token: createFakeToken({ sdkKey: SDK_KEY }) }) };
    },
  });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    server,
    tokenRequests,
    async newPage() {
      const context = await browser.newContext();
      contexts.push(context);
      const zoomRequests: Request[] = [];
      context.on('request', (r) => {
        if (new URL(r.url()).host === ZOOM_HOST) zoomRequests.push(r);
      });
      // Zoom's CDN stands in as the fake SDK: the widget still asks for the real URL.
      await context.route(`https://${ZOOM_HOST}/**`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_SDK }),
      );
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      return { page, context, zoomRequests };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}
