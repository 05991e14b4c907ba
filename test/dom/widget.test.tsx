import { afterEach, describe, expect, it, vi } from 'vitest';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { createCobrowseWidget, getCobrowseWidget } from '../../src/widget';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

afterEach(() => {
  cleanupWidgets();
  document.head.innerHTML = '';
});

describe('widget UI (happy-dom)', () => {
  it('mounts a launcher in an open shadow root and loads nothing from Zoom', async () => {
    const w = setupWidget();
    await w.clock.flush();
    expect(w.host.shadowRoot).not.toBeNull();
    expect(w.q('[data-part="launcher"]')?.textContent).toContain('Get help');
    expect(w.q('[data-part="panel"]')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(w.fake.initCalls).toHaveLength(0);
  });

  it('Get help → consent → PIN card → agent joins → End → ended', async () => {
    const w = setupWidget();
    await w.clock.flush();
    await w.click('[data-part="launcher"]');
    expect(w.q('.root')?.dataset.state).toBe('consent');
    expect(w.q('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('zcw-title');
    expect(w.q('[data-part="masked"]')?.textContent).toBe('Hidden from the agent:card detailspasswords and one-time codes');
    expect([...w.root.querySelectorAll('[data-part="masked"] li')].map((li) => li.textContent)).toEqual(['card details', 'passwords and one-time codes']);
    await w.click('[data-action="accept"]');
    expect(w.text()).toContain('Connecting to support');
    await w.clock.advance(100);
    expect(w.q('.root')?.dataset.state).toBe('waiting');
    expect(w.q('[data-part="pin"]')?.textContent).toBe('482 913');
    expect(w.q('[data-part="announcer"]')?.textContent).toContain('4 8 2 9 1 3');

    w.fake.agentJoin();
    await w.clock.flush();
    expect(w.text()).toContain('Support is viewing this page');
    expect(w.q('[data-part="pin"]')).toBeNull();

    // Ending while the agent watches asks first.
    await w.click('[data-action="end"]');
    expect(w.text()).toContain('Stop sharing this page with support?');
    expect(w.widget.getState().state).toBe('active');
    await w.click('[data-action="confirm-end"]');
    await w.clock.advance(10);
    expect(w.q('.root')?.dataset.state).toBe('ended');
    expect(w.text()).toContain('The support session has ended.');
    expect(w.fake.state).toBe('ended');
  });


  it('start() resolves with the PIN after the visitor consents', async () => {
    const w = setupWidget();
    const started = w.widget.start();
    await w.clock.flush();
    expect(w.widget.getState().state).toBe('consent');
    await w.click('[data-action="accept"]');
    await w.clock.advance(100);
    await expect(started).resolves.toBe('482913');
  });

  it('start() resolves null when the visitor declines', async () => {
    const w = setupWidget();
    const started = w.widget.start();
    await w.clock.flush();
    await w.click('[data-action="decline"]');
    await expect(started).resolves.toBeNull();
    expect(w.text()).toContain('Nothing was shared');
    expect(w.fake.initCalls).toHaveLength(0);
  });

  it('copy button copies the PIN and says "Copied"', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const w = setupWidget();
    await w.share();
    await w.click('[data-action="copy"]');
    expect(writeText).toHaveBeenCalledWith('482913');
    expect(w.q('[data-action="copy"]')?.textContent).toBe('Copied');
  });

  it('close minimises a live session to the launcher, which shows the PIN', async () => {
    const w = setupWidget();
    await w.share();
    w.widget.close();
    await w.clock.flush();
    expect(w.q('[data-part="panel"]')).toBeNull();
    expect(w.widget.getState().state).toBe('waiting');
    expect(w.q('[data-part="launcher"]')?.textContent).toContain('482 913');
  });

  it('theme.primary and theme.position become CSS custom properties / attributes', async () => {
    const w = setupWidget({ theme: { primary: '#ff0066', position: 'top-left' } });
    await w.clock.flush();
    expect(w.host.style.getPropertyValue('--zcw-primary')).toBe('#ff0066');
    expect(w.q('.root')?.dataset.position).toBe('top-left');
    expect(w.root.querySelector('style')?.textContent).toContain('--zcw-primary: #0b5cff');
  });

  it('a nonce reaches the injected style element', async () => {
    const w = setupWidget({ nonce: 'abc123' });
    expect(w.root.querySelector('style')?.getAttribute('nonce')).toBe('abc123');
  });

  it('on() returns an unsubscribe', async () => {
    const w = setupWidget();
    const seen: string[] = [];
    const off = w.widget.on('stateChange', (s) => seen.push(s.state));
    w.widget.open();
    off();
    w.widget.close();
    expect(seen).toEqual(['consent']);
  });

  it('destroy removes every node and timer, ends the session, and is idempotent', async () => {
    const w = setupWidget();
    await w.share();
    expect(w.clock.pending()).toBeGreaterThan(0);
    w.widget.destroy();
    w.widget.destroy();
    await w.clock.advance(0);
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
    expect(document.body.children).toHaveLength(0);
    expect(w.fake.state).toBe('ended');
    expect(w.clock.pending()).toBe(0);
  });

  it('builds itself in idle time: nothing in the page until then, a method call builds it at once', async () => {
    const widget = createCobrowseWidget({ sdkKey: 'k', token: '/t' });
    try {
      expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
      await new Promise((r) => setTimeout(r, 20)); // happy-dom has no requestIdleCallback: the fallback is the next task
      expect(document.querySelector('[data-zoom-cobrowse-widget]')).not.toBeNull();
    } finally {
      widget.destroy();
    }
    const early = createCobrowseWidget({ sdkKey: 'k', token: '/t' });
    expect(early.getState().state).toBe('idle');
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).not.toBeNull();
    early.destroy();
    early.open(); // after destroy(): a harmless no-op that mounts nothing
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
  });

  it('a bad config throws CobrowseConfigError before anything is mounted', () => {
    expect(() => createCobrowseWidget({ sdkKey: '', token: '/t' })).toThrow(CobrowseConfigError);
    expect(() => createCobrowseWidget({ sdkKey: 'k', token: '/t', container: '#nope' })).toThrow(/no element matches "#nope"/);
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
  });

  it('mounts into a given container', () => {
    const box = document.createElement('section');
    document.body.appendChild(box);
    setupWidget({ container: box });
    expect(box.querySelector('[data-zoom-cobrowse-widget]')).not.toBeNull();
  });

  it('labels render as text, never markup', async () => {
    const w = setupWidget();
    await w.share();
    w.fake.agentJoin({ name: '<img src=x onerror=alert(1)>' });
    await w.clock.flush();
    expect(w.root.querySelector('img')).toBeNull();
    expect(w.text()).toContain('<img src=x onerror=alert(1)> is viewing this page');
  });

  it('a second widget while one exists is refused with an error naming the first', () => {
    const w = setupWidget();
    let err: unknown;
    try {
      createCobrowseWidget({ sdkKey: 'k', token: '/t' });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toMatch(/already mounted .*widget #\d+.*data-zoom-cobrowse-widget="\d+"/);
    expect((err as { existing: unknown }).existing).toBe(w.widget);
    expect(document.querySelectorAll('[data-zoom-cobrowse-widget]')).toHaveLength(1);
  });

  it('after destroy() a new widget can be created', () => {
    const w = setupWidget();
    w.widget.destroy();
    const again = createCobrowseWidget({ sdkKey: 'k', token: '/t' });
    try {
      again.open();
      expect(document.querySelectorAll('[data-zoom-cobrowse-widget]')).toHaveLength(1);
    } finally {
      again.destroy();
    }
  });

  it('getCobrowseWidget() returns the mounted widget, and null before and after', () => {
    expect(getCobrowseWidget()).toBeNull();
    const w = setupWidget();
    expect(getCobrowseWidget()).toBe(w.widget);
    w.widget.destroy();
    expect(getCobrowseWidget()).toBeNull();
  });

  it('getCobrowseWidget() keeps the first widget when a second is refused', () => {
    const w = setupWidget();
    expect(() => createCobrowseWidget({ sdkKey: 'k', token: '/t' })).toThrow(/already mounted/);
    expect(getCobrowseWidget()).toBe(w.widget);
  });

  it('puts itself back if a router swaps the body children', async () => {
    const w = setupWidget();
    document.body.replaceChildren(document.createElement('main'));
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelectorAll('[data-zoom-cobrowse-widget]')).toHaveLength(1);
    expect(w.host.isConnected).toBe(true);
  });
});

describe('a cosmetic mistake does not cost the visitor the button', () => {
  it('mounts with the default colour and names the field in the console', async () => {
    const error = vi.fn();
    const w = setupWidget({ theme: { primary: 'red; background:url(x)', surface: '#fafafa' } }, {}, { logger: { debug() {}, info() {}, warn() {}, error } });
    expect(w.q('[data-part="launcher"]')).not.toBeNull();
    expect(w.host.style.getPropertyValue('--zcw-primary')).toBe('');
    expect(w.host.style.getPropertyValue('--zcw-surface')).toBe('#fafafa');
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[zoom-cobrowse-widget\] Invalid config "theme.primary": .*not a CSS colour/));
  });
});
