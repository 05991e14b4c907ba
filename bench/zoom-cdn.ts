/**
 * An emulated Zoom CDN for the bench: an HTTPS server on loopback that Chromium reaches under
 * Zoom's own host name, so the widget runs unchanged (its default script URL, its preconnect and
 * prefetch hints) and the browser's HTTP cache behaves as it does with a real CDN.
 *
 * - Chromium maps the host to this server with `--host-resolver-rules` (no DNS, no hosts file).
 * - The certificate is self-signed, made here with `openssl` for the host name, and trusted by
 *   its public-key hash (`--ignore-certificate-errors-spki-list`): unlike
 *   `--ignore-certificate-errors`, a certificate trusted that way counts as valid, so responses
 *   are cached (Web Page Replay uses the same two flags for the same reason).
 * - Every response waits `delayMs`, then answers with `Cache-Control: public, max-age=600`, as a
 *   CDN serves a versioned SDK file.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { resolve } from 'node:path';

export interface EmulatedCdn {
  /** Chromium flags that send `host` to this server and trust its certificate. */
  chromiumArgs: string[];
  /** Requests that reached the server (after the HTTP cache). */
  hits(): number;
  /** TLS connections opened to the server (a preconnect the request can't use shows up here as one more). */
  connections(): number;
  close(): Promise<void>;
}

/** Starts the emulated CDN for `host`, answering every path with `body` (JavaScript) after `delayMs`. */
export async function startEmulatedCdn(host: string, body: string, delayMs: number, cacheDir: string): Promise<EmulatedCdn> {
  mkdirSync(cacheDir, { recursive: true });
  const keyFile = resolve(cacheDir, `${host}.key.pem`);
  const certFile = resolve(cacheDir, `${host}.cert.pem`);
  const fresh = (): boolean => existsSync(keyFile) && existsSync(certFile) && Date.parse(new X509Certificate(readFileSync(certFile)).validTo) > Date.now() + 86_400_000;
  if (!fresh()) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '30', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`], { stdio: 'ignore' });
  }
  const key = readFileSync(keyFile);
  const cert = readFileSync(certFile);
  const x509 = new X509Certificate(cert);
  const spki = createHash('sha256').update(x509.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  let hits = 0;
  const server = createServer({ key, cert }, (_req, res) => {
    hits++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=600' });
      res.end(body);
    }, delayMs);
  });
  let connections = 0;
  server.on('secureConnection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('the emulated CDN did not bind');
  return {
    chromiumArgs: [`--host-resolver-rules=MAP ${host}:443 127.0.0.1:${addr.port}`, `--ignore-certificate-errors-spki-list=${spki}`],
    hits: () => hits,
    connections: () => connections,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
