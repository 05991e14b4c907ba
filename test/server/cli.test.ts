import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jwtVerify } from 'jose';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SDK_KEY, SDK_SECRET, SECRET_BYTES } from './helpers';

const BIN = fileURLToPath(new URL('../../bin/zoom-cobrowse-widget.mjs', import.meta.url));
const SERVER_SRC = fileURLToPath(new URL('../../src/server/index.ts', import.meta.url));
// Run the bin against src/ through tsx instead of building dist/ (the build belongs to the release step).
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

const root = mkdtempSync(join(tmpdir(), 'zcw-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Env without the developer's own Zoom credentials. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['ZOOM_SDK_KEY', 'ZOOM_SDK_SECRET', 'PORT', 'ALLOWED_ORIGINS']) delete env[key];
  return { ...env, ...extra };
}

/** A package layout: bin/ copied, and dist/server.js either absent or pointing at src. */
function fakePackage(name: string, withDist: boolean): { bin: string; cwd: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  copyFileSync(BIN, join(dir, 'bin', 'zoom-cobrowse-widget.mjs'));
  // Like the real package: dist/*.js are ES modules.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'zoom-cobrowse-widget', type: 'module' }));
  if (withDist) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'server.js'), `export * from ${JSON.stringify(pathToFileURL(SERVER_SRC).href)};\n`);
  }
  const cwd = join(dir, 'app');
  mkdirSync(cwd);
  return { bin: join(dir, 'bin', 'zoom-cobrowse-widget.mjs'), cwd };
}

const run = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: options.cwd ?? root, env: options.env ?? cleanEnv(), timeout: 20_000 });

describe('zoom-cobrowse-widget CLI', () => {
  it('prints usage for --help', () => {
    const result = run(['token-server', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npx zoom-cobrowse-widget token-server');
    expect(result.stdout).toContain('--origin');
  });

  it('exits 2 with usage when the command is missing or unknown', () => {
    expect(run([]).status).toBe(2);
    const unknown = run(['serve']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('[zoom-cobrowse-widget] Unknown command "serve"');
  });

  it('says how to provide credentials when they are missing', () => {
    const result = run(['token-server']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[zoom-cobrowse-widget] ZOOM_SDK_KEY and ZOOM_SDK_SECRET are not set');
    expect(result.stderr).toContain('.env');
  });

  it('says to build when dist/server.js is missing', () => {
    const pkg = fakePackage('no-dist', false);
    const result = spawnSync(process.execPath, [pkg.bin, 'token-server'], {
      encoding: 'utf8',
      cwd: pkg.cwd,
      env: cleanEnv({ ZOOM_SDK_KEY: SDK_KEY, ZOOM_SDK_SECRET: SDK_SECRET }),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\[zoom-cobrowse-widget\] .*dist\/server\.js is missing.*npm run build/);
  });

  it('reports a short secret without printing it', () => {
    const pkg = fakePackage('short-secret', true);
    const result = spawnSync(process.execPath, ['--import', TSX, pkg.bin, 'token-server'], {
      encoding: 'utf8',
      cwd: pkg.cwd,
      env: cleanEnv({ ZOOM_SDK_KEY: SDK_KEY, ZOOM_SDK_SECRET: 'short-secret-value' }),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('too short (18 characters');
    expect(result.stderr).not.toContain('short-secret-value');
  });
});

describe('token-server', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGTERM');
  });

  /** Starts the server from a .env file and resolves with its URL and a getter for its output. */
  async function start(name: string, args: string[]): Promise<{ url: string; output: () => string }> {
    const pkg = fakePackage(name, true);
    writeFileSync(join(pkg.cwd, '.env'), `# test credentials\nZOOM_SDK_KEY=${SDK_KEY}\nexport ZOOM_SDK_SECRET="${SDK_SECRET}"\n`);
    const child = spawn(process.execPath, ['--import', TSX, pkg.bin, 'token-server', '--port', '0', ...args], {
      cwd: pkg.cwd,
      env: cleanEnv(),
    });
    children.push(child);
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`token-server did not start:\n${output}`)), 15_000);
      const check = () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`token-server exited with ${code}:\n${output}`));
      });
    });
    return { url, output: () => output };
  }

  const tokenRequest = (url: string, origin: string, body: unknown) =>
    fetch(`${url}/api/cobrowse/token`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('serves customer tokens from .env credentials to the default dev origins only', async () => {
    const { url, output } = await start('default', []);
    const ok = await tokenRequest(url, 'http://localhost:5173', {});
    expect(ok.status).toBe(200);
    const { token } = (await ok.json()) as { token: string };
    const { payload } = await jwtVerify(token, SECRET_BYTES);
    expect(payload).toMatchObject({ app_key: SDK_KEY, role_type: 1 });
    expect((await tokenRequest(url, 'http://127.0.0.1:5173', {})).status).toBe(200);
    expect((await tokenRequest(url, 'http://localhost:3000', {})).status).toBe(403);
    expect((await tokenRequest(url, 'http://localhost:5173', { role: 2 })).status).toBe(403);

    expect(output()).toContain('POST /api/cobrowse/token -> 200');
    expect(output()).toContain('agent tokens:    refused');
    expect(output()).not.toContain(SDK_SECRET);
    expect(output()).not.toContain(token);
  });

  it('honours --origin, --byop and --allow-agent-tokens', async () => {
    const { url, output } = await start('flags', ['--origin', 'http://localhost:3000', '--byop', '--allow-agent-tokens']);
    expect((await tokenRequest(url, 'http://localhost:5173', {})).status).toBe(403);
    const agent = await tokenRequest(url, 'http://localhost:3000', { role: 2 });
    expect(agent.status).toBe(200);
    const { token } = (await agent.json()) as { token: string };
    expect((await jwtVerify(token, SECRET_BYTES)).payload).toMatchObject({ role_type: 2, enable_byop: 1 });
    expect(output()).toContain('development only');
    expect(output()).not.toContain(token);
  });
});
