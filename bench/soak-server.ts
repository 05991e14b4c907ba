/**
 * Token-endpoint soak (part of `npm run bench:soak`): SOAK_SECONDS (default 300) of
 * loopback load from autocannon against the token handler with its defaults, in a child
 * process (bench/soak-server-target.ts) so its memory is measured alone. The mix: good
 * customer requests and bad ones (disallowed origin, oversize body, malformed JSON, wrong
 * field type, agent role, wrong content type, wrong method), each from a new client address
 * (x-forwarded-for, which the default limiter trusts because the peer is loopback, i.e. a
 * proxy), plus one client that hammers from a fixed address and must be rate limited.
 * Checks: no errors or timeouts; every request answered with its documented status and
 * code; RSS and the GC'd heap flat while the limiter sees hundreds of thousands of
 * addresses (it remembers at most 10 000). Prints a table; exit code 1 on any failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 16);
const ORIGIN = 'http://localhost:5173';
const HAMMER_IP = '198.51.100.7';
const MiB = 1024 * 1024;

interface Stats {
  rss: number;
  heapUsed: number;
  heapAfterGc: number;
  rssAfterGc: number;
}

const child: ChildProcess = fork(resolve(import.meta.dirname, 'soak-server-target.ts'), [], {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: { ...process.env, SOAK_ORIGIN: ORIGIN },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const [ready] = (await once(child, 'message')) as [{ type: string; port: number }];
const url = `http://127.0.0.1:${ready.port}`;

let pendingStats: ((s: Stats) => void) | undefined;
child.on('message', (m: { type: string } & Stats) => {
  if (m.type === 'stats') pendingStats?.(m);
});
const stats = (): Promise<Stats> =>
  new Promise((r) => {
    pendingStats = r;
    child.send({ type: 'stats' });
  });

// Every request but the hammer's comes from an address never used before (public ranges only:
// the limiter skips private addresses in x-forwarded-for, as a proxy's own hops).
let addressCounter = 0;
const nextAddress = (): string => {
  const n = addressCounter++;
  return `${20 + ((n >>> 16) % 70)}.${(n >>> 8) & 255}.${n & 255}.${1 + (n % 200)}`;
};

interface Kind {
  name: string;
  /** Status and error code the README documents for it. */
  expect: { status: number; code?: string };
  request: autocannon.Request;
}
const json = { 'content-type': 'application/json' };
const kinds: Kind[] = [
  { name: 'good customer request', expect: { status: 200 }, request: { method: 'POST', headers: { origin: ORIGIN, ...json }, body: JSON.stringify({ role: 1, userName: 'Soak Customer' }) } },
  { name: 'good, empty body', expect: { status: 200 }, request: { method: 'POST', headers: { origin: ORIGIN, ...json }, body: '' } },
  { name: 'bad origin', expect: { status: 403, code: 'origin_not_allowed' }, request: { method: 'POST', headers: { origin: 'https://evil.example', ...json }, body: '{"role":1}' } },
  { name: 'no origin', expect: { status: 403, code: 'origin_not_allowed' }, request: { method: 'POST', headers: { ...json }, body: '{"role":1}' } },
  { name: 'oversize body (20 KiB)', expect: { status: 413, code: 'payload_too_large' }, request: { method: 'POST', headers: { origin: ORIGIN, ...json }, body: JSON.stringify({ userName: 'x'.repeat(20 * 1024) }) } },
  { name: 'malformed JSON', expect: { status: 400, code: 'invalid_json' }, request: { method: 'POST', headers: { origin: ORIGIN, ...json }, body: '{"role":1,' } },
  { name: 'wrong field type', expect: { status: 400, code: 'invalid_request' }, request: { method: 'POST', headers: { origin: ORIGIN, ...json }, body: '{"userName":{"$gt":""}}' } },
  { name: 'agent role', expect: { status: 403, code: 'agent_not_authorized' }, request: { method: 'POST', headers: { origin: ORIGIN, ...json }, body: '{"role":2}' } },
  { name: 'text/plain', expect: { status: 415, code: 'unsupported_media_type' }, request: { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'text/plain' }, body: '{"role":1}' } },
  { name: 'GET', expect: { status: 405, code: 'method_not_allowed' }, request: { method: 'GET', headers: { origin: ORIGIN } } },
];
const tally = new Map<string, Map<number, number>>();
const wrong: string[] = [];
const count = (kind: string, status: number): void => {
  const m = tally.get(kind) ?? new Map<number, number>();
  m.set(status, (m.get(status) ?? 0) + 1);
  tally.set(kind, m);
};

const requests: autocannon.Request[] = [
  ...kinds.map((k) => ({
    ...k.request,
    path: '/api/cobrowse/token',
    setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': nextAddress() } }),
    onResponse: (status: number, body: string) => {
      count(k.name, status);
      let ok = status === k.expect.status;
      if (ok && k.expect.code) {
        try {
          ok = (JSON.parse(body) as { error?: { code?: string } }).error?.code === k.expect.code;
        } catch {
          ok = false;
        }
      }
      if (!ok && wrong.length < 20) wrong.push(`${k.name}: ${status} ${body.slice(0, 120)}`);
    },
  })),
  {
    method: 'POST',
    path: '/api/cobrowse/token',
    headers: { origin: ORIGIN, ...json, 'x-forwarded-for': HAMMER_IP },
    body: '{"role":1}',
    onResponse: (status: number, _body: string, _ctx: unknown, headers: Record<string, string>) => {
      count('one client hammering', status);
      if (status === 429 && !(Number(headers['retry-after']) >= 1) && wrong.length < 20) wrong.push(`hammer: 429 without Retry-After`);
      if (status !== 200 && status !== 429 && wrong.length < 20) wrong.push(`hammer: ${status}`);
    },
  },
];

