#!/usr/bin/env node
// The package's command line. Only `token-server` exists: a development token
// endpoint so the demo (and your own pages) can get real Zoom tokens locally.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = '[zoom-cobrowse-widget]';
const DEFAULT_PORT = 8787;
const DEFAULT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

const USAGE = `Usage: npx zoom-cobrowse-widget token-server [options]

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

/** Prints a prefixed message and exits; usage errors exit 2, runtime failures 1. */
function die(message, code = 1) {
  process.stderr.write(`${PREFIX} ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { command: undefined, help: false, port: undefined, origins: [], byop: false, allowAgent: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) die(`${flag} needs a value. Run with --help for usage.`, 2);
      return v;
    };
    if (flag === '-h' || flag === '--help') args.help = true;
    else if (flag === '--port') args.port = value();
    else if (flag === '--origin') args.origins.push(value());
    else if (flag === '--byop') args.byop = true;
    else if (flag === '--allow-agent-tokens') args.allowAgent = true;
    else if (!flag.startsWith('-') && args.command === undefined) args.command = flag;
    else die(`Unknown argument "${arg}". Run with --help for usage.`, 2);
  }
  return args;
}

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

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (args.command !== 'token-server') {
  process.stderr.write(args.command === undefined ? USAGE : `${PREFIX} Unknown command "${args.command}".\n\n${USAGE}`);
  process.exit(2);
}

const envFile = resolve(process.cwd(), '.env');
const usedEnvFile = loadDotEnv(envFile);

const portText = args.port ?? process.env.PORT ?? String(DEFAULT_PORT);
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) die(`Invalid port "${portText}". Pass --port with a number from 0 to 65535 (0 picks a free port).`, 2);

const origins = args.origins.length > 0
  ? args.origins
  : process.env.ALLOWED_ORIGINS
    ? process.env.ALLOWED_ORIGINS.split(/[\s,]+/).filter(Boolean)
    : DEFAULT_ORIGINS;

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
const serverEntry = new URL('../dist/server.js', import.meta.url);
if (!existsSync(fileURLToPath(serverEntry))) {
  die(
    `${fileURLToPath(serverEntry)} is missing. In a clone of the repository, run "npm run build" first; ` +
      'in an installed package, reinstall zoom-cobrowse-widget.',
  );
}
const { createTokenHandler, toNodeHandler } = await import(serverEntry.href);

let handler;
try {
  handler = createTokenHandler({
    sdkKey,
    sdkSecret,
    allowedOrigins: origins,
    enableByop: args.byop,
    ...(args.allowAgent ? { authorizeAgent: () => true } : {}),
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
    `  agent tokens:    ${args.allowAgent ? 'ISSUED to allowed origins (--allow-agent-tokens; development only)' : 'refused (pass --allow-agent-tokens to issue them locally)'}`,
    `  BYOP:            ${args.byop ? 'on (enable_byop: 1)' : 'off (pass --byop to let the widget choose its PIN)'}`,
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
