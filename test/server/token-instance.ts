// One token endpoint instance in its own process, for the two-process Redis
// tests and `npm run bench:server`. Run with `node --import tsx/esm`; pass one
// JSON argument: { limiter: 'memory' | 'redis' | 'ioredis', redisUrl?, limit?,
// windowMs?, prefix?, onStoreError?, origin?, secret? }. Prints "READY <port>"
// once listening on 127.0.0.1.
import { once } from 'node:events';
import { createServer } from 'node:http';
import Redis from 'ioredis';
import { createClient } from 'redis';
import { createMemoryRateLimit, createRedisRateLimit, createTokenHandler, toNodeHandler } from '../../src/server/index';

interface InstanceOptions {
  limiter: 'memory' | 'redis' | 'ioredis';
  redisUrl?: string;
  limit?: number;
  windowMs?: number;
  prefix?: string;
  onStoreError?: 'allow' | 'deny';
  origin?: string;
  secret?: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as InstanceOptions;
const limits = { limit: config.limit ?? 60, windowMs: config.windowMs ?? 60_000 };

async function redisClient(): Promise<object> {
  if (config.limiter === 'ioredis') {
    const client = new Redis(config.redisUrl!, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    if (client.status !== 'ready') await once(client, 'ready');
    return client;
  }
  const client = createClient({ url: config.redisUrl! });
  // The limiter reports outages itself; without a listener node-redis would end the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

const rateLimit =
  config.limiter === 'memory'
    ? createMemoryRateLimit(limits)
    : createRedisRateLimit({ client: await redisClient(), ...limits, prefix: config.prefix, onStoreError: config.onStoreError });

const handler = createTokenHandler({
  sdkKey: 'instance-sdk-key',
  sdkSecret: config.secret ?? 'instance-only-secret-0123456789abcdefghijklmnop',
  allowedOrigins: [config.origin ?? 'http://localhost:5173'],
  rateLimit,
});
const server = createServer(toNodeHandler(handler));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`READY ${(server.address() as { port: number }).port}\n`);
process.on('SIGTERM', () => process.exit(0));
