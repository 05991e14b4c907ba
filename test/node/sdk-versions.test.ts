// What the widget sends and does against Zoom builds as they are published now (2.11 → 3.x),
// through the controller and the fake SDK playing a given version.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CobrowseConfig } from '../../src/config/config';
import { createCobrowseController } from '../../src/core/controller';
import { _resetWarnings } from '../../src/sdk/compat';
import type { ZoomCobrowseSDK, ZoomSession } from '../../src/sdk/types';
import { createFakeCobrowseSdk, type FakeSdkOptions } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import { createManualClock } from '../helpers/manual-clock';
import { loadEngine, SDK_KEY, setupController, startToPin } from '../helpers/setup';

/** A controller on the npm build (sdk.module = the fake), BYOP tokens, and a logger the test reads. */
function npmController(config: Partial<CobrowseConfig> = {}, fakeOptions: FakeSdkOptions = {}, sdk?: (fake: ReturnType<typeof createFakeCobrowseSdk>) => ZoomCobrowseSDK) {
  const clock = createManualClock();
  const fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, clock, storage: null, sharedStorage: null, document: null, ...fakeOptions });
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const controller = createCobrowseController(
    { sdkKey: SDK_KEY, token: async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true, now: clock.now() }), sdk: { module: sdk ? sdk(fake) : fake.sdk }, ...config },
    { clock, logger, loadEngine, storage: null, eventTarget: null },
  );
  return { controller, fake, clock, logger };
}

const warnings = (logger: { warn: ReturnType<typeof vi.fn> }): string[] => logger.warn.mock.calls.map((c) => String(c[0]));

beforeEach(() => _resetWarnings());

