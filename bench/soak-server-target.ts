/**
 * The server under test for `bench/soak-server.ts`, in its own process so its RSS is its
 * own: the token handler with its defaults (the in-memory rate limiter included) behind
 * toNodeHandler on 127.0.0.1. Answers `{ type: 'stats' }` over IPC with its memory, after
 * a forced GC (run with --expose-gc).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createTokenHandler, toNodeHandler } from '../src/server/index';

const ORIGIN = process.env.SOAK_ORIGIN ?? 'http://localhost:5173';
const SECRET = 'soak-only-secret-0123456789abcdefghijklmnop';

// Defaults on purpose: the in-memory limiter (60/min per client, 10 000 clients remembered)
// reads the client from x-forwarded-for because the peer is loopback, i.e. a trusted proxy.
const handler = createTokenHandler({ sdkKey: 'soak-sdk-key', sdkSecret: SECRET, allowedOrigins: [ORIGIN] });
const server = createServer(toNodeHandler(handler));
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1');
await once(server, 'listening');

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (m: { type: string }) => {
  if (m.type === 'stats') {
    const before = process.memoryUsage();
    gc?.();
    const after = process.memoryUsage();
    process.send!({ type: 'stats', rss: before.rss, heapUsed: before.heapUsed, heapAfterGc: after.heapUsed, rssAfterGc: after.rss });
  } else if (m.type === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
const address = server.address();
process.send!({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
