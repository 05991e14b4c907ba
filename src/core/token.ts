import type { TokenFunction } from '../config/config';
import { cobrowseError, isCobrowseError, type CobrowseError } from '../shared/errors';
import { realClock, type Clock } from '../shared/timers';

/** Options for {@link createTokenProvider}. */
export interface TokenProviderOptions {
  userId?: string | undefined;
  userName?: string | undefined;
  timeoutMs: number;
  /** Injected so tests can use msw or a fake; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Time for the timeout. @default the real clock */
  clock?: Clock;
}

/** Fetches one customer token; rejects with a CobrowseError. */
export type TokenProvider = (signal?: AbortSignal) => Promise<string>;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** The token from an endpoint's JSON: Zoom's sample answers `{ token }`, some endpoints `{ sdkToken }` (docs/zoom-sdk.md, "JWT"). */
function pick(body: unknown): unknown {
  const o = (typeof body === 'object' && body !== null ? body : {}) as { token?: unknown; sdkToken?: unknown };
  return o.token ?? o.sdkToken;
}

function check(token: unknown, where: string): string {
  if (typeof token !== 'string' || !token.trim()) throw cobrowseError('token-missing', `${where} did not contain a "token" (or "sdkToken") string.`);
  if (!JWT.test(token.trim())) throw cobrowseError('token-invalid-response', `${where} "token" is not a JWT (expected three base64url parts).`);
  return token.trim();
}

async function statusError(res: Response, url: string): Promise<CobrowseError> {
  const status = res.status;
  // The project's own handler explains itself as { error: { code, message } }; pass that to the console.
  let why = '';
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (body?.error?.code) why = ` ${String(body.error.code)}: ${String(body.error.message ?? '')}`;
  } catch {
    /* not JSON: the status says enough */
  }
  const retryAfter = res.headers.get('retry-after');
  const detail = `POST ${url} answered HTTP ${status}.${why}${retryAfter ? ` Retry-After: ${retryAfter}s.` : ''}`;
  if (status === 401) return cobrowseError('token-unauthorized', detail);
  // 403 is the endpoint refusing this page (origin not allowed), not the visitor: signing in won't help.
  if (status === 403) return cobrowseError('token-refused', detail);
  if (status === 429) return cobrowseError('token-rate-limited', detail);
  if (status >= 500) return cobrowseError('token-http', detail);
  // 4xx other than auth means the widget and the endpoint disagree: retrying won't help.
  return cobrowseError('token-misconfigured', detail);
}

/**
 * Makes the token fetcher: a URL is POSTed `{ role: 1, userId?, userName? }`
 * and must answer `{ token }` or `{ sdkToken }`; a function is called with the same fields.
 * Both get a timeout and map every fault to a visitor-facing error.
 */
export function createTokenProvider(source: string | TokenFunction, options: TokenProviderOptions): TokenProvider {
  return async (outer) => {
    const ctrl = new AbortController();
    let timedOut = false;
    const clock = options.clock ?? realClock;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, options.timeoutMs);
    const onOuterAbort = (): void => ctrl.abort();
    outer?.addEventListener('abort', onOuterAbort);
    const body = {
      role: 1 as const,
      ...(options.userId ? { userId: options.userId } : {}),
      ...(options.userName ? { userName: options.userName } : {}),
    };
    const timeout = (): CobrowseError => cobrowseError('token-timeout', `No token within ${options.timeoutMs} ms.`);
    try {
      if (typeof source === 'function') {
        const result = await Promise.race([
          source({ ...body, signal: ctrl.signal }),
          new Promise<never>((_, reject) => ctrl.signal.addEventListener('abort', () => reject(timeout()))),
        ]);
        return check(typeof result === 'string' ? result : pick(result), 'The token function result');
      }
      let res: Response;
      try {
        res = await (options.fetch ?? fetch)(source, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          credentials: 'same-origin',
          signal: ctrl.signal,
        });
      } catch (err) {
        if (timedOut) throw timeout();
        throw cobrowseError('token-network', `POST ${source} failed: ${String(err)}`);
      }
      if (!res.ok) throw await statusError(res, source);
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        if (timedOut) throw timeout();
        throw cobrowseError('token-invalid-response', `POST ${source} answered HTTP ${res.status} with a body that is not JSON (content-type: ${res.headers.get('content-type') ?? 'none'}).`);
      }
      return check(pick(json), `The JSON from POST ${source}`);
    } catch (err) {
      if (isCobrowseError(err)) throw err;
      if (timedOut) throw timeout();
      throw cobrowseError('token-network', `Token function threw: ${String(err)}`);
    } finally {
      clock.clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  };
}
