import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { configError } from '../helpers/config-error';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

afterEach(() => cleanupWidgets());

const base = { sdkKey: 'k', token: '/t' };
const fails = (theme: unknown) => configError(() => resolveConfig({ ...base, theme }));

describe('theme → CSS custom properties on the host', () => {
  it('every field becomes a --zcw-* property; numbers become px; mode and position become attributes', async () => {
    const w = setupWidget({
      theme: {
        mode: 'dark',
        primary: '#6b2bd9',
        onPrimary: 'white',
        surface: 'rgb(20 20 24)',
        text: 'hsl(0 0% 95%)',
        muted: '#aaa',
        danger: 'oklch(70% 0.2 25)',
        radius: 6,
        fontFamily: "Inter, 'Helvetica Neue', sans-serif",
        position: 'top-left',
        offset: '1.5rem',
        zIndex: 5000,
      },
    });
    await w.clock.flush();
    const v = (name: string) => w.host.style.getPropertyValue(name);
    expect([v('--zcw-primary'), v('--zcw-on-primary'), v('--zcw-surface'), v('--zcw-text'), v('--zcw-muted'), v('--zcw-danger')]).toEqual([
      '#6b2bd9',
      'white',
      'rgb(20 20 24)',
      'hsl(0 0% 95%)',
      '#aaa',
      'oklch(70% 0.2 25)',
    ]);
    expect([v('--zcw-radius'), v('--zcw-font-family'), v('--zcw-offset'), v('--zcw-z-index')]).toEqual(['6px', "Inter, 'Helvetica Neue', sans-serif", '1.5rem', '5000']);
    expect(w.host.getAttribute('data-mode')).toBe('dark');
    expect(w.q('.root')?.dataset.position).toBe('top-left');
  });

  it('defaults: mode auto, bottom-right, and no inline properties at all (the stylesheet has every default)', async () => {
    const w = setupWidget();
    await w.clock.flush();
    expect(w.host.getAttribute('data-mode')).toBe('auto');
    expect(w.q('.root')?.dataset.position).toBe('bottom-right');
    expect(w.host.getAttribute('style') ?? '').toBe('');
    const css = w.root.querySelector('style')!.textContent!;
    for (const token of ['primary', 'on-primary', 'surface', 'text', 'muted', 'danger', 'radius', 'font-family', 'offset', 'z-index']) {
      expect(css).toMatch(new RegExp(`--zcw-${token}:`));
    }
  });

  it('setTheme() replaces the theme: fields left out go back to their defaults', async () => {
    const w = setupWidget({ theme: { primary: '#ff0066', radius: 2, position: 'top-left', mode: 'dark' } });
    await w.clock.flush();
    w.widget.setTheme({ surface: '#fffbe6' });
    await w.clock.flush();
    expect(w.host.style.getPropertyValue('--zcw-primary')).toBe('');
    expect(w.host.style.getPropertyValue('--zcw-radius')).toBe('');
    expect(w.host.style.getPropertyValue('--zcw-surface')).toBe('#fffbe6');
    expect(w.host.getAttribute('data-mode')).toBe('auto');
    expect(w.q('.root')?.dataset.position).toBe('bottom-right');
    w.widget.setTheme({});
    expect(w.host.getAttribute('style') ?? '').toBe('');
  });

  it('setTheme() with a bad value throws CobrowseConfigError and keeps the current theme', async () => {
    const w = setupWidget({ theme: { primary: '#ff0066' } });
    await w.clock.flush();
    expect(() => w.widget.setTheme({ primary: 'red; background: url(//evil)' })).toThrow(CobrowseConfigError);
    expect(w.host.style.getPropertyValue('--zcw-primary')).toBe('#ff0066');
  });
});

describe('theme validation names the field and never lets CSS through', () => {
  it('colours', () => {
    for (const key of ['primary', 'onPrimary', 'surface', 'text', 'muted', 'danger']) {
      // happy-dom's CSS.supports() accepts anything: these are refused by the shape check that runs before it.
      for (const bad of ['red;x:y', '}</style>', 'red"', "'x'", 'a\\62', '', 42, 'url(javascript:alert(1))', 'expression(alert(1))', '#12']) {
        expect(fails({ [key]: bad }).field).toBe(`theme.${key}`);
      }
    }
  });

  it("a colour may point at the host page's own CSS variable", () => {
    expect(resolveConfig({ ...base, theme: { primary: 'var(--brand-blue)', surface: 'color-mix(in srgb, white 90%, var(--brand))' } }).theme).toMatchObject({
      primary: 'var(--brand-blue)',
    });
  });

  it('lengths, z-index, font, mode, position, unknown keys', () => {
    for (const bad of ['12', '12px;', 'calc(1px)', '-4px', -1, 500, '1e3px', 'auto']) {
      if (bad === '12') continue; // a bare number string is pixels (data-* attributes are strings)
      expect(fails({ radius: bad }).field).toBe('theme.radius');
      expect(fails({ offset: bad }).field).toBe('theme.offset');
    }
    expect(resolveConfig({ ...base, theme: { radius: '12', offset: '2vw' } }).theme).toMatchObject({ radius: '12px', offset: '2vw' });
    expect(fails({ zIndex: -1 }).field).toBe('theme.zIndex');
    expect(fails({ zIndex: 'top' }).field).toBe('theme.zIndex');
    expect(fails({ zIndex: 2 ** 31 }).field).toBe('theme.zIndex');
    for (const bad of ['Inter; color: red', 'x{}', 'url(evil)', '"Unclosed, sans-serif', "a'b"]) {
      expect(fails({ fontFamily: bad }).field).toBe('theme.fontFamily');
    }
    expect(resolveConfig({ ...base, theme: { fontFamily: '"Noto Sans JP", 游ゴシック, system-ui' } }).theme.fontFamily).toBe('"Noto Sans JP", 游ゴシック, system-ui');
    expect(fails({ mode: 'sepia' }).message).toMatch(/"light", "dark", "auto"/);
    expect(fails({ position: 'middle' }).message).toMatch(/"bottom-right", "bottom-left", "top-right", "top-left"/);
    expect(fails({ colour: 'red' }).message).toMatch(/Accepted options in "theme": mode, primary/);
  });
});
