import { describe, expect, it } from 'vitest';
import { resolveConfig, type CobrowseConfig } from '../../src/config/config';
import { configError } from '../helpers/config-error';
import { CobrowseConfigError } from '../../src/shared/config-error';

const base = { sdkKey: 'abc123', token: '/api/cobrowse/token' };
const fails = (config: unknown) => configError(() => resolveConfig(config));

describe('config validation', () => {
  it('accepts the minimal config and fills defaults', () => {
    const c = resolveConfig(base);
    expect(c).toMatchObject({ sdkKey: 'abc123', token: '/api/cobrowse/token', launcher: true, debug: false, tokenTimeoutMs: 10_000 });
    expect(c.theme.position).toBe('bottom-right');
    expect(c.maskingConfig).toEqual({});
  });

  it('missing sdkKey or token names the field and says what to pass', () => {
    const a = fails({ token: '/t' });
    expect(a.field).toBe('sdkKey');
    expect(a.message).toMatch(/required/);
    const b = fails({ sdkKey: 'k' });
    expect(b.field).toBe('token');
    expect(b.message).toMatch(/URL of your token endpoint/);
  });

  it('rejects anything named like a secret, at any depth, with a message about the server', () => {
    for (const [cfg, field] of [
      [{ ...base, sdkSecret: 'x' }, 'sdkSecret'],
      [{ ...base, secret: 'x' }, 'secret'],
      [{ ...base, clientSecret: 'x' }, 'clientSecret'],
      [{ ...base, sdk: { privateKey: 'x' } }, 'sdk.privateKey'],
    ] as const) {
      const e = fails(cfg);
      expect(e.field).toBe(field);
      expect(e.message).toMatch(/never .*browser/);
      expect(e.message).not.toContain('"x"');
    }
  });

  it('unknown keys list the accepted ones', () => {
    const e = fails({ ...base, colour: 'red' });
    expect(e.field).toBe('colour');
    expect(e.message).toMatch(/Accepted options: sdkKey, token/);
    expect(fails({ ...base, theme: { primry: '#fff' } }).field).toBe('theme.primry');
  });

  it('wrong types name the field and the accepted values', () => {
    expect(fails({ ...base, sdkKey: 42 }).message).toMatch(/sdkKey.*number 42/);
    expect(fails({ ...base, token: 42 }).message).toMatch(/URL string or an async function/);
    expect(fails({ ...base, debug: 'yes' }).message).toMatch(/true or false/);
    expect(fails({ ...base, theme: { position: 'middle' } }).message).toMatch(/"bottom-right", "bottom-left", "top-right", "top-left"/);
    expect(fails({ ...base, tokenTimeoutMs: -1 }).field).toBe('tokenTimeoutMs');
    expect(fails({ ...base, customPin: 'TOO-LONG-PIN-123' }).field).toBe('customPin');
    expect(fails({ ...base, remoteAssist: 'on' }).field).toBe('remoteAssist');
    expect(fails({ ...base, container: 7 }).field).toBe('container');
    expect(fails({ ...base, sdk: { module: {} } }).field).toBe('sdk.module');
    expect(fails('sdkKey=abc').field).toBe('(config)');
  });

  it('theme colours must be colours: nothing is pasted into CSS unchecked', () => {
    expect(resolveConfig({ ...base, theme: { primary: '#0b5cff' } }).theme.primary).toBe('#0b5cff');
    expect(resolveConfig({ ...base, theme: { primary: 'rgb(11 92 255)' } }).theme.primary).toBe('rgb(11 92 255)');
    for (const bad of ['red; background: url(//evil)', 'javascript:alert(1)', '#12345', '}</style><script>', '']) {
      expect(fails({ ...base, theme: { primary: bad } }).field).toBe('theme.primary');
    }
  });

  it('a literal JWT as token is refused: it would expire', () => {
    const e = fails({ ...base, token: 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.sig' });
    expect(e.message).toMatch(/literal JWT/);
  });

  it('sdkKey cannot break out of the CDN path', () => {
    expect(fails({ ...base, sdkKey: '../evil' }).field).toBe('sdkKey');
  });

  it('sdk.url runs with the page\'s rights, so only an http(s) or relative URL is taken', () => {
    for (const ok of ['https://cdn.example.com/zoom/sdk.js', '/vendor/zoom-sdk.js', 'vendor/sdk.js', 'http://localhost:5173/sdk.js']) {
      expect(resolveConfig({ ...base, sdk: { url: ok } }).sdk.url).toBe(ok);
    }
    for (const bad of ['data:text/javascript,alert(1)', 'javascript:alert(1)', 'blob:https://example.com/1234', ' data:text/javascript,1']) {
      const e = fails({ ...base, sdk: { url: bad } });
      expect(e.field).toBe('sdk.url');
      expect(e.message).toMatch(/is not an http\(s\) or relative URL/);
    }
  });

  it('sdk.module cannot be combined with a URL', () => {
    const module = { init() {} };
    expect(fails({ ...base, sdk: { module, url: 'https://x/sdk.js' } }).field).toBe('sdk.module');
    expect(resolveConfig({ ...base, sdk: { module } } as CobrowseConfig).sdk.module).toBe(module);
  });

  it('masking: false is explicit off; invalid masking names its path', () => {
    expect(resolveConfig({ ...base, masking: false }).maskingConfig).toBe(false);
    expect(fails({ ...base, masking: { presets: ['payment', 'nope'] } }).field).toBe('masking.presets[1]');
  });
});

describe('cosmetic mistakes (resolveConfig with onCosmeticError)', () => {
  const lenient = (config: Partial<CobrowseConfig>) => {
    const errors: CobrowseConfigError[] = [];
    const resolved = resolveConfig({ ...base, ...config }, { onCosmeticError: (e) => errors.push(e) });
    return { resolved, errors: errors.map((e) => e.field) };
  };

  it('a bad colour is reported by field and only that colour falls back; the rest of the theme stays', () => {
    const { resolved, errors } = lenient({ theme: { primary: 'red; background:url(x)', surface: '#101010', position: 'top-left' } });
    expect(errors).toEqual(['theme.primary']);
    expect(resolved.theme).toMatchObject({ surface: '#101010', position: 'top-left' });
    expect(resolved.theme.primary).toBeUndefined();
  });

  it('every bad cosmetic field is reported, each keeping its default', () => {
    const { resolved, errors } = lenient({
      theme: { primary: '#zz', radius: 'huge' } as never,
      labels: { launcher: 42, nonsense: 'x' } as never,
      launcher: { icon: 'rocket' } as never,
      locale: 'english please',
      privacyUrl: 'javascript:alert(1)',
    });
    expect(errors.sort()).toEqual(['labels.launcher', 'labels.nonsense', 'launcher.icon', 'locale', 'privacyUrl', 'theme.primary', 'theme.radius'].sort());
    expect(resolved).toMatchObject({ locale: 'auto', privacyUrl: undefined, launcherIcon: 'help', labels: {} });
  });

  it('anything that decides what is shared still throws, reporter or not', () => {
    for (const bad of [{ sdkKey: '' }, { token: 42 }, { masking: { presets: ['cards'] } }, { remoteAssist: 'yes' }, { nonce: 7 }]) {
      expect(() => resolveConfig({ ...base, ...bad }, { onCosmeticError: () => {} })).toThrow(CobrowseConfigError);
    }
  });

  it('without a reporter a cosmetic mistake throws as before', () => {
    expect(fails({ ...base, theme: { primary: '#zz' } }).field).toBe('theme.primary');
  });
});
