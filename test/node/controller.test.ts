import { describe, expect, it, vi } from 'vitest';
import { AGENT_WAIT_MS } from '../../src/core/controller';
import { createFakeToken } from '../../src/testing/jwt';
import { loadEngine, SDK_KEY, setupController, startToPin } from '../helpers/setup';

describe('controller with the fake SDK', () => {
  it('goes from consent to a PIN from pincode_updated, then active and ended', async () => {
    const ctx = setupController();
    const pins: string[] = [];
    ctx.controller.on('pin', ({ pinCode }) => pins.push(pinCode));
    await startToPin(ctx);
    expect(ctx.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
    expect(pins).toEqual(['482913']);
    ctx.fake.agentJoin({ name: 'Alex' });
    expect(ctx.controller.getState()).toMatchObject({ state: 'active', agentName: 'Alex' });
    const ended = ctx.controller.end();
    expect(ctx.controller.getState().state).toBe('ending');
    await ctx.clock.advance(10);
    await ended;
    expect(ctx.controller.getState()).toMatchObject({ state: 'ended', endReason: 'customer' });
    expect(ctx.fake.state).toBe('ended');
  });

  it('loads nothing and asks for no token before consent', async () => {
    const ctx = setupController();
    ctx.controller.requestHelp();
    await ctx.clock.advance(1000);
    expect(ctx.loads).toHaveLength(0);
    expect(ctx.tokenCalls).toHaveLength(0);
    ctx.controller.decline();
    expect(ctx.controller.getState().state).toBe('declined');
    expect(ctx.loads).toHaveLength(0);
  });

  it('fetches the token and loads the SDK in parallel', async () => {
    const clockRef: { now?: () => number } = {};
    const order: string[] = [];
    const ctx = setupController({}, {}, {
      fetchToken: async () => {
        order.push('token:start');
        await new Promise((r) => setTimeout(r, 5));
        order.push('token:end');
        return createFakeToken({ sdkKey: SDK_KEY, now: clockRef.now?.() ?? Date.now() });
      },
    });
    clockRef.now = ctx.clock.now;
    ctx.controller.requestHelp();
    ctx.controller.accept();
    await ctx.clock.flush();
    expect(order).toEqual(['token:start']);
    expect(ctx.loads).toHaveLength(1); // SDK load started before the token came back
    await new Promise((r) => setTimeout(r, 20));
    await ctx.clock.advance(100);
    expect(ctx.controller.getState().state).toBe('waiting');
  });

  it('passes masking and remote-assist settings to init in Zoom shape', async () => {
    const ctx = setupController({ masking: { presets: ['payment'], selectors: ['#secret-note'] }, remoteAssist: true });
    await startToPin(ctx);
    const init = ctx.fake.initCalls[0]!;
    expect(init.piiMask?.maskType).toBe('custom_input');
    expect(init.piiMask?.maskCssSelectors).toContain('#secret-note');
    expect(init.piiMask?.maskCssSelectors).toMatch(/autocomplete[^,]*cc-/);
    expect(init.remoteAssist).toEqual({ enable: true, enableCustomerConsent: true, remoteAssistTypes: ['scroll_page'] });
  });

  it('masking: false sends no piiMask', async () => {
    const ctx = setupController({ masking: false });
    await startToPin(ctx);
    expect(ctx.fake.initCalls[0]!.piiMask).toBeUndefined();
  });

  it('ends locally if Zoom never reports the 3-minute agent timeout', async () => {
    const ctx = setupController({}, { agentWaitMs: 10 * AGENT_WAIT_MS });
    await startToPin(ctx);
    await ctx.clock.advance(AGENT_WAIT_MS + 16_000);
    expect(ctx.controller.getState()).toMatchObject({ state: 'ended', endReason: 'timeout' });
  });

  it("reports the SDK's own agent-wait timeout as a timeout", async () => {
    const ctx = setupController();
    const reasons: string[] = [];
    ctx.controller.on('ended', ({ reason }) => reasons.push(reason));
    await startToPin(ctx);
    await ctx.clock.advance(AGENT_WAIT_MS);
    expect(ctx.fake.state).toBe('ended');
    expect(ctx.controller.getState()).toMatchObject({ state: 'ended', endReason: 'timeout' });
    expect(reasons).toEqual(['timeout']);
  });

  it('agent ending the session is reported as such', async () => {
    const ctx = setupController();
    await startToPin(ctx);
    ctx.fake.agentJoin();
    ctx.fake.endSession();
    expect(ctx.controller.getState()).toMatchObject({ state: 'ended', endReason: 'agent' });
  });

  it('fails with start-timeout when no PIN ever arrives', async () => {
    const ctx = setupController({ startTimeoutMs: 5000 }, { startDelayMs: 60_000 });
    ctx.controller.requestHelp();
    ctx.controller.accept();
    await ctx.clock.advance(5000);
    expect(ctx.controller.getState()).toMatchObject({ state: 'error', error: { code: 'start-timeout', retryable: true } });
  });

  it('retry after a retryable error starts over and can succeed', async () => {
    const ctx = setupController();
    ctx.fake.failNextStart(1016);
    await startToPin(ctx);
    expect(ctx.controller.getState()).toMatchObject({ state: 'error', error: { code: 'network', sdkCode: 1016 } });
    ctx.controller.retry();
    await ctx.clock.advance(100);
    expect(ctx.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
    expect(ctx.fake.initCalls).toHaveLength(2);
  });

  it('cancel during starting ignores the late SDK answer', async () => {
    const ctx = setupController({}, { initDelayMs: 50 });
    ctx.controller.requestHelp();
    ctx.controller.accept();
    ctx.controller.cancel();
    await ctx.clock.advance(500);
    expect(ctx.controller.getState().state).toBe('idle');
    expect(ctx.fake.startCalls).toHaveLength(0);
  });

  it('reconnecting shows its own state and comes back', async () => {
    const ctx = setupController();
    await startToPin(ctx);
    ctx.fake.agentJoin({ name: 'Alex' });
    ctx.fake.reconnect(2000);
    expect(ctx.controller.getState().state).toBe('reconnecting');
    await ctx.clock.advance(2000);
    expect(ctx.controller.getState()).toMatchObject({ state: 'active', agentName: 'Alex' });
  });

  it('remote assist events reach the snapshot and listeners', async () => {
    const ctx = setupController({ remoteAssist: true });
    const seen: boolean[] = [];
    ctx.controller.on('remoteAssist', ({ active }) => seen.push(active));
    await startToPin(ctx);
    ctx.fake.agentJoin();
    ctx.fake.remoteAssist(true);
    // requireConsent (the default): Zoom's prompt asks the visitor first.
    expect(ctx.fake.remoteAssistPrompt).toBe(true);
    expect(ctx.controller.getState().remoteAssist).toBe(false);
    ctx.fake.answerRemoteAssist(true);
    expect(ctx.controller.getState().remoteAssist).toBe(true);
    ctx.fake.remoteAssist(false);
    expect(seen).toEqual([true, false]);
  });

  it('npm module mode sends appKey and a generated BYOP PIN', async () => {
    const ctx = setupController({}, {}, {
      fetchToken: async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true, now: Date.UTC(2026, 10, 23, 12) }),
    });
    // The helper's controller is CDN-mode; build a module-mode one on the same fake.
    const { createCobrowseController } = await import('../../src/core/controller');
    const c = createCobrowseController(
      { sdkKey: SDK_KEY, token: async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true, now: ctx.clock.now() }), sdk: { module: ctx.fake.sdk } },
      { clock: ctx.clock, logger: { debug() {}, info() {}, warn() {}, error() {} }, loadEngine },
    );
    c.requestHelp();
    c.accept();
    await ctx.clock.advance(100);
    expect(ctx.fake.initCalls.at(-1)?.appKey).toBe(SDK_KEY);
    const sent = ctx.fake.startCalls.at(-1)?.customPinCode;
    expect(sent).toMatch(/^[A-Z2-9]{8}$/);
    expect(c.getState()).toMatchObject({ state: 'waiting', pin: sent });
  });

  it('destroy ends a live session, stops timers and is idempotent', async () => {
    const ctx = setupController();
    const listener = vi.fn();
    ctx.controller.subscribe(listener);
    await startToPin(ctx);
    listener.mockClear();
    ctx.controller.destroy();
    ctx.controller.destroy();
    expect(ctx.fake.state).toBe('ended');
    await ctx.clock.advance(AGENT_WAIT_MS * 2);
    expect(listener).not.toHaveBeenCalled();
    expect(ctx.clock.pending()).toBe(0);
  });

  it('a throwing event handler does not break the widget', async () => {
    const error = vi.fn();
    const ctx = setupController({}, {}, { logger: { debug() {}, info() {}, warn() {}, error } });
    ctx.controller.on('pin', () => {
      throw new Error('analytics down');
    });
    await startToPin(ctx);
    expect(ctx.controller.getState().state).toBe('waiting');
    expect(error).toHaveBeenCalled();
  });
});

