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

  it('start passes the token and the custom PIN only when given', async () => {
    const { wrapped, session } = await collect();
    wrapped.start('tok');
    wrapped.start('tok', 'ABC123');
    expect(session.start).toHaveBeenNthCalledWith(1, { sdkToken: 'tok' });
    expect(session.start).toHaveBeenNthCalledWith(2, { sdkToken: 'tok', customPinCode: 'ABC123' });
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

  it('builds Zoom settings: piiMask as one comma-joined string, all_input mode, multi-tab, appKey', () => {
    expect(toZoomSettings({ masking: { mode: 'custom', selectors: ['input[type="password"]', '#a'] } })).toEqual({
      piiMask: { maskType: 'custom_input', maskCssSelectors: 'input[type="password"],#a' },
    });
    expect(toZoomSettings({ masking: { mode: 'all-inputs', selectors: [] } }).piiMask).toEqual({ maskType: 'all_input' });
    expect(toZoomSettings({ multiTab: { enabled: true }, appKey: 'k', annotations: { agent: false } })).toEqual({
      multiTabSessionPersistence: { enable: true },
      appKey: 'k',
      allowAgentAnnotation: false,
    });
  });
});
