import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config';
import { AGENT_WAIT_MS } from '../../src/core/controller';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

afterEach(() => cleanupWidgets());

describe('the views a visitor meets', () => {
  it('consent names the masked categories and links the privacy page (web URLs only)', async () => {
    const w = setupWidget({ masking: { maskType: 'all-inputs' }, privacyUrl: '/privacy' });
    w.widget.open();
    await w.clock.flush();
    expect([...w.root.querySelectorAll('[data-part="masked"] li')]).toHaveLength(6);
    const a = w.q<HTMLAnchorElement>('[data-part="privacy"]')!;
    expect([a.getAttribute('href'), a.target, a.rel]).toEqual(['/privacy', '_blank', 'noopener noreferrer']);
    const base = { sdkKey: 'k', token: '/t' };
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,x', 'http://[', 42]) {
      expect(() => resolveConfig({ ...base, privacyUrl: bad })).toThrow(/privacyUrl/);
    }
    expect(resolveConfig({ ...base, privacyUrl: 'https://example.com/privacy#cobrowse' }).privacyUrl).toBe('https://example.com/privacy#cobrowse');
  });

  it('no masking: no "hidden" list; no privacyUrl: no link', async () => {
    const w = setupWidget({ masking: false });
    w.widget.open();
    await w.clock.flush();
    expect(w.q('[data-part="masked"]')).toBeNull();
    expect(w.q('[data-part="privacy"]')).toBeNull();
  });

  it('starting is cancellable', async () => {
    const w = setupWidget({}, { startDelayMs: 10_000 });
    w.widget.open();
    await w.clock.flush();
    await w.click('[data-action="accept"]');
    expect(w.text()).toContain('Connecting to support…');
    await w.click('[data-action="cancel"]');
    expect(w.widget.getState().state).toBe('idle');
  });

  it('waiting: the countdown of the agent’s 3 minutes, in whole minutes then seconds, ticking only while shown', async () => {
    const w = setupWidget({}, { agentWaitMs: 10 * AGENT_WAIT_MS });
    await w.share();
    const countdown = () => w.q('[data-part="countdown"]')?.textContent;
    const pinAt = w.widget.getState().pinAt!;
    const leftAt = (ms: number) => w.clock.advance(pinAt + AGENT_WAIT_MS - ms - w.clock.now());
    expect(countdown()).toBe('Waiting for the agent to join. 3 minutes left');
    await leftAt(61_000);
    expect(countdown()).toContain('2 minutes left');
    await leftAt(60_000);
    expect(countdown()).toContain('1 minute left');
    await leftAt(59_000);
    expect(countdown()).toContain('59 seconds left');
    await leftAt(1000);
    expect(countdown()).toContain('1 second left');
    // Minimised: the card unmounts and its timer with it.
    const before = w.clock.pending();
    w.widget.close();
    await w.clock.flush();
    expect(w.clock.pending()).toBe(before - 1);
    w.widget.open();
    await leftAt(0);
    // Past the window but before the service ends it: the PIN is marked expired, with a way on.
    expect(countdown()).toBe('This PIN has expired.');
    expect(w.q('[data-action="new-pin"]')).not.toBeNull();
  });

  it('ended by timeout: "Get a new PIN" goes straight to a new PIN (consent was given this visit)', async () => {
    const w = setupWidget();
    await w.share();
    await w.clock.advance(AGENT_WAIT_MS + 1000);
    expect(w.widget.getState()).toMatchObject({ state: 'ended', endReason: 'timeout' });
    expect(w.text()).toContain('No agent joined within 3 minutes');
    w.fake.reset();
    await w.click('[data-action="new-pin"]');
    expect(w.widget.getState().state).toBe('starting');
    await w.clock.advance(100);
    expect(w.q('[data-part="pin"]')?.textContent).toBe('482 913');
  });

  it('active: agent name, remote assist, End asks first and "Keep sharing" keeps sharing', async () => {
    const w = setupWidget({ remoteAssist: true });
    await w.share();
    w.fake.agentJoin({ name: 'Riley' });
    w.fake.remoteAssist(true);
    await w.clock.flush();
    // Zoom asks the visitor in its own prompt, outside the widget; nothing changes until they allow it.
    expect(w.q('[data-part="remote-assist"]')).toBeNull();
    const prompt = document.querySelector('[role="dialog"][data-zoom-cobrowse-fake-ui]');
    expect(prompt?.textContent).toContain('Allow remote assist?');
    (prompt?.querySelector('[data-answer="allow"]') as HTMLButtonElement).click();
    await w.clock.flush();
    expect(document.querySelector('[data-zoom-cobrowse-fake-ui]')).toBeNull();
    expect(w.text()).toContain('Riley is viewing this page');
    expect(w.q('[data-part="remote-assist"]')?.textContent).toBe('The agent is scrolling this page for you.');
    expect(w.q('[data-part="announcer"]')?.textContent).toBe('The agent is scrolling this page for you.');
    await w.click('[data-action="end"]');
    await w.click('[data-action="keep"]');
    expect(w.widget.getState().state).toBe('active');
    expect(w.q('[data-action="confirm-end"]')).toBeNull();
  });

  it('reconnecting and error views; Details shows the code', async () => {
    const w = setupWidget();
    await w.share();
    w.fake.reconnect(5000);
    await w.clock.flush();
    expect(w.text()).toContain('Reconnecting to support…');
    expect(w.q('[role="status"]')).not.toBeNull();
    await w.clock.advance(5000);
    w.fake.raiseError(1004);
    await w.clock.flush();
    expect(w.q('[data-part="error-code"]')?.textContent).toBe('session-limit (1004)');
    expect(w.q('[data-action="retry"]')).toBeNull();
  });

  it('minimised: the launcher becomes a status pill (PIN isolated left-to-right) and the session carries on', async () => {
    const w = setupWidget();
    await w.share();
    await w.click('[data-action="close"]');
    const pill = w.q('[data-part="launcher"]')!;
    expect(pill.className).toBe('launcher pill');
    expect(pill.textContent).toBe('Support session · \u2066482 913\u2069');
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    await w.click('[data-part="launcher"]');
    expect(w.q('[data-part="pin"]')).not.toBeNull();
  });
});

