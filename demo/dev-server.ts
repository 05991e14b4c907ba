/**
 * The demo's dev-server plugin: everything `npm run demo` serves besides the
 * pages themselves.
 *
 * - `/api/cobrowse/token`: the project's own token handler (src/server), signed
 *   with a random per-run secret in emulator mode, or ZOOM_SDK_SECRET from .env.
 * - `/script-tag.html`: served outside Vite's HTML pipeline, under a strict
 *   Content-Security-Policy with a fresh nonce per request.
 * - `/dist/*.js` (the IIFE and the sibling scripts it loads) and the emulator
 *   SDK script: built in memory from src/ by the passes of `npm run build`
 *   (scripts/build-passes.mjs), on first request and again after src/
 *   changes, so a fresh clone needs no build step, an edited widget never meets
 *   a stale dist/, and the demo never writes into dist/.
 * - `virtual:zoom-cobrowse-demo`: the mode and public settings for the pages.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { loadEnv, type Plugin, type ViteDevServer } from 'vite';
import { PASSES, SCRIPT_PASSES, passForFile, runPass } from '../scripts/build-passes.mjs';
import { ZOOM_CDN_ORIGIN } from '../src/sdk/loader';
import { createTokenHandler, toNodeHandler } from '../src/server/index';

const demoDir = import.meta.dirname;
const repoRoot = resolve(demoDir, '..');

/** Zoom's CDN host (docs/zoom-sdk.md, "Loading"): scripts, API calls and the agent desk live there. */
export const ZOOM_HOST = new URL(ZOOM_CDN_ORIGIN).host;
/**
 * Zoom's hosted agent desk, opened with `?access_token=<agent JWT>`. Found in
 * Zoom's own quickstart, github.com/zoom/CobrowseSDK-Quickstart, agent.html
 * (commit 2bb6c547) and src/agent.js: `https://us01-zcb.zoom.us/sdkapi/zcb/frame-templates/desk?access_token=${token}`.
 * Zoom's docs describe the agent side only as "an embedded iframe" and do not
 * print the URL, so this is [M]: Zoom's code, not its reference.
 */
export const AGENT_DESK_URL = `https://${ZOOM_HOST}/sdkapi/zcb/frame-templates/desk`;
/** The SDK key the emulator's fake checks tokens against (`app_key`). */
export const EMULATOR_SDK_KEY = 'demo-sdk-key';
/** Where the demo mounts the project's token handler, as the README tells integrators to. */
export const TOKEN_PATH = '/api/cobrowse/token';
/** The fake SDK script (the `fake` build pass), served at the emulator's stand-in for Zoom's CDN URL. */
const FAKE_SDK_FILE = SCRIPT_PASSES.find((p) => p.name === 'fake')!.file;
const VIRTUAL_ID = 'virtual:zoom-cobrowse-demo';

/** The demo's pages, in menu order. */
export const PAGES = [
  { path: '/', file: 'index.html', label: 'Shop checkout', detail: 'npm import' },
  { path: '/script-tag.html', file: 'script-tag.html', label: 'Script tag + strict CSP', detail: 'IIFE build, nonce' },
  { path: '/agent.html', file: 'agent.html', label: 'Agent console', detail: 'join with the PIN' },
  { path: '/theme.html', file: 'theme.html', label: 'Theme playground', detail: 'live restyle' },
] as const;

/** What the pages learn about the running demo; nothing secret. */
export interface DemoClientConfig {
  mode: 'emulator' | 'zoom';
  sdkKey: string;
  tokenUrl: string;
  /** Emulator mode: where the fake SDK script is served in place of Zoom's CDN. */
  sdkUrl: string | undefined;
  agentDeskUrl: string;
}

/** How the demo runs; decided once at startup. */
export interface DemoSettings {
  mode: 'emulator' | 'zoom';
  sdkKey: string;
  sdkSecret: string;
  /** Why this mode, for the startup banner. */
  reason: string;
}

