// Load test of the token endpoint: createTokenHandler → toNodeHandler → node:http
// on 127.0.0.1, driven by autocannon. Run with `npm run bench:server` (tsx runs
// src/ directly, so no build is needed). Options: --duration <s> --connections <n>.
import { once } from 'node:events';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { jwtVerify } from 'jose';
import { createTokenHandler, toNodeHandler } from '../src/server/index.ts';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 50);

const ORIGIN = 'http://localhost:5173';
const SECRET = 'bench-only-secret-0123456789abcdefghijklmnop';

const handler = createTokenHandler({
  sdkKey: 'bench-sdk-key',
  sdkSecret: SECRET,
  allowedOrigins: [ORIGIN],
  // The default in-memory limiter allows 60 requests per minute per client and
  // would answer 429 to nearly every request here, so the bench allows all.
  rateLimit: () => true,
});

const server = createServer(toNodeHandler(handler));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${server.address().port}/api/cobrowse/token`;
const headers = { origin: ORIGIN, 'content-type': 'application/json' };
const body = JSON.stringify({ role: 1, userName: 'Bench Customer' });

// Measure the real thing: fail fast if the endpoint does not return a valid token.
const probe = await fetch(url, { method: 'POST', headers, body });
const { token } = await probe.json();
await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });

console.log(`Benchmarking POST ${url}`);
console.log(`  ${connections} connections, ${duration} s, Origin ${ORIGIN}, rateLimit: () => true (default limiter off for the bench)`);

const result = await autocannon({ url, method: 'POST', headers, body, connections, duration });
server.closeAllConnections();
server.close();

const rows = [
  ['requests/s (mean)', result.requests.average.toFixed(0)],
  ['requests/s (p50)', String(result.requests.p50)],
  ['requests total', String(result.requests.total)],
  ['latency p50', `${result.latency.p50} ms`],
  ['latency p99', `${result.latency.p99} ms`],
  ['latency max', `${result.latency.max} ms`],
  ['throughput (mean)', `${(result.throughput.average / 1024).toFixed(0)} KiB/s`],
  ['2xx', String(result['2xx'])],
  ['non-2xx', String(result.non2xx)],
  ['errors', String(result.errors)],
  ['timeouts', String(result.timeouts)],
];
const width = Math.max(...rows.map(([k]) => k.length));
const valueWidth = Math.max(...rows.map(([, v]) => v.length));
console.log(`\n| ${'metric'.padEnd(width)} | ${'value'.padStart(valueWidth)} |`);
console.log(`|${'-'.repeat(width + 2)}|${'-'.repeat(valueWidth + 1)}:|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v.padStart(valueWidth)} |`);

const failures = result.errors + result.timeouts + result.non2xx;
if (failures > 0) {
  console.error(`\n[zoom-cobrowse-widget] bench: ${failures} failed requests (errors, timeouts or non-2xx); expected 0.`);
  process.exitCode = 1;
}
