import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CobrowseEvents } from '../../src/core/events';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

// The summary shows local times: pin the zone so the exact text is the same on every machine.
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterEach(() => {
  cleanupWidgets();
  vi.restoreAllMocks();
});

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
/** ICU puts a narrow no-break space before AM/PM; the visitor sees a space. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/\u202f/g, ' ');

async function toPin(w: ReturnType<typeof setupWidget>) {
  w.widget.open();
  await w.clock.flush();
  await w.click('[data-action="accept"]');
  await w.clock.advance(100);
}

describe('the scam warning under the PIN', () => {
  it('names the page’s host without "www." by default, is part of the PIN announcement, and sits under the PIN', async () => {
    setUrl('https://www.acme-outdoor.example/checkout');
    const w = setupWidget();
    await toPin(w);
    const notice = 'Only read this PIN to acme-outdoor.example support. They will never ask for your password or card number.';
    expect(w.q('[data-part="pin-notice"]')?.textContent).toBe(notice);
    // After the PIN in reading order, before the countdown.
    const order = [...w.root.querySelectorAll('[data-part="pin"], [data-part="pin-notice"], [data-part="countdown"]')].map((e) => e.getAttribute('data-part'));
    expect(order).toEqual(['pin', 'pin-notice', 'countdown']);
    expect(w.q('[data-part="announcer"]')?.textContent).toBe(`Your support PIN is 4 8 2 9 1 3. ${notice}`);
  });

  it('uses siteName, and labels.pinNotice replaces the sentence', async () => {
    const w = setupWidget({ siteName: 'Acme Outdoor' });
    await toPin(w);
    expect(w.q('[data-part="pin-notice"]')?.textContent).toBe('Only read this PIN to Acme Outdoor support. They will never ask for your password or card number.');
    cleanupWidgets();
    const v = setupWidget({ siteName: 'Acme', labels: { pinNotice: 'Acme staff never ask for this PIN by phone. Read it only to {site} chat.' } });
    await toPin(v);
    expect(v.q('[data-part="pin-notice"]')?.textContent).toBe('Acme staff never ask for this PIN by phone. Read it only to Acme chat.');
  });

  it('in Arabic: translated, mirrored, with the site name isolated so it cannot reorder the sentence', async () => {
    const w = setupWidget({ siteName: 'Acme', locale: 'ar' });
    // The locale chunk is a real dynamic import, on real time.
    await vi.waitFor(() => expect(w.q('[data-part="launcher"]')?.textContent).toBe('احصل على المساعدة'));
    await toPin(w);
    expect(w.q('.root')?.getAttribute('dir')).toBe('rtl');
    expect(w.q('[data-part="pin-notice"]')?.textContent).toBe('لا تقرأ رمز PIN هذا إلا لفريق دعم \u2068Acme\u2069. لن يطلبوا منك أبدًا كلمة المرور أو رقم بطاقتك.');
    expect(w.q('[data-part="announcer"]')?.textContent).toContain('لفريق دعم \u2068Acme\u2069');
  });

  it('pinNotice: false turns it off, on screen and in the announcement', async () => {
    const w = setupWidget({ pinNotice: false, siteName: 'Acme' });
    await toPin(w);
    expect(w.q('[data-part="pin"]')).not.toBeNull();
    expect(w.q('[data-part="pin-notice"]')).toBeNull();
    expect(w.q('[data-part="announcer"]')?.textContent).toBe('Your support PIN is 4 8 2 9 1 3');
  });

  it('a bad siteName or pinNotice is cosmetic: reported, and the default is used', async () => {
    setUrl('https://help.acme.example/');
    const errors: unknown[] = [];
    const w = setupWidget({ siteName: 42 as unknown as string, pinNotice: 'no' as unknown as boolean }, {}, { logger: { debug() {}, info() {}, warn() {}, error: (m: unknown) => errors.push(m) } });
    await toPin(w);
    expect(errors.map(String)).toEqual([expect.stringContaining('siteName'), expect.stringContaining('pinNotice')]);
    expect(w.q('[data-part="pin-notice"]')?.textContent).toContain('to help.acme.example support');
  });
});

describe('the session summary', () => {
  it('after an agent joined, left, another joined, and remote assist ran: the exact receipt, Copy summary, and the ended payload', async () => {
    // The page being shared: one card field, one password, one marked block, one ordinary field.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<form><input name="card" autocomplete="cc-number" value="4242"><input type="password" name="pw" value="hunter2"><input name="city" value="London"></form><div data-zoom-cobrowse-mask>Account 12345678</div>',
    );
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const w = setupWidget({ remoteAssist: true });
    const ended: Array<CobrowseEvents['ended']> = [];
    w.widget.on('ended', (e) => ended.push(e));
    await toPin(w);
    const t0 = w.widget.getState().startedAt!;
    const at = (s: number) => w.clock.advance(t0 + s * 1000 - w.clock.now());
    await at(60);
    w.fake.agentJoin({ name: 'Riley' });
    await at(90);
    w.fake.remoteAssist(true);
    w.fake.answerRemoteAssist(true); // the visitor allows it in Zoom's own prompt
    await at(210);
    w.fake.remoteAssist(false);
    await at(240);
    w.fake.agentLeave();
    await at(270);
    w.fake.agentJoin();
    await at(360);
    await w.click('[data-action="end"]');
    await w.click('[data-action="confirm-end"]');
    await w.clock.advance(10);
    expect(w.widget.getState().state).toBe('ended');

    const rows = [...w.root.querySelectorAll('[data-part="summary"] > div')].map((d) => [d.querySelector('.muted')!.textContent, plain(d.querySelector('b')!.textContent)]);
    expect(w.q('[data-part="summary"] h3')?.textContent).toBe('Session summary');
    expect(rows).toEqual([
      ['Started', 'Nov 23, 2026, 12:00 PM'],
      ['Ended', '12:06 PM'],
      ['Duration', '6 minutes'],
      ['Viewed by', 'Riley and a support agent'],
      ['Remote assist', 'On for 2 minutes'],
      ['Hidden from the agent', 'card details: 1 field, passwords and one-time codes: 1 field, other private fields: 1 field'],
    ]);

    await w.click('[data-action="copy-summary"]');
    expect(plain(writeText.mock.calls[0]?.[0])).toBe(
      [
        'Session summary',
        'The support session has ended.',
        'Started: Nov 23, 2026, 12:00 PM',
        'Ended: 12:06 PM',
        'Duration: 6 minutes',
        'Viewed by: Riley and a support agent',
        'Remote assist: On for 2 minutes',
        'Hidden from the agent: card details: 1 field, passwords and one-time codes: 1 field, other private fields: 1 field',
      ].join('\n'),
    );
    expect(w.q('[data-action="copy-summary"]')?.textContent).toBe('Copied');
    expect([...w.root.querySelectorAll('.panel [role="status"]')].map((e) => e.textContent)).toContain('Copied');

    // The event: the same data, typed, to keep as a record of consent.
    expect(ended).toHaveLength(1);
    const { reason, summary } = ended[0]!;
    expect(reason).toBe('customer');
    expect(summary).toEqual({
      startedAt: t0,
      endedAt: expect.any(Number),
      durationMs: summary.endedAt - t0,
      reason: 'customer',
      agents: ['Riley', null],
      remoteAssistMs: 120_000,
      hidden: { payment: 1, credentials: 1, other: 1 },
      extensions: 0,
    });
    expect(summary.endedAt - t0).toBeGreaterThanOrEqual(360_000);
    expect(summary.endedAt - t0).toBeLessThan(361_000);
    // No field values, no PIN, no token.
    expect(JSON.stringify(summary)).not.toMatch(/4242|hunter2|London|12345678|482913|eyJ/);
  });

  it('an unanswered PIN: nobody viewed, and no remote-assist row when the site does not allow it', async () => {
    const w = setupWidget({ masking: false });
    await toPin(w);
    await w.clock.advance(3 * 60_000 + 1000);
    expect(w.widget.getState()).toMatchObject({ state: 'ended', endReason: 'timeout' });
    const rows = [...w.root.querySelectorAll('[data-part="summary"] .muted')].map((d) => d.textContent);
    expect(rows).toEqual(['Started', 'Ended', 'Duration', 'Viewed by']);
    expect(w.text()).toContain('Viewed by No one');
    expect(w.q('[data-action="new-pin"]')).not.toBeNull();
  });
});

describe('the time limit', () => {
  it('counts down in the last two minutes, "Keep sharing" adds 10 minutes, and the limit ends the session', async () => {
    const w = setupWidget({ maxDurationMinutes: 5 });
    const ended: Array<CobrowseEvents['ended']> = [];
    w.widget.on('ended', (e) => ended.push(e));
    await toPin(w);
    const t0 = w.widget.getState().startedAt!;
    const at = (ms: number) => w.clock.advance(t0 + ms - w.clock.now());
    w.fake.agentJoin({ name: 'Riley' });
    await w.clock.flush();
    const limit = () => w.q('[data-part="time-limit"]');
    await at(3 * 60_000 - 1000);
    expect(limit()).toBeNull();
    await at(3 * 60_000);
    expect(plain(limit()?.querySelector('[role="timer"]')?.textContent)).toBe('Sharing stops automatically in 2:00.');
    // Heard once a minute, not every second.
    expect(limit()?.querySelector('[role="status"]')?.textContent).toBe('Sharing stops automatically in 2 minutes.');
    await at(3 * 60_000 + 15_000);
    expect(limit()?.querySelector('[role="timer"]')?.textContent).toBe('Sharing stops automatically in 1:45.');
    expect(limit()?.querySelector('[role="status"]')?.textContent).toBe('Sharing stops automatically in 2 minutes.');
    await at(4 * 60_000 + 1000);
    expect(limit()?.querySelector('[role="status"]')?.textContent).toBe('Sharing stops automatically in 1 minute.');

    await w.click('[data-action="extend"]');
    expect(w.widget.getState().extensions).toBe(1);
    expect(limit()).toBeNull();
    // Ten more minutes: the countdown is back two minutes before the new end.
    await at(13 * 60_000 - 1000);
    expect(limit()).toBeNull();
    expect(w.widget.getState().state).toBe('active');
    await at(13 * 60_000);
    expect(limit()?.querySelector('[role="timer"]')?.textContent).toBe('Sharing stops automatically in 2:00.');
    await at(15 * 60_000);
    expect(w.widget.getState()).toMatchObject({ state: 'ended', endReason: 'time-limit' });
    expect(w.fake.state).toBe('ended');
    expect(w.text()).toContain('Sharing stopped at the time limit.');
    expect(w.q('[data-part="announcer"]')?.textContent).toBe('Sharing stopped at the time limit.');
    expect(ended[0]!.summary).toMatchObject({ reason: 'time-limit', extensions: 1, durationMs: 15 * 60_000 });
  });

  it('maxDurationMinutes is validated strictly (not cosmetic)', () => {
    for (const bad of [0, -1, 1441, '10', Number.NaN]) {
      expect(() => setupWidget({ maxDurationMinutes: bad as number })).toThrow(/maxDurationMinutes/);
    }
  });
});

describe('feedback', () => {
  async function toEnded(overrides = {}, fetch?: typeof globalThis.fetch) {
    const warn = vi.fn();
    const w = setupWidget({ feedback: { url: '/api/cobrowse/feedback' }, ...overrides }, {}, { ...(fetch ? { fetch } : {}), logger: { debug() {}, info() {}, warn, error() {} } });
    await toPin(w);
    w.fake.agentJoin({ name: 'Riley' });
    await w.clock.advance(60_000);
    w.fake.endSession();
    await w.clock.advance(10);
    expect(w.widget.getState().state).toBe('ended');
    return { w, warn };
  }

  it('"Was this helpful?" with an optional comment POSTs { rating, comment, summary } as JSON to the site, nothing else', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(null, { status: 204 }));
    const { w } = await toEnded({}, fetch as unknown as typeof globalThis.fetch);
    const group = w.q('[data-part="feedback"]')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(w.root.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Was this helpful?');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Helpful', 'Not helpful']);
    const box = w.q<HTMLTextAreaElement>('[data-part="feedback"] textarea')!;
    expect(box.getAttribute('aria-label')).toBe('Add a comment (optional)');
    box.value = '  Riley fixed my address.  ';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await w.click('[data-action="feedback-up"]');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/cobrowse/feedback');
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
    const body = JSON.parse(String(init!.body));
    expect(body).toEqual({ rating: 'up', comment: 'Riley fixed my address.', summary: w.widget.getState().summary });
    expect(body.summary.agents).toEqual(['Riley']);
    expect(String(init!.body)).not.toMatch(/482913|eyJ/);
    expect(w.q('[data-part="feedback"]')).toBeNull();
    expect(w.text()).toContain('Thank you for your feedback.');
  });

  it('a failing endpoint: the visitor still sees thanks; the console says what went wrong', async () => {
    const fetch = vi.fn(async () => new Response('nope', { status: 500 }));
    const { w, warn } = await toEnded({}, fetch as unknown as typeof globalThis.fetch);
    await w.click('[data-action="feedback-down"]');
    await w.clock.flush();
    expect(JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)).rating).toBe('down');
    expect(w.text()).toContain('Thank you for your feedback.');
    expect(w.q('[role="alert"]')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[zoom-cobrowse-widget\] feedback could not be sent to \/api\/cobrowse\/feedback \(HTTP 500\)/));
  });

  it('no feedback config: no question', async () => {
    const w = setupWidget();
    await toPin(w);
    w.fake.endSession();
    await w.clock.advance(10);
    expect(w.q('[data-part="summary"]')).not.toBeNull();
    expect(w.q('[data-part="feedback"]')).toBeNull();
  });

  it('feedback.url must be an http(s) or relative URL', () => {
    for (const bad of [{}, { url: 'javascript:alert(1)' }, { url: 'data:text/plain,x' }, { url: 42 }, 'https://x.example/f', { url: '/f', token: 'x' }]) {
      expect(() => setupWidget({ feedback: bad as { url: string } })).toThrow(/feedback/);
    }
  });
});

describe('the script tag', () => {
  it('data-site-name sets siteName', async () => {
    const { configFromAttributes } = await import('../../src/script-attributes');
    const el = document.createElement('script');
    el.setAttribute('data-site-name', 'Acme Outdoor');
    const warn = vi.fn();
    expect(configFromAttributes(el, warn)).toEqual({ siteName: 'Acme Outdoor' });
    expect(warn).not.toHaveBeenCalled();
  });
});