/**
 * Emulator unless .env (or the environment) has both ZOOM_SDK_KEY and
 * ZOOM_SDK_SECRET. DEMO_MODE=emulator forces the emulator (the tests use it);
 * DEMO_MODE=zoom insists on credentials. Half a pair fails loudly: a developer
 * who filled in one line expects real Zoom, not a silent fallback.
 */
export function resolveDemoSettings(env: Record<string, string | undefined> = loadEnv('development', repoRoot, ['ZOOM_', 'DEMO_'])): DemoSettings {
  const key = env.ZOOM_SDK_KEY?.trim();
  const secret = env.ZOOM_SDK_SECRET?.trim();
  const forced = env.DEMO_MODE?.trim();
  if (forced && forced !== 'emulator' && forced !== 'zoom') {
    throw new Error(`[zoom-cobrowse-widget demo] DEMO_MODE=${forced} is not a mode; use DEMO_MODE=emulator or DEMO_MODE=zoom, or leave it out.`);
  }
  const emulator = (reason: string): DemoSettings => ({
    mode: 'emulator',
    sdkKey: EMULATOR_SDK_KEY,
    // A fresh random secret each run: emulator tokens are signed for real, and are worth nothing anywhere else.
    sdkSecret: randomBytes(32).toString('base64url'),
    reason,
  });
  if (forced === 'emulator') return emulator('DEMO_MODE=emulator');
  if (key && secret) return { mode: 'zoom', sdkKey: key, sdkSecret: secret, reason: 'ZOOM_SDK_KEY and ZOOM_SDK_SECRET set in .env or the environment' };
  if (key || secret || forced === 'zoom') {
    const missing = [!key && 'ZOOM_SDK_KEY', !secret && 'ZOOM_SDK_SECRET'].filter(Boolean).join(' and ');
    throw new Error(
      `[zoom-cobrowse-widget demo] ${missing} missing: real Zoom mode needs both in .env (see .env.example). ` +
        'Add the missing line, or remove the other one to run the emulator.',
    );
  }
  return emulator('no Zoom credentials in .env');
}

/** The script-tag page's policy: nonce-only scripts and styles; real mode adds Zoom's host where the SDK needs it. */
export function scriptTagCsp(nonce: string, mode: 'emulator' | 'zoom'): string {
  const zoom = mode === 'zoom' ? ` https://${ZOOM_HOST}` : '';
  return [
    // No Zoom host here: the widget's on-hover prefetch hint has `as=script`, so script-src governs it.
    `default-src 'self'`,
    `script-src 'nonce-${nonce}'${zoom}`,
    `style-src 'nonce-${nonce}'${zoom}`,
    `connect-src 'self'${mode === 'zoom' ? ` https://${ZOOM_HOST} wss://${ZOOM_HOST}` : ''}`,
    `img-src 'self' data:${zoom}`,
    `font-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'self'`,
  ].join('; ');
}

