import { describe, expect, it, vi } from 'vitest';
import { initSdk, readPin, toZoomSettings, type SdkEvent } from '../../src/sdk/adapter';
import type { ZoomCobrowseSDK, ZoomSession } from '../../src/sdk/types';

/** A bare-bones SDK double whose session lets the test emit raw Zoom events. */
function rawSdk(result: 'ok' | 'fail' | 'fail-code' | 'never' = 'ok', extra: Partial<ZoomSession> = {}) {
  const handlers = new Map<string, (p: unknown) => void>();
  const session: ZoomSession = { start: vi.fn(), on: (e, h) => void handlers.set(e, h), ...extra };
  const sdk: ZoomCobrowseSDK = {
    init: vi.fn((_settings, cb) => {
      if (result === 'never') return;
      setTimeout(() => cb?.(result === 'ok' ? { success: true, session } : result === 'fail-code' ? { success: false, error: { code: 1016, errorMsg: 'net' } } : { success: false }), 0);
    }),
  };
  const fire = (name: string, payload?: unknown) => handlers.get(name)?.(payload);
  return { sdk, session, fire, handlers };
}

async function collect(result: Parameters<typeof rawSdk>[0] = 'ok', extra: Partial<ZoomSession> = {}) {
  const raw = rawSdk(result, extra);
  const session = await initSdk(raw.sdk, {}, { logger: { debug() {}, warn() {} } });
  const events: SdkEvent[] = [];
  session.onEvent((e) => events.push(e));
  return { ...raw, wrapped: session, events };
}

