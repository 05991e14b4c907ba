import { describe, expect, it } from 'vitest';
import { createCobrowseController } from '../../src/core/controller';
import { markerKey, RECOVERY_WINDOW_MS } from '../../src/core/recovery';
import { nextRejoinDelay } from '../../src/core/rejoin';
import { createFakeCobrowseSdk } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import { createManualClock } from '../helpers/manual-clock';
import { loadEngine, SDK_KEY } from '../helpers/setup';

/** In-memory Storage, shared between "page loads" like sessionStorage is across a refresh. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** One browser tab: storage survives "reloads"; each load gets a fresh controller and a fresh fake SDK instance. */
function browserTab(recovery: 'auto' | 'prompt' | 'off' = 'auto') {
  const clock = createManualClock();
  const session = memoryStorage();
  const local = memoryStorage();
  let loads = 0;
  const load = () => {
    loads++;
    const fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, clock, storage: session, sharedStorage: local, generatePin: () => '482913' });
    const controller = createCobrowseController(
      { sdkKey: SDK_KEY, token: async () => createFakeToken({ sdkKey: SDK_KEY, now: clock.now() }), recovery },
      { clock, logger: quiet, loadEngine, storage: session, eventTarget: null, loader: { load: async () => fake.sdk, warm() {}, dispose() {} } },
    );
    return { fake, controller };
  };
  return { clock, session, local, load, loads: () => loads };
}

describe('recovery after a refresh', () => {
  it('keeps a marker while live and resumes the same PIN after a refresh in waiting', async () => {
    const tab = browserTab();
    const first = tab.load();
    first.controller.requestHelp();
    first.controller.accept();
    await tab.clock.advance(100);
    expect(JSON.parse(tab.session.getItem(markerKey(SDK_KEY))!)).toMatchObject({ state: 'waiting', pin: '482913' });

    await tab.clock.advance(30_000); // the page sits there a while, then refreshes
    const second = tab.load(); // "refresh": same storage, new page
    const states: string[] = [];
    second.controller.subscribe((s) => states.push(s.state));
    await tab.clock.advance(100);
    expect(second.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
    expect(states).toEqual(['recovering', 'waiting']);
    // The agent's window did not restart: it is counted from the original PIN.
    expect(second.controller.getState().pinAt).toBe(first.controller.getState().pinAt);
  });

  it('resumes an active session with the agent still there', async () => {
    const tab = browserTab();
    const first = tab.load();
    first.controller.requestHelp();
    first.controller.accept();
    await tab.clock.advance(100);
    first.fake.agentJoin({ name: 'Alex' });
    const second = tab.load();
    await tab.clock.advance(100);
    expect(second.controller.getState()).toMatchObject({ state: 'active', agentName: 'Alex', pin: '482913' });
    second.fake.endSession();
    expect(tab.session.getItem(markerKey(SDK_KEY))).toBeNull();
  });

  it('after the 2-minute window the widget stays idle and storage is clean', async () => {
    const tab = browserTab();
    const first = tab.load();
    first.controller.requestHelp();
    first.controller.accept();
    await tab.clock.advance(100);
    // The page goes away; nobody is there to refresh the marker for longer than the window.
    const t0 = tab.clock.now();
    await tab.clock.advance(0);
    (tab.clock as { now: () => number }).now = () => t0 + RECOVERY_WINDOW_MS + 1;
    const second = tab.load();
    const states: string[] = [];
    second.controller.subscribe((s) => states.push(s.state));
    await tab.clock.advance(0);
    expect(second.controller.getState().state).toBe('idle');
    expect(states).toEqual([]); // no flash of "recovering"
    expect(tab.session.getItem(markerKey(SDK_KEY))).toBeNull();
    expect(second.fake.initCalls).toHaveLength(0); // nothing loaded for a stale marker
  });

  it('a marker the SDK does not confirm clears itself without UI', async () => {
    const tab = browserTab();
    tab.session.setItem(markerKey(SDK_KEY), JSON.stringify({ t: Date.UTC(2026, 10, 23, 12), state: 'waiting', pin: '111111', pinAt: 0, agentName: null }));
    const page = tab.load();
    const states: string[] = [];
    page.controller.subscribe((s) => states.push(s.state));
    await tab.clock.advance(100);
    expect(page.controller.getState().state).toBe('idle');
    expect(states).toEqual(['recovering', 'idle']);
    expect(tab.session.getItem(markerKey(SDK_KEY))).toBeNull();
  });

  it("recovery: 'prompt' asks first; Resume rejoins, declining clears", async () => {
    const tab = browserTab('prompt');
    const first = tab.load();
    first.controller.requestHelp();
    first.controller.accept();
    await tab.clock.advance(100);
    const second = tab.load();
    await tab.clock.advance(100);
    expect(second.controller.getState()).toMatchObject({ state: 'recovering', askResume: true });
    expect(second.fake.emitted.filter((e) => e.name === 'session_started')).toHaveLength(0); // nothing shared before the answer
    second.controller.resume();
    await tab.clock.advance(100);
    expect(second.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });

    const third = tab.load();
    await tab.clock.advance(100);
    third.controller.cancel();
    expect(third.controller.getState().state).toBe('idle');
    expect(tab.session.getItem(markerKey(SDK_KEY))).toBeNull();
  });

  it("recovery: 'off' writes no marker and never resumes", async () => {
    const tab = browserTab('off');
    const first = tab.load();
    first.controller.requestHelp();
    first.controller.accept();
    await tab.clock.advance(100);
    expect(tab.session.getItem(markerKey(SDK_KEY))).toBeNull();
    const second = tab.load();
    await tab.clock.advance(100);
    expect(second.controller.getState().state).toBe('idle');
  });

  it('the marker is cleared when the session ends or fails', async () => {
    const tab = browserTab();
    const page = tab.load();
    page.controller.requestHelp();
    page.controller.accept();
    await tab.clock.advance(100);
    await Promise.all([page.controller.end(), tab.clock.advance(10)]);
    expect(tab.session.getItem(markerKey(SDK_KEY))).toBeNull();
  });

  it('multiTab with an npm SDK module is accepted (a console warning, see sdk-versions.test.ts)', () => {
    const c = createCobrowseController({ sdkKey: 'k', token: '/t', multiTab: true, sdk: { module: { init() {} } } }, { storage: null, logger: quiet });
    expect(c.config).toMatchObject({ multiTab: true });
    c.destroy();
  });
});