/** Tells origins that may ask for tokens: loopback pages of any port, or the page's own origin (`vite --host` on a LAN). */
function originAllowed(origin: string, request: Request): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return true;
    return url.host === request.headers.get('host');
  } catch {
    return false;
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The demo bar at the top of every page (marked as demo chrome so the agent's snapshot leaves it out). */
export function navHtml(currentPath: string, settings: Pick<DemoSettings, 'mode'>): string {
  const links = PAGES.map(
    (p) => `<a href="${p.path}"${p.path === currentPath ? ' aria-current="page"' : ''}>${escapeHtml(p.label)}</a>`,
  ).join('');
  const badge =
    settings.mode === 'zoom'
      ? '<span class="demo-mode demo-mode--zoom" title="Tokens signed with ZOOM_SDK_SECRET from .env">Real Zoom</span>'
      : '<span class="demo-mode" title="The fake SDK from zoom-cobrowse-widget/testing stands in for Zoom">Emulator · no Zoom account</span>';
  return `<nav class="demo-bar" data-demo-chrome aria-label="Demo pages"><strong class="demo-title">zoom-cobrowse-widget demo</strong>${links}${badge}</nav>`;
}

/** One build pass done in memory: the files it wrote (by path under dist/), or why it failed. */
interface Pass {
  files: Map<string, string>;
  error?: string;
}

/** What the pages load (the widget, the parts it loads on intent, the fake SDK), built ahead of the visitor's click; the npm-only passes are left out. */
const WARM_PASSES = PASSES.filter((p) => p !== 'production' && p !== 'types' && p !== 'umd');

/** Runs one pass of scripts/build-passes.mjs in memory: the same output as `npm run build`, nothing written. */
async function buildPass(name: string): Promise<Pass> {
  try {
    return { files: await runPass(name, { write: false }) };
  } catch (err) {
    return { files: new Map(), error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * An absolute URL on this server. The widget's connection warm-up (`new URL(sdk.url)` in
 * src/sdk/loader.ts) throws on a relative sdk.url, so the demo passes absolute ones.
 */
function absolute(path: string, req: IncomingMessage, server: ViteDevServer): string {
  return `${server.config.server.https ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${path}`;
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(body);
}

/** The demo plugin; `settings` defaults to what .env and DEMO_MODE say. */
export function cobrowseDemo(settings: DemoSettings = resolveDemoSettings()): Plugin {
  const client: DemoClientConfig = {
    mode: settings.mode,
    sdkKey: settings.sdkKey,
    tokenUrl: TOKEN_PATH,
    sdkUrl: settings.mode === 'emulator' ? `/emulator/sdk/${encodeURIComponent(settings.sdkKey)}/js` : undefined,
    agentDeskUrl: AGENT_DESK_URL,
  };
  const tokens = toNodeHandler(
    createTokenHandler({
      sdkKey: settings.sdkKey,
      sdkSecret: settings.sdkSecret,
      allowedOrigins: originAllowed,
      // DEMO ONLY: anyone who can reach this dev server gets an agent token. Production must decide from
      // the agent's own login (README, "Authorising agents in production").
      authorizeAgent: () => true,
    }),
  );

  // Passes built on first request (one at a time: they share a config and the machine), dropped when src/ changes.
  const passes = new Map<string, Promise<Pass>>();
  let queue: Promise<unknown> = Promise.resolve();
  const pass = (mode: string): Promise<Pass> => {
    let p = passes.get(mode);
    if (!p) {
      p = queue.then(() => buildPass(mode));
      queue = p;
      passes.set(mode, p);
    }
    return p;
  };
  const distDir = resolve(repoRoot, 'dist');
  const serveScript = async (file: string, res: ServerResponse, server: ViteDevServer): Promise<void> => {
    const mode = passForFile(file);
    if (mode === 'iife') for (const m of WARM_PASSES) void pass(m); // warm the files the IIFE loads on intent
    const errors: string[] = [];
    for (const p of mode ? [pass(mode)] : [...passes.values()]) {
      const built = await p;
      const code = built.files.get(file);
      if (code !== undefined) return send(res, 200, 'text/javascript; charset=utf-8', code);
      if (built.error) errors.push(built.error);
    }
    if (mode && errors.length) {
      passes.delete(mode); // try again on the next request
      server.config.logger.error(`[zoom-cobrowse-widget demo] the ${mode} build pass failed: ${errors.join('\n')}`);
    }
    // A file no pass is known to produce: what `npm run build` left in dist/, if anything.
    const onDisk = resolve(distDir, file);
    if (onDisk.startsWith(distDir + sep) && existsSync(onDisk)) return send(res, 200, 'text/javascript; charset=utf-8', readFileSync(onDisk, 'utf8'));
    // A script that says what broke, so the page's console explains the missing widget.
    const why = errors.length ? `the build failed; see the terminal running npm run demo.\n${errors.join('\n')}` : 'no build pass produces it.';
    send(res, 404, 'text/javascript; charset=utf-8', `console.error(${JSON.stringify(`[zoom-cobrowse-widget demo] /dist/${file}: ${why}`)});`);
  };

  const scriptTagPage = (req: IncomingMessage, res: ServerResponse, server: ViteDevServer): void => {
    // A fresh nonce per response: a nonce an attacker can predict protects nothing.
    const nonce = randomBytes(16).toString('base64');
    const template = readFileSync(resolve(demoDir, 'script-tag.html'), 'utf8');
    const emulator = settings.mode === 'emulator';
    const html = template
      .replaceAll('{{nav}}', navHtml('/script-tag.html', settings))
      .replaceAll('{{sdkKey}}', escapeHtml(settings.sdkKey))
      .replaceAll('{{tokenUrl}}', TOKEN_PATH)
      .replaceAll('{{sdkUrlAttribute}}', client.sdkUrl ? ` data-sdk-url="${escapeHtml(absolute(client.sdkUrl, req, server))}"` : '')
      .replaceAll('{{emulatorScript}}', emulator ? `<script type="module" nonce="{{nonce}}" src="/script-tag-emulator.ts"></script>` : '')
      .replaceAll('{{csp}}', escapeHtml(scriptTagCsp('…', settings.mode)))
      .replaceAll('{{nonce}}', nonce);
    send(res, 200, 'text/html; charset=utf-8', html, { 'content-security-policy': scriptTagCsp(nonce, settings.mode) });
  };

  return {
    name: 'zoom-cobrowse-demo',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load: (id) => (id === `\0${VIRTUAL_ID}` ? `export default ${JSON.stringify(client)};` : undefined),
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => html.replace('<!--demo-nav-->', navHtml(ctx.path === '/index.html' ? '/' : ctx.path, settings)),
    },
    configureServer(server) {
      server.watcher.add(resolve(repoRoot, 'src'));
      server.watcher.on('change', (file) => {
        if (file.startsWith(resolve(repoRoot, 'src'))) passes.clear();
      });
      server.middlewares.use(TOKEN_PATH, (req, res, next) => void tokens(req, res, next));
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
        if (path === '/script-tag.html' || path === '/script-tag') return scriptTagPage(req, res, server);
        if (path.startsWith('/dist/') && path.endsWith('.js')) return void serveScript(path.slice('/dist/'.length), res, server);
        if (client.sdkUrl && path === client.sdkUrl) return void serveScript(FAKE_SDK_FILE, res, server);
        next();
      });
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        const base = (server.resolvedUrls?.local[0] ?? 'http://localhost:5173/').replace(/\/$/, '');
        const log = server.config.logger;
        log.info('');
        log.info(
          settings.mode === 'emulator'
            ? `  zoom-cobrowse-widget demo: EMULATOR mode (${settings.reason}); the fake SDK plays Zoom, no account needed.`
            : `  zoom-cobrowse-widget demo: REAL ZOOM mode (${settings.reason}); Zoom's CDN SDK and hosted agent desk.`,
        );
        for (const p of PAGES) log.info(`  ${`${p.label} (${p.detail})`.padEnd(46)} ${base}${p.path}`);
        log.info(`  ${'Token endpoint (POST)'.padEnd(46)} ${base}${TOKEN_PATH}`);
        log.info(
          settings.mode === 'emulator'
            ? '  Open the shop and the agent console side by side: Get help → Share this page → type the PIN into the agent console.'
            : "  Open the shop and the agent console side by side: Get help → Share this page → type the PIN into Zoom's agent desk.",
        );
        if (settings.mode === 'emulator') log.info('  For real Zoom: copy .env.example to .env, fill in ZOOM_SDK_KEY and ZOOM_SDK_SECRET, restart.');
        log.info('');
      };
    },
  };
}