describe('sdk adapter', () => {
  it('reads the PIN from pinCode or pincode', async () => {
    const { fire, events } = await collect();
    fire('pincode_updated', { pinCode: '123456' });
    fire('pincode_updated', { pincode: '654321' });
    fire('pincode_updated', {}); // unreadable: ignored, not a crash
    expect(events).toEqual([{ type: 'pin', pin: '123456' }, { type: 'pin', pin: '654321' }]);
    expect(readPin({ pinCode: 482913 })).toBe('482913');
  });

  it('translates snake_case events into typed ones, tolerating unknown payloads', async () => {
    const { fire, events } = await collect();
    fire('session_started');
    fire('agent_joined', { agentName: 'Sam' });
    fire('agent_joined', undefined);
    fire('agent_left', null);
    fire('session_reconnecting');
    fire('remote_assist_started', {});
    fire('remote_assist_stopped');
    fire('session_error', { code: 1004, errorMsg: 'another tab' });
    fire('session_ended', {});
    expect(events.map((e) => e.type)).toEqual(['started', 'agent-joined', 'agent-joined', 'agent-left', 'reconnecting', 'remote-assist', 'remote-assist', 'error', 'ended']);
    expect(events[1]).toEqual({ type: 'agent-joined', agentName: 'Sam' });
    expect(events[7]).toMatchObject({ type: 'error', error: { code: 'session-limit', sdkCode: 1004, retryable: false } });
  });

  it('never relies on off(): a disposed session goes quiet', async () => {
    const { fire, events, wrapped } = await collect();
    wrapped.dispose();
    fire('pincode_updated', { pinCode: '111111' });
    expect(events).toEqual([]);
  });

  it('start passes the token and the custom PIN only when given, and a result callback', async () => {
    const { wrapped, session } = await collect();
    wrapped.start('tok');
    wrapped.start('tok', 'ABC123');
    expect(session.start).toHaveBeenNthCalledWith(1, { sdkToken: 'tok' }, expect.any(Function));
    expect(session.start).toHaveBeenNthCalledWith(2, { sdkToken: 'tok', customPinCode: 'ABC123' }, expect.any(Function));
  });

  /** A session whose start() hands its result callback to the test. */
  async function startWithCallback(customPin?: string) {
    let callback: ((r: unknown) => void) | undefined;
    const c = await collect('ok', { start: vi.fn((_o, cb) => void (callback = cb)) });
    c.wrapped.start('tok', customPin);
    return { ...c, answer: (r: unknown) => callback!(r) };
  }

  it('BYOP: a successful start with no pincode_updated shows the custom PIN, uppercased as Zoom does', async () => {
    const { answer, events } = await startWithCallback('ab12cd');
    answer({ success: true });
    await Promise.resolve();
    expect(events).toEqual([{ type: 'pin', pin: 'AB12CD' }]);
  });

  it('BYOP: a pincode_updated still wins, whether it comes before the callback or right after it', async () => {
    const before = await startWithCallback('ab12cd');
    before.fire('pincode_updated', { pinCode: 'AB12CD' });
    before.answer({ success: true });
    await Promise.resolve();
    expect(before.events).toEqual([{ type: 'pin', pin: 'AB12CD' }]);

    const after = await startWithCallback('ab12cd');
    after.answer({ success: true });
    after.fire('pincode_updated', { pinCode: 'ZOOM99' });
    await Promise.resolve();
    expect(after.events).toEqual([{ type: 'pin', pin: 'ZOOM99' }]);
  });

  it('without a custom PIN a successful callback shows nothing: only pincode_updated carries a generated PIN', async () => {
    const { answer, events } = await startWithCallback();
    answer({ success: true });
    await Promise.resolve();
    expect(events).toEqual([]);
  });

  it('a failed start callback is an error at once, with its code, and only once', async () => {
    const { answer, events } = await startWithCallback('ab12cd');
    answer({ success: false, error: { code: 1010, errorMsg: 'PIN in use' } });
    answer({ success: false, error: { code: 1010 } });
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'pin-conflict', sdkCode: 1010, detail: expect.stringContaining('PIN in use') }) }]);
    const bare = await startWithCallback('ab12cd');
    bare.answer({ success: false });
    expect(bare.events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'session-start-failed' }) }]);
  });

  it('an unknown error code gets the generic sentence with the code (2.8 added codes whose numbers are not public)', async () => {
    const { fire, events } = await collect();
    fire('session_error', { code: 1030, errorMsg: 'screen locked' });
    expect(events).toEqual([
      {
        type: 'error',
        error: { code: 'sdk-unknown', retryable: true, sdkCode: 1030, message: 'Something went wrong with the support session. Please try again (code 1030).', detail: 'Zoom UNKNOWN (1030): screen locked' },
      },
    ]);
  });

  it('debug mode logs every event the SDK delivers; payloads it cannot read are logged and ignored', async () => {
    const raw = rawSdk();
    const debug = vi.fn();
    const warn = vi.fn();
    const wrapped = await initSdk(raw.sdk, {}, { debug: true, logger: { debug, warn } });
    const events: SdkEvent[] = [];
    wrapped.onEvent((e) => events.push(e));
    // 3.1's multi-agent switching: a second agent_joined while one is there is still just "an agent joined".
    raw.fire('agent_joined', { userName: 'Sam', switchedFrom: 'Alex' });
    raw.fire('pincode_updated', { unexpected: true });
    expect(events).toEqual([{ type: 'agent-joined', agentName: 'Sam' }]);
    expect(debug).toHaveBeenCalledWith('[zoom-cobrowse-widget] sdk event', 'agent_joined', { userName: 'Sam', switchedFrom: 'Alex' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignored "pincode_updated"'), { unexpected: true });
  });

  it('missing join()/end() become errors, not TypeErrors', async () => {
    const { wrapped, events } = await collect();
    wrapped.end();
    expect(events[0]).toMatchObject({ type: 'error' });
  });

  it('getSessionInfo: recoverable status and either PIN spelling; absent method is not recoverable', async () => {
    const a = await collect('ok', { getSessionInfo: () => ({ sessionStatus: 'session_recoverable', pincode: '999000' }) });
    expect(a.wrapped.info()).toEqual({ recoverable: true, pin: '999000', status: 'session_recoverable' });
    const b = await collect();
    expect(b.wrapped.info()).toEqual({ recoverable: false });
  });

  it('init failure without a code means an unsupported browser; with a known code, that code', async () => {
    await expect(collect('fail')).rejects.toMatchObject({ code: 'sdk-unsupported', retryable: false });
    await expect(collect('fail-code')).rejects.toMatchObject({ code: 'network', sdkCode: 1016 });
  });

  it('an init callback that never comes fails instead of hanging', async () => {
    const raw = rawSdk('never');
    await expect(initSdk(raw.sdk, {}, { initTimeoutMs: 30 })).rejects.toMatchObject({ code: 'sdk-unknown' });
  });

  it('builds Zoom settings: piiMask as one comma-joined string, multi-tab, appKey', () => {
    expect(toZoomSettings({ masking: { mode: 'custom', selectors: ['input[type="password"]', '#a'] } })).toEqual({
      piiMask: { maskType: 'custom_input', maskCssSelectors: 'input[type="password"],#a' },
    });
    expect(toZoomSettings({ multiTab: { enabled: true }, appKey: 'k' })).toEqual({ multiTabSessionPersistence: { enable: true }, appKey: 'k' });
  });

  it("all-inputs masking is custom_input with a selector for every field kind, never Zoom's unpublished all_input", () => {
    const { piiMask } = toZoomSettings({ masking: { mode: 'all-inputs', selectors: ['.balance'] } });
    expect(piiMask?.maskType).toBe('custom_input');
    expect(piiMask?.maskCssSelectors?.split(',')).toEqual(expect.arrayContaining(['input', 'textarea', 'select', '[contenteditable]:not([contenteditable="false"])', '[role="textbox"]', '.balance']));
    expect(JSON.stringify(toZoomSettings({ masking: { mode: 'all-inputs', selectors: [] } }))).not.toContain('all_input');
  });

  it('annotations go out in both shapes: top-level for builds before 2.11, nested (our guessed key) for 2.11+', () => {
    expect(toZoomSettings({ annotations: { agent: true, customer: false, followScroll: true } })).toEqual({
      allowAgentAnnotation: true,
      allowCustomerAnnotation: false,
      annotation: { allowCustomerAnnotation: false, enableAnnotationFollowScroll: true },
    });
    // Nothing asked, nothing sent: Zoom's portal settings apply.
    expect(toZoomSettings({ annotations: {} })).toEqual({});
  });

  it('npm build with multi-tab also sends allowSessionContinuation, with the same shape', () => {
    expect(toZoomSettings({ multiTab: { enabled: true, cookieKey: 'k1' }, build: 'npm', appKey: 'key' })).toEqual({
      multiTabSessionPersistence: { enable: true, stateCookieKey: 'k1' },
      allowSessionContinuation: { enable: true, stateCookieKey: 'k1' },
      appKey: 'key',
    });
    expect(toZoomSettings({ multiTab: { enabled: true } }).allowSessionContinuation).toBeUndefined();
  });
});
