// `npx zoom-cobrowse-widget audit <page>`: the masking check for a site's CI, run as a child
// process against fixture pages served on loopback, with the real Chromium and the built dist/.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKey, expectFinding } from '../dom/masking/answer-key';
import { startStaticServer, type StaticServer } from './static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/zoom-cobrowse-widget.mjs');
const FIXTURES = join(ROOT, 'test/fixtures/masking');
const tmp = mkdtempSync(join(tmpdir(), 'zcw-audit-cli-'));

// An email field appears a second after load, as in pages that render forms from script.
const LATE_FORM = `<!doctype html><title>Late form</title><body><main id="app"></main><script>
  setTimeout(() => { document.getElementById('app').innerHTML = '<label for="late">Email</label><input type="email" id="late">'; }, 1000);
</script></body>`;
// Only scripts with the nonce may run: an inline <script> added by a test driver would be refused.
const CSP_FORM = `<!doctype html><html><head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'nonce-abc'; style-src 'nonce-abc'">
  <title>Strict CSP</title></head><body><form><label for="card">Card number</label><input id="card" name="f1"></form></body></html>`;

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer({
    '/late-form': () => ({ status: 200, body: LATE_FORM, type: 'text/html' }),
    '/csp-form': () => ({ status: 200, body: CSP_FORM, type: 'text/html' }),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking this process, which serves the pages it opens. */
function audit(args: string[], options: { env?: Record<string, string>; cwd?: string; bin?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, 'audit', ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`audit ${args.join(' ')} did not finish:\n${stdout}${stderr}`));
    }, 25_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

const page = (name: string) => `${server.origin}/test/fixtures/masking/${name}`;

interface Finding {
  selector: string;
  category: string;
  reason: string;
}

/** Categories the answer key expects the audit to report under a masking config, sorted. */
function expectedCategories(name: string, config: { presets: string[] } | undefined): string[] {
  return Object.values(answerKey.pages[name]!)
    .map((entry) => expectFinding(entry, true, config as never))
    .filter((c): c is string => c !== null)
    .sort();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Each run starts its own Chromium; on a busy two-core machine a test of four runs can take 20 s.
describe('zoom-cobrowse-widget audit', { timeout: 60_000 }, () => {
  it('lists the fields the default masking leaves visible, one line each, and exits 1', async () => {
    const json = await audit([page('catalogue.html'), '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { url: string; masking: unknown; findings: Finding[] };
    expect(report.url).toBe(page('catalogue.html'));
    expect(report.masking).toEqual({});
    expect(report.findings.map((f) => f.category).sort()).toEqual(expectedCategories('catalogue.html', undefined));
    expect(report.findings.length).toBeGreaterThan(0);

    const text = await audit([page('catalogue.html')]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`[zoom-cobrowse-widget] Masking audit of ${page('catalogue.html')} (masking: default presets payment, credentials)`);
    expect(text.stdout).toContain(`${report.findings.length} sensitive-looking fields are not masked`);
    for (const f of report.findings) {
      expect(text.stdout).toMatch(new RegExp(`^ +${f.category} +${escape(f.selector)} +\\(${escape(f.reason)}\\)$`, 'm'));
    }
    // What to do next names the presets that would mask them, in the data-masking syntax.
    const missing = [...new Set(report.findings.map((f) => f.category))];
    expect(text.stdout).toContain(`data-masking="payment,credentials,${['contact', 'address'].filter((p) => missing.includes(p)).join(',')}"`);
  });

  it('exits 0 when --masking adds the presets the page needs, in the data-masking syntax', async () => {
    const run = await audit([page('catalogue.html'), '--masking', 'default,contact,address']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('(masking: presets payment, credentials, contact, address): no sensitive-looking field is left unmasked.');
    expect(run.status).toBe(0);
  });

  it('on a corpus page (GOV.UK passport details): exit 1 for the passport number, 0 once identity is masked', async () => {
    const corpus = `${server.origin}/test/fixtures/masking/corpus/govuk-passport-details.html`;
    const before = await audit([corpus, '--json']);
    expect(before.status).toBe(1);
    const report = JSON.parse(before.stdout) as { findings: { category: string; selector: string }[] };
    // Only the passport number: its expiry date is an ordinary field the agent may see.
    expect(report.findings.map((f) => f.category)).toEqual(['identity']);
    const after = await audit([corpus, '--masking', 'default,identity']);
    expect(after.status).toBe(0);
  });

  it('takes the masking from a widget config file; its selectors cover fields no preset names', async () => {
    // checkout.html has two card fields named f17/f18: every preset misses them, the audit does not.
    const presets = { presets: ['payment', 'credentials', 'contact', 'address'] };
    writeFileSync(join(tmp, 'presets.json'), JSON.stringify({ sdkKey: 'k', token: '/api/token', masking: presets }));
    const first = await audit([page('checkout.html'), '--config', join(tmp, 'presets.json'), '--json']);
    expect(first.status).toBe(1);
    const { findings } = JSON.parse(first.stdout) as { findings: Finding[] };
    expect(findings.map((f) => f.category).sort()).toEqual(expectedCategories('checkout.html', presets));
    expect(findings.map((f) => f.category)).toEqual(['payment', 'payment']);

    // Paste the reported selectors into masking.selectors, as the report suggests.
    writeFileSync(join(tmp, 'full.json'), JSON.stringify({ sdkKey: 'k', token: '/api/token', masking: { ...presets, selectors: findings.map((f) => f.selector) } }));
    const fixed = await audit([page('checkout.html'), '--config', join(tmp, 'full.json')]);
    expect(fixed.stdout).toContain('(masking: presets payment, credentials, contact, address + 2 selectors): no sensitive-looking field');
    expect(fixed.status).toBe(0);

    // A file holding just the masking value, combined with --masking: the flag's presets, the file's selectors.
    writeFileSync(join(tmp, 'selectors.json'), JSON.stringify({ selectors: findings.map((f) => f.selector) }));
    const combined = await audit([page('checkout.html'), '--config', join(tmp, 'selectors.json'), '--masking', 'default,contact,address']);
    expect(combined.status).toBe(0);
    const selectorsOnly = await audit([page('checkout.html'), '--config', join(tmp, 'selectors.json')]);
    expect(selectorsOnly.status).toBe(1); // defaults alone leave the address and contact fields
  });

  it('opens local files by path and by file:// URL', async () => {
    const byPath = await audit(['catalogue.html', '--json'], { cwd: FIXTURES });
    expect(byPath.status).toBe(1);
    expect((JSON.parse(byPath.stdout) as { url: string }).url).toBe(pathToFileURL(join(FIXTURES, 'catalogue.html')).href);
    const byUrl = await audit([pathToFileURL(join(FIXTURES, 'catalogue.html')).href, '--masking', 'default,contact,address']);
    expect(byUrl.status).toBe(0);
  });

  it('checks pages under a strict Content-Security-Policy', async () => {
    const run = await audit([`${server.origin}/csp-form`]);
    expect(run.stdout).toMatch(/^ +payment +#card +\(label text "Card number"\)$/m);
    expect(run.status).toBe(1);
  });

  it('--wait-for waits for forms rendered after load; a selector that never appears is an error', async () => {
    const late = await audit([`${server.origin}/late-form`, '--wait-for', '#late', '--json']);
    expect(late.status).toBe(1);
    expect((JSON.parse(late.stdout) as { findings: Finding[] }).findings).toEqual([{ selector: '#late', category: 'contact', reason: 'type="email"' }]);

    const never = await audit([`${server.origin}/late-form`, '--wait-for', '#never', '--timeout', '1500']);
    expect(never.status).toBe(2);
    expect(never.stderr).toContain('[zoom-cobrowse-widget] --wait-for "#never": no such element');
    expect(never.stderr).toContain('raise --timeout');
  });

  it('exits 2 when the page does not load', async () => {
    const missing = await audit([`${server.origin}/test/fixtures/masking/no-such-page.html`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('answered HTTP 404');
    const noFile = await audit(['no-such-page.html'], { cwd: tmp });
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain(`[zoom-cobrowse-widget] No file at ${join(tmp, 'no-such-page.html')}`);
  });

  it('exits 2 with the usage text for usage errors', async () => {
    const noPage = await audit([]);
    expect(noPage.status).toBe(2);
    expect(noPage.stderr).toContain('[zoom-cobrowse-widget] audit needs a page');
    expect(noPage.stderr).toContain('Usage: npx zoom-cobrowse-widget audit <page> [options]');

    const badMasking = await audit([page('catalogue.html'), '--masking', 'payment,cards']);
    expect(badMasking.status).toBe(2);
    expect(badMasking.stderr).toContain('[zoom-cobrowse-widget] --masking: Invalid config "masking": "cards" in "payment,cards" is not accepted');
    expect(badMasking.stderr).toContain('Usage: npx zoom-cobrowse-widget audit');

    const otherCommand = await audit([page('catalogue.html'), '--port', '80']);
    expect(otherCommand.status).toBe(2);
    expect(otherCommand.stderr).toContain('--port is not an option of audit.');

    const scheme = await audit(['localhost:3000/checkout']);
    expect(scheme.status).toBe(2);
    expect(scheme.stderr).toContain('did you mean http://localhost:3000/checkout?');

    writeFileSync(join(tmp, 'typo.json'), JSON.stringify({ masking: { presets: ['payment'], selector: ['#x'] } }));
    const badFile = await audit([page('catalogue.html'), '--config', join(tmp, 'typo.json')]);
    expect(badFile.status).toBe(2);
    expect(badFile.stderr).toMatch(/--config .*typo\.json: Invalid config "masking\.selector"/);
  });

  it('--help prints the audit options and exits 0', async () => {
    const help = await audit(['--help']);
    expect(help.status).toBe(0);
    for (const option of ['--masking', '--config', '--wait-for', '--timeout', '--json', 'CHROMIUM_PATH']) expect(help.stdout).toContain(option);
  });

  it('says how to get a browser when CHROMIUM_PATH points at nothing', async () => {
    const run = await audit([page('catalogue.html')], { env: { CHROMIUM_PATH: join(tmp, 'no-chromium') } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`[zoom-cobrowse-widget] CHROMIUM_PATH is set to ${join(tmp, 'no-chromium')}, but there is no file there.`);
    expect(run.stderr).toContain('npx playwright-core install chromium');
    expect(run.stderr).toContain('apt-get install -y chromium');
  });

  it('says how to install Playwright when it is not installed', async () => {
    // A package outside this repository: its bin/ cannot resolve playwright-core from any node_modules.
    const pkg = join(tmp, 'no-playwright');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'zoom-cobrowse-widget', type: 'module' }));
    copyFileSync(BIN, join(pkg, 'bin/zoom-cobrowse-widget.mjs'));
    for (const file of ['index.js', 'testing.js']) writeFileSync(join(pkg, 'dist', file), `export * from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', file)).href)};\n`);
    const run = await audit([page('catalogue.html')], { bin: join(pkg, 'bin/zoom-cobrowse-widget.mjs'), cwd: pkg });
    expect(run.stderr).toContain('neither playwright-core nor playwright is installed');
    expect(run.stderr).toContain('npm install --save-dev playwright-core');
    expect(run.status).toBe(2);
  });
});
