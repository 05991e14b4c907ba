import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createTokenHandler, type TokenHandlerOptions } from '../../src/server';

export const SDK_KEY = 'test-sdk-key-AbCdEf123';
/** 40 characters, recognisable in any output it leaks into. */
export const SDK_SECRET = 'S3CRET-do-not-leak-0123456789abcdefghijk';
export const SECRET_BYTES = new TextEncoder().encode(SDK_SECRET);
export const ORIGIN = 'https://shop.example.com';
export const URL_ = 'https://api.example.com/api/cobrowse/token';

/** Base options; tests add hooks on top. */
export function options(extra: Partial<TokenHandlerOptions> = {}): TokenHandlerOptions {
  return { sdkKey: SDK_KEY, sdkSecret: SDK_SECRET, allowedOrigins: [ORIGIN], rateLimit: false, ...extra };
}

export const handler = (extra: Partial<TokenHandlerOptions> = {}) => createTokenHandler(options(extra));

/** Every token any test saw, so the console check can look for all of them. */
export const issuedTokens: string[] = [];

/** Records the token of a successful answer (after reading it from a clone). */
export async function remember(response: Response): Promise<Response> {
  if (response.ok && response.headers.get('content-type')?.includes('json')) {
    const body = (await response.clone().json()) as { token?: string };
    if (body.token) issuedTokens.push(body.token);
  }
  return response;
}

/** A POST with JSON body and the allowed Origin unless overridden. */
export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Captures everything written to the console during each test and fails the
 * test if the secret or any issued token appears in it.
 */
export function guardConsole(): { output: () => string } {
  let lines: string[] = [];
  beforeEach(() => {
    lines = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    const text = lines.join('\n');
    expect(text).not.toContain(SDK_SECRET);
    for (const token of issuedTokens) {
      expect(text).not.toContain(token);
      // The signature alone is the credential-bearing part.
      expect(text).not.toContain(token.split('.')[2]);
    }
  });
  return { output: () => lines.join('\n') };
}

/**
 * Real HTTP on 127.0.0.1 for a test file: `listen(listener)` starts a server and returns
 * its base URL; every server is closed after each test.
 */
export function loopbackServers(): (listener: (req: IncomingMessage, res: ServerResponse) => void) => Promise<string> {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  return async (listener) => {
    const server = createServer(listener);
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
}