describe('the engine arrives on intent', () => {
  /** A loadEngine the test settles by hand, counting its calls. */
  function manualEngine() {
    const calls: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
    const load = () =>
      new Promise<Awaited<ReturnType<typeof loadEngine>>>((resolve, reject) => {
        calls.push({ resolve: () => void loadEngine().then(resolve), reject });
      });
    return { load, calls };
  }

  it('an engine that fails to load is the sdk-load-failed view with Retry, and Retry loads it again', async () => {
    const engine = manualEngine();
    const ctx = setupController({}, {}, { loadEngine: engine.load });
    ctx.controller.requestHelp();
    ctx.controller.accept();
    engine.calls[0]!.reject(new Error('https://cdn.example/zoom-cobrowse-engine.iife.js failed to load'));
    await ctx.clock.flush();
    expect(ctx.controller.getState()).toMatchObject({
      state: 'error',
      error: { code: 'sdk-load-failed', retryable: true, message: expect.stringMatching(/ad blocker/), detail: expect.stringMatching(/engine could not be loaded: .*failed to load/) },
    });
    ctx.controller.retry();
    expect(engine.calls).toHaveLength(2);
    engine.calls[1]!.resolve();
    await ctx.clock.advance(100);
    expect(ctx.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
  });

  it('cancelled while the engine loads: when it arrives nothing starts, no SDK and no token', async () => {
    const engine = manualEngine();
    const ctx = setupController({}, {}, { loadEngine: engine.load });
    ctx.controller.requestHelp();
    ctx.controller.accept();
    ctx.controller.cancel();
    engine.calls[0]!.resolve();
    await ctx.clock.advance(1000);
    expect(ctx.controller.getState().state).toBe('idle');
    expect(ctx.loads).toHaveLength(0);
    expect(ctx.tokenCalls).toHaveLength(0);
  });

  it('destroyed while the engine loads: when it arrives it leaves no listener behind and loads nothing', async () => {
    const engine = manualEngine();
    const added = new Set<string>();
    const target = {
      addEventListener: (type: string) => void added.add(type),
      removeEventListener: (type: string) => void added.delete(type),
    };
    const ctx = setupController({ multiTab: true }, {}, { loadEngine: engine.load, eventTarget: target, storage: null });
    ctx.controller.requestHelp();
    ctx.controller.accept();
    ctx.controller.destroy();
    engine.calls[0]!.resolve();
    await ctx.clock.advance(1000);
    expect(added.size).toBe(0);
    expect(ctx.loads).toHaveLength(0);
  });
});
