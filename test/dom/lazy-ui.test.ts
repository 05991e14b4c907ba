// The npm build before its UI chunk arrives: a plain launcher painted at once, config mistakes still
// thrown synchronously, and what the visitor or the site asked for carried over to the UI when it comes.
// A fresh module registry per test, so the UI chunk is not the one test/dom/setup.ts preloaded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type WidgetModule = typeof import('../../src/widget');
let mod: WidgetModule;
let errors: unknown[][];
const config = { sdkKey: 'test-sdk-key', token: '/api/cobrowse/token' };
const shadow = () => document.querySelector('[data-zoom-cobrowse-widget]')?.shadowRoot ?? null;
const q = (sel: string) => shadow()?.querySelector<HTMLElement>(sel) ?? null;

beforeEach(async () => {
  vi.resetModules();
  mod = await import('../../src/widget');
  errors = [];
});
afterEach(() => {
  mod.getCobrowseWidget()?.destroy();
  vi.doUnmock('../../src/ui/mount');
  document.body.innerHTML = '';
});
const logger = { error: (...a: unknown[]) => void errors.push(a), warn: () => {}, info: () => {}, debug: () => {} } as unknown as Console;

describe('npm widget before its UI chunk has loaded', () => {
  it('paints the plain launcher in the same task, and the UI takes over that same element', async () => {
    const w = mod.createCobrowseWidget(config);
    // No await: the button is there synchronously, with the English label, and no panel code ran.
    expect(q('[data-part="launcher"]')?.textContent).toBe('Get help');
    expect(q('[data-part="panel"]')).toBeNull();
    const host = document.querySelector('[data-zoom-cobrowse-widget]');
    // The controller is at hand synchronously too.
    expect(w.getState().state).toBe('idle');
    await mod.preloadPanel();
    await vi.waitFor(() => expect(shadow()?.querySelector('style')?.textContent).toContain('.panel'), { timeout: 5000 });
    expect(document.querySelectorAll('[data-zoom-cobrowse-widget]')).toHaveLength(1);
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBe(host);
  });

  it('config mistakes still throw CobrowseConfigError synchronously, before any chunk loads', () => {
    expect(() => mod.createCobrowseWidget({ ...config, masking: { presets: ['payment', 'nonsense' as never] } })).toThrow(/Invalid config "masking\.presets/);
    expect(() => mod.createCobrowseWidget({ ...config, remoteAssist: 'yes' as never })).toThrow(/Invalid config "remoteAssist"/);
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
  });

  it('a click on the plain launcher opens the consent step once the UI arrives', async () => {
    mod.createCobrowseWidget(config);
    q('[data-part="launcher"]')!.click();
    expect(q('[data-part="launcher"]')?.getAttribute('aria-busy')).toBe('');
    await vi.waitFor(() => expect(q('[data-action="accept"]')).not.toBeNull(), { timeout: 5000 });
    expect(mod.getCobrowseWidget()!.getState().state).toBe('consent');
  });

  it('a UI chunk that fails to load is reported, and the next click tries again', async () => {
    vi.doMock('../../src/ui/mount', () => {
      throw new Error('chunk 404');
    });
    vi.resetModules();
    mod = await import('../../src/widget');
    const w = mod.createCobrowseWidget(config, { logger });
    w.open();
    await vi.waitFor(() => expect(errors.length).toBe(1), { timeout: 5000 });
    expect(String(errors[0]![0])).toMatch(/^\[zoom-cobrowse-widget\] could not load the widget's UI \(.+\)\. Check that your bundler emitted its chunk/);
    expect(q('[data-part="launcher"]')?.hasAttribute('aria-busy')).toBe(false);
    // The failure is not remembered: the next click asks for the chunk again (and here fails again, visibly).
    q('[data-part="launcher"]')!.click();
    await vi.waitFor(() => expect(errors.length).toBe(2), { timeout: 5000 });
    expect(q('[data-part="launcher"]')).not.toBeNull();
  });
});
