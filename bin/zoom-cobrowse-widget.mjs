#!/usr/bin/env node
// The package's command line: `token-server`, a development token endpoint so the demo
// (and your own pages) can get real Zoom tokens locally, and `audit`, the masking check
// for a site's CI, which opens a page in a local Chromium and lists the sensitive-looking
// fields the site's masking rules leave visible to the support agent.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PREFIX = '[zoom-cobrowse-widget]';
const DEFAULT_PORT = 8787;
const DEFAULT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
const DEFAULT_TIMEOUT_MS = 30_000;

const USAGE = `Usage: npx zoom-cobrowse-widget <command> [options]

Commands:
  token-server   Start a development token endpoint for Zoom Cobrowse SDK tokens
  audit <page>   Check that a page's sensitive-looking fields are masked (for CI)

Run "npx zoom-cobrowse-widget <command> --help" for a command's options.
`;

const TOKEN_SERVER_USAGE = `Usage: npx zoom-cobrowse-widget token-server [options]

Starts a development token endpoint on http://127.0.0.1:<port> that signs Zoom
Cobrowse SDK tokens with ZOOM_SDK_KEY and ZOOM_SDK_SECRET, taken from the
environment or from a .env file in the current directory. It answers POST on
any path, e.g. http://127.0.0.1:8787/api/cobrowse/token.

Options:
  --port <n>             Port to listen on (default: $PORT, else ${DEFAULT_PORT})
  --origin <origin>      Browser origin allowed to request tokens; repeat for
                         several (default: $ALLOWED_ORIGINS, comma-separated,
                         else ${DEFAULT_ORIGINS.join(' and ')})
  --byop                 Add enable_byop: 1 so the widget may choose its own PIN
  --allow-agent-tokens   Also issue agent tokens (role 2) to allowed origins.
                         Development only: in production, use authorizeAgent.
  -h, --help             Show this help

Environment: ZOOM_SDK_KEY, ZOOM_SDK_SECRET, PORT, ALLOWED_ORIGINS
`;

const AUDIT_USAGE = `Usage: npx zoom-cobrowse-widget audit <page> [options]

Opens <page> (an http(s):// or file:// address, or the path of an HTML file) in a
local headless Chromium, runs the widget's masking audit with your masking rules,
and lists every sensitive-looking field they leave visible to the support agent:
its category, a CSS selector, and why it looks sensitive.

Options:
  --masking <list>       Masking in the script tag's data-masking syntax, e.g.
                         "default,identity" or "payment,credentials,all-inputs"
                         (default: the widget's defaults, payment and credentials)
  --config <file.json>   Masking from a JSON file: a widget config (its "masking"
                         field is used) or a masking value such as
                         {"presets": ["payment"], "selectors": ["#loyalty-no"]}.
                         With --masking too, --masking replaces the file's
                         presets and keeps its selectors.
  --wait-for <selector>  Wait until this element is on the page before checking
                         (for forms rendered by scripts after the page loads)
  --timeout <ms>         How long to wait for the page and --wait-for
                         (default: ${DEFAULT_TIMEOUT_MS})
  --json                 Print {"url", "masking", "findings": [...]} as JSON
  -h, --help             Show this help

Exit status: 0 when nothing is left unmasked, 1 when fields are, 2 when the
audit could not run (a usage error, a bad config, no Playwright or Chromium, or
a page that did not load).

Needs playwright-core (npm install --save-dev playwright-core) and a Chromium:
CHROMIUM_PATH, else /usr/bin/chromium or /usr/bin/chromium-browser, else the
one "npx playwright-core install chromium" downloads.
`;

/** Per command: its usage text and its options (true: takes a value). */
const COMMANDS = {
  'token-server': { usage: TOKEN_SERVER_USAGE, options: { '--port': true, '--origin': true, '--byop': false, '--allow-agent-tokens': false } },
  audit: { usage: AUDIT_USAGE, options: { '--masking': true, '--config': true, '--wait-for': true, '--timeout': true, '--json': false } },
};

/** Prints a prefixed message and exits; usage errors exit 2, runtime failures 1 (for audit, 2: 1 means findings). */
function die(message, code = 1) {
  process.stderr.write(`${PREFIX} ${message}\n`);
  process.exit(code);
}