describe('annotation settings before and after Web SDK 2.11', () => {
  const annotations = { agent: true, customer: true, followScroll: true };
  // Both shapes go out whatever the version: each build reads its own.
  const SENT = { allowAgentAnnotation: true, allowCustomerAnnotation: true, annotation: { allowCustomerAnnotation: true, enableAnnotationFollowScroll: true } };

  it('a 2.10 build: the top-level flags are what it honours (agent included); follow-scroll does not exist yet', async () => {
    const ctx = setupController({ annotations, sdk: { version: '2.10.1' }, masking: false }, { version: '2.10.1' });
    await startToPin(ctx);
    expect(ctx.fake.initCalls[0]).toEqual(SENT);
    expect(ctx.fake.annotations).toEqual({ agent: true, customer: true });
  });

  it('a 3.x build: the nested object is what it honours; the agent flag reaches nothing', async () => {
    const ctx = setupController({ annotations, masking: false }, { version: '3.10.0' });
    await startToPin(ctx);
    expect(ctx.fake.initCalls[0]).toEqual(SENT);
    expect(ctx.fake.annotations).toEqual({ customer: true, followScroll: true });
  });

  it('the same fake at 3.x honours nothing from a settings object with only the pre-2.11 keys', async () => {
    const fake = createFakeCobrowseSdk({ version: '3.1.0', document: null });
    fake.sdk.init({ allowAgentAnnotation: true, allowCustomerAnnotation: true });
    expect(fake.annotations).toEqual({});
    const old = createFakeCobrowseSdk({ version: '2.9.0', document: null });
    old.sdk.init({ annotation: { allowCustomerAnnotation: true, enableAnnotationFollowScroll: true } });
    expect(old.annotations).toEqual({});
  });

  it('annotations.agent warns once per page that since 2.11 it is the agent side’s setting; a build pinned before 2.11 is not warned about', async () => {
    const logger = { debug() {}, info() {}, error() {}, warn: vi.fn() };
    for (let i = 0; i < 2; i++) {
      const ctx = setupController({ annotations: { agent: false } }, {}, { logger });
      await startToPin(ctx);
      ctx.controller.destroy();
    }
    expect(warnings(logger).filter((w) => w.includes('annotations.agent'))).toEqual([expect.stringMatching(/^\[zoom-cobrowse-widget\] annotations\.agent has no effect on Zoom's Web SDK 2\.11 and later.*agent side/)]);

    _resetWarnings();
    const pinned = { debug() {}, info() {}, error() {}, warn: vi.fn() };
    const ctx = setupController({ annotations: { agent: false }, sdk: { version: '2.10.0' } }, {}, { logger: pinned });
    await startToPin(ctx);
    expect(warnings(pinned).filter((w) => w.includes('annotations.agent'))).toEqual([]);
  });
});

describe('BYOP: the custom PIN', () => {
  it('a build that never sends pincode_updated for a custom PIN: the widget shows the custom PIN, uppercased, once start reports success', async () => {
    const pins: string[] = [];
    const ctx = npmController({ customPin: 'ab12cd' }, { byopPinEvent: false });
    ctx.controller.on('pin', ({ pinCode }) => pins.push(pinCode));
    ctx.controller.requestHelp();
    ctx.controller.accept();
    await ctx.clock.advance(100);
    expect(ctx.fake.emitted.map((e) => e.name)).not.toContain('pincode_updated');
    expect(ctx.controller.getState()).toMatchObject({ state: 'waiting', pin: 'AB12CD' });
    expect(pins).toEqual(['AB12CD']);
    // It is the PIN the agent types: the fake's desk finds the session with it.
    expect(ctx.fake.agentJoin({ pin: 'AB12CD' })).toBe(true);
    expect(ctx.controller.getState().state).toBe('active');
  });

  it('a build that does send pincode_updated: its PIN is the one shown', async () => {
    const ctx = npmController({ customPin: 'ab12cd' }, { byopPinEvent: true });
    ctx.controller.requestHelp();
    ctx.controller.accept();
    await ctx.clock.advance(100);
    expect(ctx.fake.emitted.filter((e) => e.name === 'pincode_updated')).toHaveLength(1);
    expect(ctx.controller.getState()).toMatchObject({ state: 'waiting', pin: 'AB12CD' });
  });

  it('a start that fails through its callback only is the error view within one tick, not after the 30-second start timeout', async () => {
    // A build that reports the start failure to the callback and raises no session_error.
    const callbackOnly = (fake: ReturnType<typeof createFakeCobrowseSdk>): ZoomCobrowseSDK => ({
      init(settings, cb) {
        fake.sdk.init(settings, (result) => {
          const s = result.session;
          const session: ZoomSession | undefined = s && {
            start: (o, done) => s.start(o, done),
            on: (name, h) => (name === 'session_error' ? undefined : s.on(name, h)),
            join: () => s.join?.(),
            end: () => s.end?.(),
          };
          cb?.(session ? { ...result, session } : result);
        });
      },
    });
    const ctx = npmController({ customPin: 'ab12cd' }, {}, callbackOnly);
    ctx.fake.failNextStart(1010);
    const t0 = ctx.clock.now();
    ctx.controller.requestHelp();
    ctx.controller.accept();
    // Only 0-ms timers run: init's callback, then the fake's answer to start.
    await ctx.clock.advance(0);
    expect(ctx.clock.now()).toBe(t0);
    expect(ctx.controller.getState()).toMatchObject({ state: 'error', error: { code: 'pin-conflict', sdkCode: 1010 } });
    expect(ctx.fake.emitted.map((e) => e.name)).toContain('session_error'); // raised, but nobody listened
  });
});

describe('multi-tab with the npm build', () => {
  it('is a console warning (once per page), not a config error, and also sends allowSessionContinuation', async () => {
    const first = npmController({ multiTab: true });
    first.controller.requestHelp();
    first.controller.accept();
    await first.clock.advance(100);
    expect(first.controller.getState().state).toBe('waiting');
    expect(first.fake.initCalls[0]).toMatchObject({
      appKey: SDK_KEY,
      multiTabSessionPersistence: { enable: true },
      allowSessionContinuation: { enable: true },
    });
    const lines = warnings(first.logger).filter((w) => w.includes('multiTab'));
    expect(lines).toEqual([expect.stringMatching(/^\[zoom-cobrowse-widget\] multiTab with sdk\.module: .*set multiTab: false/)]);

    const second = npmController({ multiTab: true });
    second.controller.warm();
    await second.clock.flush();
    expect(warnings(second.logger).filter((w) => w.includes('multiTab'))).toEqual([]);
  });

  it('the CDN build gets multiTabSessionPersistence only, and no warning', async () => {
    const logger = { debug() {}, info() {}, error() {}, warn: vi.fn() };
    const ctx = setupController({ multiTab: true }, {}, { logger, storage: null });
    await startToPin(ctx);
    expect(ctx.fake.initCalls[0]!.multiTabSessionPersistence).toEqual({ enable: true });
    expect(ctx.fake.initCalls[0]!.allowSessionContinuation).toBeUndefined();
    expect(warnings(logger)).toEqual([]);
  });
});

describe('what Zoom adds without publishing names stays harmless', () => {
  it('an unknown event changes nothing; an unknown error code is the generic sentence with the code', async () => {
    const debug = vi.fn();
    const ctx = setupController({ debug: true }, {}, { logger: { debug, info() {}, warn() {}, error() {} } });
    await startToPin(ctx);
    ctx.fake.agentJoin({ name: 'Alex' });
    const before = ctx.controller.getState();
    // 3.9's "edit form mode" and 2.9's two-way scrolling: names unknown, so the widget has no handler.
    ctx.fake.emitEvent('remote_assist_edit_form_started', { form: '#checkout' });
    expect(ctx.controller.getState()).toBe(before);

    ctx.fake.raiseError(1030, 'Screen is locked');
    expect(ctx.controller.getState()).toMatchObject({
      state: 'error',
      error: { code: 'sdk-unknown', sdkCode: 1030, retryable: true, message: 'Something went wrong with the support session. Please try again (code 1030).' },
    });
    // Debug mode shows the developer the raw event and code.
    expect(debug).toHaveBeenCalledWith('[zoom-cobrowse-widget] sdk event', 'session_error', { code: 1030, errorMsg: 'Screen is locked' });
  });
});

describe("remote assist and Zoom's consent prompt", () => {
  it('the visitor declines: remote assist never starts; the agent may ask again', async () => {
    const ctx = setupController({ remoteAssist: true }, { document: null });
    await startToPin(ctx);
    ctx.fake.agentJoin();
    ctx.fake.remoteAssist(true);
    ctx.fake.answerRemoteAssist(false);
    expect(ctx.fake.remoteAssistPrompt).toBe(false);
    expect(ctx.controller.getState().remoteAssist).toBe(false);
    expect(ctx.fake.emitted.map((e) => e.name)).not.toContain('remote_assist_started');
    ctx.fake.remoteAssist(true);
    expect(ctx.fake.remoteAssistPrompt).toBe(true);
  });

  it('requireConsent: false sends enableCustomerConsent false, and the agent takes over with no prompt', async () => {
    const ctx = setupController({ remoteAssist: { requireConsent: false } }, { document: null });
    await startToPin(ctx);
    expect(ctx.fake.initCalls[0]!.remoteAssist?.enableCustomerConsent).toBe(false);
    ctx.fake.agentJoin();
    ctx.fake.remoteAssist(true);
    expect(ctx.fake.remoteAssistPrompt).toBe(false);
    expect(ctx.controller.getState().remoteAssist).toBe(true);
  });

  it('answering with no prompt showing is a mistake in the test, said plainly', () => {
    const fake = createFakeCobrowseSdk({ document: null });
    expect(() => fake.answerRemoteAssist(true)).toThrow(/no consent prompt is showing/);
  });
});
