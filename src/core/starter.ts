import { compileRules } from '../masking/compile';
import type { CompiledMasking } from '../masking/types';
import { initSdk, type SdkSession, type SdkSettings } from '../sdk/adapter';
import { settingsWarnings, warnOnce } from '../sdk/compat';
import { createSdkLoader, type SdkLoader } from '../sdk/loader';
import type { ResolvedConfig } from '../config/config';
import { createTokenProvider, type TokenProvider } from './token';
import type { Clock } from '../shared/timers';

/**
 * What a start needs from outside the page: the token, Zoom's SDK session, the
 * compiled masking rules and the custom PIN. Part of the engine (src/core/engine.ts),
 * so a visitor who never asks for help downloads and compiles none of it.
 */
export interface Starter {
  /** Token and SDK side by side; resolves when both are ready. */
  prepare(signal: AbortSignal): Promise<{ token: string; session: SdkSession }>;
  /** Just the SDK session (recovery needs no token). */
  init(): Promise<SdkSession>;
  /** The PIN to start with: the site's BYOP PIN, or a generated one in npm-SDK mode. */
  customPin(): string | undefined;
  /** Compiled masking rules (null when masking is off). */
  readonly masking: CompiledMasking | null;
  /** Preconnect + prefetch the SDK script. */
  warm(): void;
  dispose(): void;
}

/** What the starter may be given instead of its defaults (tests, the npm SDK). */
export interface StarterDeps {
  loader?: Pick<SdkLoader, 'load' | 'warm' | 'dispose'> | undefined;
  fetchToken?: TokenProvider | undefined;
  fetch?: typeof fetch | undefined;
  logger: Pick<Console, 'debug' | 'warn'>;
  /** Time for the token, init and script timeouts. */
  clock: Clock;
  /** Where the SDK script and its hints go (null: none, e.g. SSR). */
  document: Document | null;
}

function randomPin(): string {
  // BYOP PINs are shown uppercased by Zoom; skip look-alike characters so they read aloud cleanly.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Builds the starter for one resolved config. */
export function createStarter(cfg: ResolvedConfig, deps: StarterDeps): Starter {
  const loader =
    deps.loader ??
    createSdkLoader({
      sdkKey: cfg.sdkKey,
      ...(cfg.sdk.version ? { version: cfg.sdk.version } : {}),
      ...(cfg.sdk.url ? { url: cfg.sdk.url } : {}),
      ...(cfg.sdk.module ? { module: cfg.sdk.module } : {}),
      ...(cfg.nonce ? { nonce: cfg.nonce } : {}),
      timeoutMs: cfg.sdk.loadTimeoutMs,
      clock: deps.clock,
      ...(deps.document ? { document: deps.document } : {}),
    });
  const fetchToken =
    deps.fetchToken ??
    createTokenProvider(cfg.token, { userId: cfg.userId, userName: cfg.userName, timeoutMs: cfg.tokenTimeoutMs, clock: deps.clock, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const masking = compileRules(cfg.maskingConfig);

  const settings = (): SdkSettings => {
    const s: SdkSettings = { masking, annotations: cfg.annotations };
    if (cfg.remoteAssist) {
      s.remoteAssist = { enabled: true, requireConsent: cfg.remoteAssist.requireConsent, types: ['scroll-page'] };
      if (cfg.remoteAssist.requireStopConfirmation !== undefined) s.remoteAssist.requireStopConfirmation = cfg.remoteAssist.requireStopConfirmation;
    }
    if (cfg.sdk.module) {
      s.appKey = cfg.sdkKey;
      s.build = 'npm';
    }
    if (cfg.multiTab) s.multiTab = { enabled: true };
    return s;
  };
  for (const line of settingsWarnings(settings(), cfg.sdk.version)) warnOnce(deps.logger, line);
  const init = async (): Promise<SdkSession> => initSdk(await loader.load(), settings(), { debug: cfg.debug, logger: deps.logger, clock: deps.clock });

  return {
    masking,
    init,
    async prepare(signal) {
      const [token, session] = await Promise.all([fetchToken(signal), init()]);
      return { token, session };
    },
    customPin() {
      const p = typeof cfg.customPin === 'function' ? cfg.customPin() : cfg.customPin;
      // The npm build of Zoom's SDK only works with BYOP: make up a PIN if the site gave none.
      return p ?? (cfg.sdk.module ? randomPin() : undefined);
    },
    warm: () => loader.warm(),
    dispose: () => loader.dispose(),
  };
}
