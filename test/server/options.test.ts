import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimit, createTokenHandler, TokenHandlerConfigError, type TokenHandlerOptions } from '../../src/server';
import { guardConsole, options, post, remember, SDK_SECRET, SECRET_BYTES } from './helpers';

guardConsole();

/** The construction error for these options; asserts the shared message rules. */
function constructionError(opts: unknown): TokenHandlerConfigError {
  try {
    createTokenHandler(opts as TokenHandlerOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenHandlerConfigError);
    const message = (error as Error).message;
    expect(message.startsWith('[zoom-cobrowse-widget] ')).toBe(true);
    expect(message).not.toContain(SDK_SECRET);
    return error as TokenHandlerConfigError;
  }
  throw new Error('expected createTokenHandler to throw');
}

const without = (key: keyof TokenHandlerOptions) => {
  const copy: Record<string, unknown> = { ...options() };
  delete copy[key];
  return copy;
};

describe('construction errors', () => {
  it('requires sdkSecret and says where to get it', () => {
    const error = constructionError(without('sdkSecret'));
    expect(error.option).toBe('sdkSecret');
    expect(error.message).toMatch(/missing.*ZOOM_SDK_SECRET/);
    expect(constructionError(options({ sdkSecret: '   ' })).option).toBe('sdkSecret');
  });

  it('refuses a secret shorter than 32 characters, naming the length but not the value', () => {
    const short = SDK_SECRET.slice(0, 31);
    const error = constructionError(options({ sdkSecret: short }));
    expect(error.message).toContain('31 characters');
    expect(error.message).toContain('at least 32');
    expect(error.message).not.toContain(short);
  });

  it('requires sdkKey', () => {
    const error = constructionError(without('sdkKey'));
    expect(error.option).toBe('sdkKey');
    expect(error.message).toContain('ZOOM_SDK_KEY');
  });

  it('refuses the key passed as the secret', () => {
    const same = 'k'.repeat(40);
    expect(constructionError(options({ sdkKey: same, sdkSecret: same })).message).toContain('not the key');
  });

  it('refuses unknown options, listing the accepted ones', () => {
    const error = constructionError({ ...options(), secret: SDK_SECRET });
    expect(error.option).toBe('secret');
    expect(error.message).toContain('unknown option');
    expect(error.message).toContain('sdkSecret');
  });

  it('requires allowedOrigins', () => {
    expect(constructionError(without('allowedOrigins')).message).toContain('allowedOrigins: ["https://shop.example.com"]');
  });

  it.each([
    ['*', 'any website'],
    [['*'], 'wildcards'],
    [['https://*.example.com'], 'wildcards'],
    [['shop.example.com'], 'not a URL'],
    [['ftp://shop.example.com'], 'https://'],
    [['https://shop.example.com/checkout'], 'only scheme://host'],
    [[''], 'expected an origin'],
    [[], 'every request would be refused'],
    ['https://shop.example.com', 'expected an array'],
  ])('refuses allowedOrigins %j', (allowedOrigins, mentions) => {
    expect(constructionError(options({ allowedOrigins: allowedOrigins as string[] })).message).toContain(mentions);
  });

  it('accepts an empty allowlist when only server-to-server callers are expected', () => {
    expect(() => createTokenHandler(options({ allowedOrigins: [], allowMissingOrigin: true }))).not.toThrow();
  });

  it.each([
    ['ttlSeconds', '7200'],
    ['ttlSeconds', Number.NaN],
    ['maxBodyBytes', 0],
    ['maxBodyBytes', 1.5],
    ['enableByop', 'yes'],
    ['allowMissingOrigin', 1],
    ['allowHeaders', ['bad header']],
    ['authorizeAgent', true],
    ['identify', {}],
    ['rateLimit', true],
    ['onError', 'console'],
  ])('refuses %s: %j', (key, value) => {
    expect(constructionError({ ...options(), [key]: value }).option).toBe(key);
  });

  it('refuses bad createMemoryRateLimit options', () => {
    expect(() => createMemoryRateLimit({ limit: 0 })).toThrow(/\[zoom-cobrowse-widget\].*rateLimit\.limit/);
    expect(() => createMemoryRateLimit({ windowMs: -1 })).toThrow(/rateLimit\.windowMs/);
    expect(() => createMemoryRateLimit({ perIp: 3 } as never)).toThrow(/rateLimit\.perIp.*unknown option/);
  });

  it('refuses a non-object', () => {
    expect(constructionError(undefined).option).toBe('options');
  });
});

describe('accepted variations', () => {
  it('trims a secret pasted with a trailing newline, signing with the trimmed value', async () => {
    const h = createTokenHandler(options({ sdkSecret: `${SDK_SECRET}\n` }));
    const response = await remember(await h(post({})));
    const { token } = (await response.json()) as { token: string };
    await expect(jwtVerify(token, SECRET_BYTES)).resolves.toBeTruthy();
  });
});