/** A usage error: the message, then the usage text, exit 2. */
function usageError(message, usage) {
  process.stderr.write(`${PREFIX} ${message}\n\n${usage}`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { command: undefined, positionals: [], help: false, options: {} };
  const known = (flag) => Object.values(COMMANDS).some((c) => Object.hasOwn(c.options, flag));
  const takesValue = (flag) => Object.values(COMMANDS).some((c) => Object.hasOwn(c.options, flag) && c.options[flag]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') args.help = true;
    else if (known(flag)) {
      if (!takesValue(flag)) args.options[flag] = true;
      else {
        const v = inline ?? argv[++i];
        if (v === undefined || v.startsWith('--')) die(`${flag} needs a value. Run with --help for usage.`, 2);
        (args.options[flag] ??= []).push(v);
      }
    } else if (!flag.startsWith('-') && args.command === undefined) args.command = flag;
    else if (!flag.startsWith('-')) args.positionals.push(flag);
    else die(`Unknown argument "${arg}". Run with --help for usage.`, 2);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const command = args.command !== undefined && Object.hasOwn(COMMANDS, args.command) ? COMMANDS[args.command] : undefined;
if (args.help) {
  process.stdout.write(command?.usage ?? USAGE);
  process.exit(0);
}
if (!command) {
  process.stderr.write(args.command === undefined ? USAGE : `${PREFIX} Unknown command "${args.command}".\n\n${USAGE}`);
  process.exit(2);
}
for (const flag of Object.keys(args.options)) {
  if (!Object.hasOwn(command.options, flag)) usageError(`${flag} is not an option of ${args.command}.`, command.usage);
}
/** The value of a single-value option (the last one wins if repeated). */
const option = (flag) => args.options[flag]?.at(-1);

/** Imports a file of the built package; `code` is the exit status when it is missing. */
async function importDist(file, code) {
  const url = new URL(`../dist/${file}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    die(`${fileURLToPath(url)} is missing. In a clone of the repository, run "npm run build" first; in an installed package, reinstall zoom-cobrowse-widget.`, code);
  }
  return import(url.href);
}


// ---------------------------------------------------------------- token-server

/**
 * Reads KEY=VALUE lines (optional `export`, quotes, # comments). Variables
 * already in the environment win, as with dotenv, so a shell export can
 * override the file without editing it.
 */
function loadDotEnv(file) {
  if (!existsSync(file)) return false;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match;
    let value = raw;
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return true;
}

async function runTokenServer() {
  if (args.positionals.length) usageError(`token-server takes no arguments; got "${args.positionals[0]}".`, TOKEN_SERVER_USAGE);
  const envFile = resolve(process.cwd(), '.env');
  const usedEnvFile = loadDotEnv(envFile);

  const portText = option('--port') ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) die(`Invalid port "${portText}". Pass --port with a number from 0 to 65535 (0 picks a free port).`, 2);

  const origins = args.options['--origin']
    ? args.options['--origin']
    : process.env.ALLOWED_ORIGINS
      ? process.env.ALLOWED_ORIGINS.split(/[\s,]+/).filter(Boolean)
      : DEFAULT_ORIGINS;
  const byop = args.options['--byop'] === true;
  const allowAgent = args.options['--allow-agent-tokens'] === true;

  const sdkKey = process.env.ZOOM_SDK_KEY;
  const sdkSecret = process.env.ZOOM_SDK_SECRET;
  if (!sdkKey || !sdkSecret) {
    const missing = [!sdkKey && 'ZOOM_SDK_KEY', !sdkSecret && 'ZOOM_SDK_SECRET'].filter(Boolean).join(' and ');
    die(
      `${missing} ${missing.includes(' and ') ? 'are' : 'is'} not set. Put both in a .env file in ${process.cwd()}:\n` +
        '  ZOOM_SDK_KEY=your-sdk-key\n  ZOOM_SDK_SECRET=your-sdk-secret\n' +
        'or export them in your shell, then run the command again.',
    );
  }

  // Import the built entry (as the published package ships it) only now, so
  // --help and configuration errors work even before a build.
  const { createTokenHandler, toNodeHandler } = await importDist('server.js', 1);

  let handler;
  try {
    handler = createTokenHandler({
      sdkKey,
      sdkSecret,
      allowedOrigins: origins,
      enableByop: byop,
      ...(allowAgent ? { authorizeAgent: () => true } : {}),
    });
  } catch (error) {
    // The handler's messages already say what to change and never contain the secret.
    die(error instanceof Error ? error.message.replace(`${PREFIX} `, '') : String(error));
  }

  const listener = toNodeHandler(handler);
  const server = createServer((req, res) => {
    // Log the outcome, never the body: it carries the token.
    res.on('finish', () => process.stdout.write(`${PREFIX} ${req.method} ${req.url} -> ${res.statusCode}\n`));
    void listener(req, res);
  });

  server.on('error', (error) => {
    if (error.code === 'EADDRINUSE') die(`Port ${port} is already in use. Pass --port with another number (or --port 0 for any free port).`);
    die(`The token server stopped: ${error.message}`);
  });

  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const lines = [
      `${PREFIX} Token server listening on http://127.0.0.1:${actualPort} (POST, any path)`,
      `  credentials:     ${usedEnvFile ? `${envFile} and the environment` : 'the environment'} (SDK key ${sdkKey.slice(0, 4)}…)`,
      `  allowed origins: ${origins.join(', ')}`,
      `  agent tokens:    ${allowAgent ? 'ISSUED to allowed origins (--allow-agent-tokens; development only)' : 'refused (pass --allow-agent-tokens to issue them locally)'}`,
      `  BYOP:            ${byop ? 'on (enable_byop: 1)' : 'off (pass --byop to let the widget choose its PIN)'}`,
      '  Press Ctrl+C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close();
      server.closeAllConnections?.();
      process.exit(0);
    });
  }
}

// ---------------------------------------------------------------- audit

const firstLine = (error) => String(error instanceof Error ? error.message : error).split('\n')[0].replace(/^\w+\.\w+: /, '');

/** An http(s) or file URL, or a local path turned into a file URL. */
function pageUrl(target) {
  // "C:\site\index.html" looks like a URL scheme but is a Windows path.
  if (/^[a-z][a-z\d+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    let url;
    try {
      url = new URL(target);
    } catch {
      usageError(`"${target}" is not a valid address.`, AUDIT_USAGE);
    }
    if (url.protocol === 'file:') {
      if (!existsSync(fileURLToPath(url))) die(`No file at ${fileURLToPath(url)}. Check the path, or build the page first.`, 2);
    } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      usageError(`audit opens http:, https: and file: addresses, not "${target}"${target.includes('//') ? '' : ` (did you mean http://${target}?)`}.`, AUDIT_USAGE);
    }
    return url.href;
  }
  const file = resolve(target);
  if (!existsSync(file)) die(`No file at ${file}. Pass a page address (http://localhost:3000/checkout) or the path of an HTML file.`, 2);
  return pathToFileURL(file).href;
}

/** The masking value in a --config file: a widget config's `masking`, or the file's value itself. */
function maskingFromFile(file) {
  let json;
  try {
    json = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    die(error.code === 'ENOENT' ? `--config: no file at ${resolve(file)}.` : `--config ${file} is not readable JSON: ${firstLine(error)}`, 2);
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    if ('masking' in json) return json.masking;
    // A whole widget config without a masking field: the widget would use its defaults.
    if ('sdkKey' in json || 'token' in json) return undefined;
  }
  return json;
}

/**
 * The masking to check against, from --config and --masking, validated by the widget's own
 * resolveConfig (with placeholder sdkKey and token), so the CLI accepts and rejects exactly
 * what the widget does, with its messages.
 */
function auditMaskingConfig(resolveConfig) {
  const validate = (value, source) => {
    try {
      return resolveConfig({ sdkKey: 'audit', token: '/audit', masking: value }).maskingConfig;
    } catch (error) {
      const message = `${source}: ${firstLine(error).replace(`${PREFIX} `, '')}`;
      if (source === '--masking') usageError(message, AUDIT_USAGE);
      die(message, 2);
    }
  };
  const file = option('--config');
  const flag = option('--masking');
  const fromFile = file === undefined ? undefined : validate(maskingFromFile(file), `--config ${file}`);
  const fromFlag = flag === undefined ? undefined : validate(flag, '--masking');
  if (fromFlag === undefined) return fromFile ?? {};
  if (fromFile === undefined || fromFile === false || fromFlag === false) return fromFlag;
  return { ...fromFile, ...fromFlag };
}

/** "default presets payment, credentials + 2 selectors", "all inputs", "off". */
function describeMasking(masking, maskedCategories) {
  if (masking === false) return 'off';
  const presets = maskedCategories(masking).join(', ') || 'none';
  const parts = [masking.maskType === 'all-inputs' ? 'all inputs' : `${masking.presets ? 'presets' : 'default presets'} ${presets}`];
  const n = masking.selectors?.length ?? 0;
  if (n) parts.push(`${n} selector${n === 1 ? '' : 's'}`);
  return parts.join(' + ');
}

/** playwright-core, or the full playwright package (which includes it). */
async function loadPlaywright() {
  for (const name of ['playwright-core', 'playwright']) {
    try {
      return await import(name);
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
  die(
    'audit drives a local Chromium through Playwright, and neither playwright-core nor playwright is installed. Install it in your project:\n' +
      '  npm install --save-dev playwright-core\nthen run the command again.',
    2,
  );
}

const INSTALL_CHROMIUM =
  '  npx playwright-core install chromium   (Playwright\'s own build; add --with-deps on a fresh Linux CI runner)\n' +
  '  sudo apt-get install -y chromium        (Debian; chromium-browser on Ubuntu)\n' +
  '  or set CHROMIUM_PATH to a Chromium or Chrome you already have.';

async function launchChromium(chromium) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && !existsSync(fromEnv)) {
    die(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there. Point it at a Chromium or Chrome executable, or unset it to use one found on this machine:\n${INSTALL_CHROMIUM}`, 2);
  }
  const executablePath = fromEnv || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  try {
    // Without an executablePath Playwright uses the browser it downloaded, if any.
    return await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  } catch (error) {
    if (executablePath) die(`Chromium at ${executablePath} did not start: ${firstLine(error)}. Set CHROMIUM_PATH to a working Chromium or Chrome.`, 2);
    die(`No Chromium found: CHROMIUM_PATH is not set, there is no /usr/bin/chromium or /usr/bin/chromium-browser, and Playwright's own browser did not start (${firstLine(error)}). Install one:\n${INSTALL_CHROMIUM}`, 2);
  }
}

async function runAudit() {
  const [target, ...extra] = args.positionals;
  if (target === undefined) usageError('audit needs a page: an address like http://localhost:3000/checkout, or the path of an HTML file.', AUDIT_USAGE);
  if (extra.length) usageError(`audit checks one page at a time; got "${target}" and "${extra[0]}". Run it once per page.`, AUDIT_USAGE);
  const timeoutText = option('--timeout') ?? String(DEFAULT_TIMEOUT_MS);
  const timeout = Number(timeoutText);
  if (!/^\d+$/.test(timeoutText) || timeout < 1) usageError(`--timeout must be a number of milliseconds, like 30000; got "${timeoutText}".`, AUDIT_USAGE);
  const waitFor = option('--wait-for');
  const url = pageUrl(target);

  const { resolveConfig, maskedCategories } = await importDist('index.js', 2);
  const { maskingAuditScript, formatMaskingFindings } = await importDist('testing.js', 2);
  const masking = auditMaskingConfig(resolveConfig);
  const script = await maskingAuditScript({ masking });

  const { chromium } = await loadPlaywright();
  const browser = await launchChromium(chromium);
  const fail = async (message) => {
    await browser.close().catch(() => {});
    die(message, 2);
  };
  let findings;
  try {
    // Local dev servers often use self-signed certificates; the audit sends nothing anywhere.
    const page = await browser.newPage({ ignoreHTTPSErrors: true });
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout });
    } catch (error) {
      return await fail(`Could not open ${url}: ${firstLine(error)}. Check the address, and that the server is running.`);
    }
    if (response && !response.ok()) return await fail(`${url} answered HTTP ${response.status()}. Audit a page that loads: check the address, and that the server is running.`);
    // Forms are often rendered by scripts after "load": give the network a moment to go quiet.
    await page.waitForLoadState('networkidle', { timeout: Math.min(timeout, 5000) }).catch(() => {});
    if (waitFor !== undefined) {
      try {
        await page.waitForSelector(waitFor, { state: 'attached', timeout });
      } catch (error) {
        return await fail(`--wait-for "${waitFor}": ${/Timeout/i.test(String(error)) ? `no such element on ${url} after ${timeout} ms` : firstLine(error)}. Check the selector, or raise --timeout.`);
      }
    }
    try {
      findings = await page.evaluate(script);
    } catch (error) {
      return await fail(`The audit failed in ${url}: ${firstLine(error)}`);
    }
  } finally {
    await browser.close().catch(() => {});
  }

  if (args.options['--json'] === true) {
    process.stdout.write(`${JSON.stringify({ url, masking, findings }, null, 2)}\n`);
  } else {
    const head = `${PREFIX} Masking audit of ${url} (masking: ${describeMasking(masking, maskedCategories)})`;
    process.stdout.write(`${head}${findings.length ? `\n${PREFIX} ` : ': '}${formatMaskingFindings(findings, masking)}\n`);
  }
  process.exitCode = findings.length ? 1 : 0;
}

if (args.command === 'audit') await runAudit();
else await runTokenServer();
