import type { CobrowseConfig } from '../../src/config/config';
import { createCobrowseController, type ControllerDeps } from '../../src/core/controller';
import { createFakeCobrowseSdk, type FakeSdkOptions } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import { createManualClock } from './manual-clock';
import * as engineModule from '../../src/core/engine';

/** The engine, already imported: tests don't wait on a real dynamic import. */
export const loadEngine = async () => engineModule;

export const SDK_KEY = 'test-sdk-key';

/** A controller wired to the fake SDK, a manual clock and an in-memory token function. */
export function setupController(overrides: Partial<CobrowseConfig> = {}, fakeOptions: FakeSdkOptions = {}, deps: ControllerDeps = {}) {
  const clock = createManualClock();
  const fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, clock, storage: null, sharedStorage: null, generatePin: () => '482913', ...fakeOptions });
  const loads: number[] = [];
  const tokenCalls: number[] = [];
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  const controller = createCobrowseController(
    { sdkKey: SDK_KEY, token: async () => createFakeToken({ sdkKey: SDK_KEY, now: clock.now() }), ...overrides },
    {
      clock,
      logger,
      loadEngine,
      loader: {
        load: async () => {
          loads.push(clock.now());
          return fake.sdk;
        },
        warm() {},
        dispose() {},
      },
      fetchToken: overrides.token === undefined ? async () => {
        tokenCalls.push(clock.now());
        return createFakeToken({ sdkKey: SDK_KEY, now: clock.now() });
      } : undefined,
      ...deps,
    },
  );
  return { controller, fake, clock, loads, tokenCalls };
}

/** Drives idle → consent → starting → waiting. */
export async function startToPin(ctx: ReturnType<typeof setupController>): Promise<void> {
  ctx.controller.requestHelp();
  ctx.controller.accept();
  await ctx.clock.advance(100);
}
