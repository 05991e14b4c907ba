// Load test of the token endpoint, side by side: one process with the in-memory
// rate limiter, and two processes sharing one Redis (createRedisRateLimit).
// Each instance is test/server/token-instance.ts (createTokenHandler →
// toNodeHandler → node:http on 127.0.0.1) in its own Node process; autocannon
// drives them from this process. Run with `npm run bench:server` (tsx runs src/
// directly, so no build is needed). Options: --duration <s> --connections <n>
// --low-limit <n>. Needs redis-server (Debian package `redis-server`) for the Redis rows.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { jwtVerify } from 'jose';
import { REDIS_SERVER, startRedis } from '../test/server/redis-server.ts';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 50);
/** The budget of the second run, per visitor per minute: low enough that the load exhausts it many times over. */
const lowLimit = arg('low-limit', 500);
/** The first run measures throughput, so its budget is far above what 10 s of load can use. */
const HIGH_LIMIT = 100_000_000;

const ORIGIN = 'http://localhost:5173';
const SECRET = 'bench-only-secret-0123456789abcdefghijklmnop';
const INSTANCE = fileURLToPath(new URL('../test/server/token-instance.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const PATH = '/api/cobrowse/token';
const headers = { origin: ORIGIN, 'content-type': 'application/json' };
const body = JSON.stringify({ role: 1, userName: 'Bench Customer' });

const children = [];
/** Starts one token endpoint process; resolves with its URL. */
function instance(config) {
  const child = spawn(process.execPath, ['--import', TSX, INSTANCE, JSON.stringify({ ...config, origin: ORIGIN, secret: SECRET })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /READY (\d+)/.exec(out);
      if (ready) resolve(`http://127.0.0.1:${ready[1]}${PATH}`);
    });
    child.on('exit', (code) => reject(new Error(`[zoom-cobrowse-widget] bench: an instance exited with ${code} before listening.`)));
  });
}
const stopAll = () => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
};

/** Measure the real thing: fail fast if an endpoint does not return a valid token. */
async function probe(url) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const { token } = await response.json();
  await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });
}

async function load(urls) {
  for (const url of urls) await probe(url);
  const result = await autocannon({ url: urls.length === 1 ? urls[0] : urls, method: 'POST', headers, body, connections, duration });
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  // Each probe took one token from the budget too.
  return { result, codes, probes: urls.length, tokens: (codes['200'] ?? 0) + urls.length };
}

let redis;
const rows = [];
const lowRows = [];
let failed = false;
try {
  console.log(`Benchmarking POST ${PATH}: ${connections} connections, ${duration} s, loopback, Origin ${ORIGIN}`);
  // The client, the instances and Redis share these cores: a busy machine moves the numbers.
  console.log(`${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at start`);

  // 1. Throughput, with a budget no run can exhaust: the numbers are signing and counting, not 429s.
  const memory = await instance({ limiter: 'memory', limit: HIGH_LIMIT });
  rows.push(['1 process, memory limiter', await load([memory])]);
  stopAll();
  if (REDIS_SERVER === undefined) {
    console.error('[zoom-cobrowse-widget] bench: redis-server is not installed (apt-get install redis-server); the Redis rows are left out.');
    failed = true;
  } else {
    redis = await startRedis();
    const shared = await Promise.all([0, 1].map(() => instance({ limiter: 'redis', redisUrl: redis.url, limit: HIGH_LIMIT, prefix: 'bench-high:' })));
    rows.push(['2 processes, Redis limiter (shared)', await load(shared)]);
    stopAll();

    // 2. The budget: every request comes from one visitor (127.0.0.1), so the whole run may get `lowLimit` tokens.
    const separate = await Promise.all([0, 1].map(() => instance({ limiter: 'memory', limit: lowLimit })));
    lowRows.push(['2 processes, memory limiter (per process)', await load(separate)]);
    stopAll();
    const sharedLow = await Promise.all([0, 1].map(() => instance({ limiter: 'redis', redisUrl: redis.url, limit: lowLimit, prefix: 'bench-low:' })));
    lowRows.push(['2 processes, Redis limiter (shared)', await load(sharedLow)]);
    stopAll();
  }
} finally {
  stopAll();
  await redis?.stop();
}

const table = (header, lines) => {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
};

console.log('\nThroughput (rate limit far above the load):\n');
table(
  ['setup', 'requests/s (mean)', 'latency p50', 'latency p99', '2xx', 'non-2xx', 'errors'],
  rows.map(([name, { result }]) => [
    name,
    result.requests.average.toFixed(0),
    `${result.latency.p50} ms`,
    `${result.latency.p99} ms`,
    String(result['2xx']),
    String(result.non2xx),
    String(result.errors + result.timeouts),
  ]),
);
for (const [name, { result }] of rows) {
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) {
    console.error(`[zoom-cobrowse-widget] bench: ${name}: ${failures} failed requests (errors, timeouts or non-2xx); expected 0.`);
    failed = true;
  }
}

if (lowRows.length > 0) {
  console.log(`\nOne visitor, limit ${lowLimit} requests per minute, same load spread over both processes (counts include one probe request per process):\n`);
  table(
    ['setup', 'requests', 'tokens issued', 'refused (429)', 'errors'],
    lowRows.map(([name, { result, codes, probes, tokens }]) => [
      name,
      String(result.requests.total + probes),
      String(tokens),
      String(codes['429'] ?? 0),
      String(result.errors + result.timeouts),
    ]),
  );
  const shared = lowRows.find(([name]) => name.includes('shared'))?.[1];
  const issued = shared?.tokens ?? 0;
  if (issued !== lowLimit) {
    console.error(`[zoom-cobrowse-widget] bench: the shared budget issued ${issued} tokens; expected exactly ${lowLimit}.`);
    failed = true;
  } else {
    console.log(`\nShared budget held: ${issued} tokens across both processes (per-process memory limiters issued ${lowRows[0][1].tokens}).`);
  }
}
console.log(`\nLoad average ${loadavg()[0].toFixed(1)} at the end.`);
if (failed) process.exitCode = 1;