describe('Zoom 1002 while a transfer session is still recovering', () => {
  /** A session in waiting on page one, then a refresh whose SDK answers join() with 1002 for `holdMs`. */
  async function refreshWhileRecovering(holdMs: number) {
    const tab = browserTab();
    const first = tab.load();
    first.controller.requestHelp();
    first.controller.accept();
    await tab.clock.advance(100);
    const second = tab.load();
    second.fake.holdRecovery(holdMs);
    const states: string[] = [];
    second.controller.subscribe((s) => states.push(s.state));
    await tab.clock.advance(100);
    const refusals = () => second.fake.emitted.filter((e) => e.name === 'session_error' && (e.payload as { code?: number }).code === 1002).length;
    return { tab, second, states, refusals };
  }

  it('keeps the reconnecting view and rejoins with back-off once Zoom has recovered', async () => {
    const { tab, second, states, refusals } = await refreshWhileRecovering(10_000);
    expect(second.controller.getState().state).toBe('recovering');
    expect(refusals()).toBe(1);
    await tab.clock.advance(5_000);
    // Back-off: 1 s, then 2 s, then 4 s — not a busy loop.
    expect(refusals()).toBe(3);
    expect(second.controller.getState().state).toBe('recovering');
    await tab.clock.advance(15_000);
    expect(second.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
    expect(states).toEqual(['recovering', 'waiting']); // no error on the way
  });

  it("shows an error only once Zoom's 2-minute window is spent", async () => {
    const { tab, second, states } = await refreshWhileRecovering(10 * 60_000);
    await tab.clock.advance(RECOVERY_WINDOW_MS - 5_000);
    expect(second.controller.getState().state).toBe('recovering');
    await tab.clock.advance(10_000);
    expect(second.controller.getState()).toMatchObject({
      state: 'error',
      error: { code: 'connecting-in-progress', sdkCode: 1002, detail: expect.stringContaining('2-minute recovery window') },
    });
    expect(states).toEqual(['recovering', 'error']);
  });

  it('back-off doubles to 15 s, tries once more right at the deadline, then stops', () => {
    expect([0, 1, 2, 3, 4, 9].map((n) => nextRejoinDelay(n, 0, 120_000))).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
    expect(nextRejoinDelay(4, 119_000, 120_000)).toBe(1000);
    expect(nextRejoinDelay(0, 120_000, 120_000)).toBeUndefined();
  });

  it('1002 on a fresh start (not a recovery) is still an error at once', async () => {
    const tab = browserTab();
    const page = tab.load();
    page.controller.requestHelp();
    page.controller.accept();
    await tab.clock.advance(100);
    page.fake.raiseError(1002, 'connecting');
    expect(page.controller.getState()).toMatchObject({ state: 'error', error: { code: 'connecting-in-progress' } });
  });
});
