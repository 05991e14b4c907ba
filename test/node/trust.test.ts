import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCobrowseController } from '../../src/core/controller';
import type { CobrowseEvents } from '../../src/core/events';
import { markerKey } from '../../src/core/recovery';
import { createFakeCobrowseSdk } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import { createManualClock } from '../helpers/manual-clock';
import { loadEngine, SDK_KEY, setupController, startToPin } from '../helpers/setup';

const FEEDBACK = 'https://shop.example/api/cobrowse/feedback';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A session that an agent viewed and then ended: the state in which the visitor can rate it. */
async function endedSession(warn = vi.fn()) {
  const ctx = setupController({ feedback: { url: FEEDBACK } }, {}, { logger: { debug() {}, info() {}, warn, error() {} } });
  await startToPin(ctx);
  const t0 = ctx.controller.getState().startedAt!;
  ctx.fake.agentJoin({ name: 'Riley' });
  await ctx.clock.advance(t0 + 90_000 - ctx.clock.now());
  ctx.fake.endSession();
  await ctx.clock.advance(10);
  expect(ctx.controller.getState().state).toBe('ended');
  return { ...ctx, warn };
}

describe('feedback goes to the site, not to a vendor', () => {
  it('POSTs { rating, comment, summary } as JSON to feedback.url, with no token or PIN', async () => {
    const seen: Array<{ body: string; headers: Headers }> = [];
    server.use(http.post(FEEDBACK, async ({ request }) => (seen.push({ body: await request.text(), headers: request.headers }), new HttpResponse(null, { status: 204 }))));
    const { controller, warn } = await endedSession();
    await controller.feedback('down', 'The agent could not see the form.');
    expect(seen).toHaveLength(1);
    const { body, headers } = seen[0]!;
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('authorization')).toBeNull();
    expect(JSON.parse(body)).toEqual({ rating: 'down', comment: 'The agent could not see the form.', summary: controller.getState().summary });
    expect(JSON.parse(body).summary).toMatchObject({ reason: 'agent', agents: ['Riley'], durationMs: 90_000 });
    expect(body).not.toMatch(/482913|eyJ/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('no comment: the field is left out', async () => {
    let body: unknown;
    server.use(http.post(FEEDBACK, async ({ request }) => ((body = await request.json()), HttpResponse.json({ ok: true }))));
    const { controller } = await endedSession();
    await controller.feedback('up', '   ');
    expect(Object.keys(body as object).sort()).toEqual(['rating', 'summary']);
  });

  it.each([
    ['a 500', () => new HttpResponse('broken', { status: 500 }), /\(HTTP 500\)/],
    ['a network failure', () => HttpResponse.error(), /\(Failed to fetch|fetch failed|network/i],
  ] as const)('%s is logged for the developer and never rejects', async (_name, resolver, detail) => {
    server.use(http.post(FEEDBACK, resolver));
    const { controller, warn } = await endedSession();
    await expect(controller.feedback('up')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] feedback could not be sent to https:\/\/shop\.example\/api\/cobrowse\/feedback /);
    expect(warn.mock.calls[0]![0]).toMatch(detail);
  });

  it('nothing is sent before a session has ended', async () => {
    const ctx = setupController({ feedback: { url: FEEDBACK } });
    await startToPin(ctx);
    // onUnhandledRequest: 'error' would fail the test if anything were sent.
    await ctx.controller.feedback('up');
    expect(ctx.controller.getState().state).toBe('waiting');
  });
});

/** In-memory storage shared across "page loads", like sessionStorage across a refresh. */
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

describe('the summary and the time limit survive a refresh', () => {
  it('agents, remote-assist time, the start and an extension come back with the marker; the limit still ends the session', async () => {
    const clock = createManualClock();
    const session = memoryStorage();
    const local = memoryStorage();
    const load = () => {
      const fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, clock, storage: session, sharedStorage: local, generatePin: () => '482913' });
      const controller = createCobrowseController(
        { sdkKey: SDK_KEY, token: async () => createFakeToken({ sdkKey: SDK_KEY, now: clock.now() }), remoteAssist: true, maxDurationMinutes: 10 },
        { clock, logger: { debug() {}, info() {}, warn() {}, error() {} }, loadEngine, storage: session, eventTarget: null, loader: { load: async () => fake.sdk, warm() {}, dispose() {} } },
      );
      return { fake, controller };
    };
    const first = load();
    first.controller.requestHelp();
    first.controller.accept();
    await clock.advance(100);
    const t0 = first.controller.getState().startedAt!;
    const at = (s: number) => clock.advance(t0 + s * 1000 - clock.now());
    first.fake.agentJoin({ name: 'Riley' });
    await at(30);
    first.fake.remoteAssist(true);
    first.fake.answerRemoteAssist(true);
    await at(60);
    first.fake.remoteAssist(false);
    first.controller.extend();
    await at(90);
    const marker = session.getItem(markerKey(SDK_KEY))!;
    expect(JSON.parse(marker)).toMatchObject({ startedAt: t0, extensions: 1, log: { agents: ['Riley'], assistMs: 30_000 } });
    // What the marker keeps for the summary holds no field values or tokens (the PIN is the marker's own, for rejoining).
    expect(JSON.stringify(JSON.parse(marker).log)).not.toMatch(/482913|eyJ/);

    const second = load(); // the refresh
    const ended: Array<CobrowseEvents['ended']> = [];
    second.controller.on('ended', (e) => ended.push(e));
    await clock.advance(100);
    expect(second.controller.getState()).toMatchObject({ state: 'active', agentName: 'Riley', startedAt: t0, extensions: 1 });
    // 10 minutes plus one extension of 10, counted from the first PIN, not from the refresh.
    await at(20 * 60 - 1);
    expect(second.controller.getState().state).toBe('active');
    await at(20 * 60);
    expect(second.controller.getState()).toMatchObject({ state: 'ended', endReason: 'time-limit' });
    expect(ended[0]!.summary).toEqual({
      startedAt: t0,
      endedAt: t0 + 20 * 60_000,
      durationMs: 20 * 60_000,
      reason: 'time-limit',
      agents: ['Riley'],
      remoteAssistMs: 30_000,
      hidden: {},
      extensions: 1,
    });
  });

  it('extend() does nothing without maxDurationMinutes', async () => {
    const ctx = setupController();
    await startToPin(ctx);
    ctx.controller.extend();
    expect(ctx.controller.getState().extensions).toBe(0);
  });
});