// Warm up (JIT, key import, first sockets), then take the baseline.
await autocannon({ url, connections: 4, duration: 3, requests });
tally.clear();
const start = await stats();
const startedAt = Date.now();
const rssSamples: number[] = [start.rss];
const heapSeries: Array<[number, number]> = [[0, start.heapAfterGc]];
const rssSeries: Array<[number, number]> = [[0, start.rss]];
const sampler = setInterval(() => {
  void stats().then((s) => {
    const t = Math.round((Date.now() - startedAt) / 1000);
    rssSamples.push(s.rss);
    rssSeries.push([t, s.rss]);
    heapSeries.push([t, s.heapAfterGc]);
  });
}, 15_000);
const addressesBefore = addressCounter;

console.log(`[soak] token endpoint: ${CONNECTIONS} connections for ${SECONDS} s against ${url} (child process, default limiter)`);
const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 10 });
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 500));
const end = await stats();
rssSamples.push(end.rss);
rssSeries.push([Math.round((Date.now() - startedAt) / 1000), end.rss]);
heapSeries.push([Math.round((Date.now() - startedAt) / 1000), end.heapAfterGc]);
child.send({ type: 'stop' });
await once(child, 'exit');

const addresses = addressCounter - addressesBefore;
const hammer = tally.get('one client hammering') ?? new Map<number, number>();
const windows = Math.ceil(SECONDS / 60) + 1;
const peakRss = Math.max(...rssSamples);
const heapValues = heapSeries.map(([, h]) => h);
const failures: string[] = [];
if (result.errors > 0) failures.push(`${result.errors} connection errors`);
if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);
failures.push(...wrong.map((w) => `wrong answer: ${w}`));
if ((hammer.get(200) ?? 0) > 60 * windows) failures.push(`the hammering client got ${hammer.get(200)} tokens; the limit allows at most ${60 * windows}`);
if (!(hammer.get(429) ?? 0)) failures.push('the hammering client was never rate limited');
// Flat: a leak of even 100 bytes per request or per address would add tens of MiB here.
if (end.heapAfterGc - start.heapAfterGc > 16 * MiB) failures.push(`heap after GC grew ${((end.heapAfterGc - start.heapAfterGc) / MiB).toFixed(1)} MiB`);
if (end.rss - start.rss > 64 * MiB) failures.push(`RSS grew ${((end.rss - start.rss) / MiB).toFixed(1)} MiB`);

const mib = (n: number): string => `${(n / MiB).toFixed(1)} MiB`;
const rows: Array<[string, string]> = [
  ['duration / connections', `${SECONDS} s / ${CONNECTIONS}`],
  ['requests answered', String(result.requests.total)],
  ['requests/s (mean)', result.requests.average.toFixed(0)],
  ['latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`],
  ['errors / timeouts', `${result.errors} / ${result.timeouts}`],
  ['distinct client addresses', String(addresses)],
  ...kinds.map((k): [string, string] => {
    const m = tally.get(k.name) ?? new Map<number, number>();
    const n = [...m.values()].reduce((a, b) => a + b, 0);
    const right = m.get(k.expect.status) ?? 0;
    return [`${k.name} → ${k.expect.status}${k.expect.code ? ` ${k.expect.code}` : ''}`, `${right} of ${n}`];
  }),
  ['one client hammering → 200 / 429', `${hammer.get(200) ?? 0} / ${hammer.get(429) ?? 0}`],
  ['RSS start / peak / end', `${mib(start.rss)} / ${mib(peakRss)} / ${mib(end.rss)}`],
  ['heap after GC start / max / end', `${mib(start.heapAfterGc)} / ${mib(Math.max(...heapValues))} / ${mib(end.heapAfterGc)}`],
];
const width = Math.max(...rows.map(([k]) => k.length));
const valueWidth = Math.max(...rows.map(([, v]) => v.length));
console.log(`\n| ${'token endpoint soak'.padEnd(width)} | ${'value'.padStart(valueWidth)} |`);
console.log(`|${'-'.repeat(width + 2)}|${'-'.repeat(valueWidth + 1)}:|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v.padStart(valueWidth)} |`);
console.log(`\n[soak] heap after GC every 15 s (MiB): ${heapSeries.map(([t, h]) => `${t}s ${(h / MiB).toFixed(1)}`).join(', ')}`);
console.log(`[soak] RSS every 15 s (MiB): ${rssSeries.map(([t, r]) => `${t}s ${(r / MiB).toFixed(1)}`).join(', ')}`);
if (failures.length) {
  console.error(`\n[zoom-cobrowse-widget] soak: token endpoint failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('[soak] token endpoint: OK — every request answered as documented, no errors or timeouts, memory flat');
}