describe('launcher options and opening from the page', () => {
  it('launcher: { label, icon } sets the text and icon; icon "none" has no svg', async () => {
    const a = setupWidget({ launcher: { label: 'Talk to us', icon: 'chat' } });
    await a.clock.flush();
    expect(a.q('[data-part="launcher"]')?.textContent).toBe('Talk to us');
    expect(a.q('[data-part="launcher"] svg path')?.getAttribute('d')).toMatch(/^M21 11\.5/);
    cleanupWidgets();
    const b = setupWidget({ launcher: { icon: 'none' } });
    await b.clock.flush();
    expect(b.q('[data-part="launcher"] svg')).toBeNull();
    expect(() => resolveConfig({ sdkKey: 'k', token: '/t', launcher: { icon: 'robot' } })).toThrow(/launcher\.icon.*"help", "chat", "headset", "none"/);
  });

  it('launcher: false — no button; any [data-zoom-cobrowse-open] element opens it (delegated, so late ones too); destroy removes the listener', async () => {
    const w = setupWidget({ launcher: false });
    await w.clock.flush();
    expect(w.q('[data-part="launcher"]')).toBeNull();
    const link = document.createElement('a');
    link.href = '#help';
    link.setAttribute('data-zoom-cobrowse-open', '');
    link.innerHTML = '<span>Help</span>';
    document.body.appendChild(link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.firstElementChild!.dispatchEvent(click);
    await w.clock.flush();
    expect(click.defaultPrevented).toBe(true);
    expect(w.widget.getState().state).toBe('consent');
    expect(w.q('[data-part="panel"]')).not.toBeNull();
    // During a session the pill still shows, so there is always a way back to End.
    await w.click('[data-action="accept"]');
    await w.clock.advance(100);
    await w.click('[data-action="close"]');
    expect(w.q('[data-part="launcher"]')?.textContent).toContain('482 913');
    w.widget.destroy();
    const after = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.body.appendChild(link);
    link.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});

describe('focus and keyboard', () => {
  it('focus moves into the dialog on open, stays in it across views, returns to the launcher on close; Escape minimises', async () => {
    const w = setupWidget();
    await w.clock.flush();
    const launcher = w.q('[data-part="launcher"]')!;
    launcher.focus();
    launcher.click();
    await w.clock.flush();
    expect(w.root.activeElement).toBe(w.q('[data-part="panel"]'));
    w.q('[data-action="accept"]')!.focus();
    await w.click('[data-action="accept"]');
    await w.clock.advance(100);
    expect(w.root.activeElement).toBe(w.q('[data-part="panel"]'));
    w.q('[data-part="panel"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await w.clock.flush();
    expect(w.q('[data-part="panel"]')).toBeNull();
    expect(w.root.activeElement).toBe(w.q('[data-part="launcher"]'));
    expect(w.widget.getState().state).toBe('waiting');
  });

  it('the dialog is labelled; the PIN is read digit by digit; state changes go to a polite live region', async () => {
    const w = setupWidget();
    await w.share();
    const dialog = w.q('[role="dialog"]')!;
    expect(w.root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Share this page with support');
    expect(w.q('.pin .sr')?.textContent).toBe('4 8 2 9 1 3');
    expect(w.q('[data-part="pin"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(w.q('[data-part="announcer"]')?.getAttribute('aria-live')).toBe('polite');
    expect(w.q('[data-part="countdown"]')?.getAttribute('role')).toBe('timer');
  });
});
