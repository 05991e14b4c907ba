import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where `redis-server` is, or undefined when it is not installed (Debian package `redis-server`). */
export const REDIS_SERVER: string | undefined = (() => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
})();

/**
 * Refuses to let Redis tests vanish silently: without redis-server they are
 * skipped with a notice a developer cannot miss, and under CI=true (where
 * .ci/run installs it) its absence fails the suite instead.
 */
export function requireRedisOrSkip(suite: string): boolean {
  if (REDIS_SERVER !== undefined) return true;
  const notice =
    `[zoom-cobrowse-widget] ${suite}: redis-server is not installed, so these Redis tests cannot run. ` +
    'Install it (Debian/Ubuntu: apt-get install redis-server) to run them.';
  if (process.env['CI'] === 'true') throw new Error(`${notice} Under CI=true they must run.`);
  console.warn(`\n${'!'.repeat(100)}\n${notice} SKIPPING.\n${'!'.repeat(100)}\n`);
  return false;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Sends PING over a raw socket; true when Redis answers +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A redis-server child on a loopback port with its own temporary directory and no persistence. */
export interface RedisProcess {
  /** Its port on 127.0.0.1 (kept across `kill`/`start`). */
  port: number;
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  /** Starts it (again) on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** Kills it with SIGKILL, as a crash would, and waits for it to exit. */
  kill(): Promise<void>;
  /** Kills it and removes its directory. */
  stop(): Promise<void>;
}

/** Starts redis-server on a free port and waits until it answers PING. */
export async function startRedis(): Promise<RedisProcess> {
  if (REDIS_SERVER === undefined) throw new Error('redis-server is not installed.');
  const binary = REDIS_SERVER;
  const dir = mkdtempSync(join(tmpdir(), 'zcw-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let log = '';

  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  const start = async (): Promise<void> => {
    await kill();
    const spawned = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    spawned.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    spawned.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await ping(port))) {
      if (spawned.exitCode !== null || Date.now() > deadline) {
        throw new Error(`redis-server did not start on 127.0.0.1:${port}.\n${log.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    kill,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
