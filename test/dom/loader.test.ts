import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSdkLoader, hintSdk, sdkCdnUrl } from '../../src/sdk/loader';

/** A document whose <head> only records what is appended: nothing is fetched. */
function recordingDocument() {
  const appended: HTMLElement[] = [];
  const doc = { createElement: (t: string) => document.createElement(t), head: { appendChild: (el: HTMLElement) => (appended.push(el), el) } };
  return { doc: doc as unknown as Document, appended, scripts: () => appended.filter((e): e is HTMLScriptElement => e.tagName === 'SCRIPT') };
}
const g = globalThis as { ZoomCobrowseSDK?: unknown };
afterEach(() => {
  delete g.ZoomCobrowseSDK;
  vi.useRealTimers();
});

describe('SDK loader', () => {
  it('builds the CDN URL with the key and an optional version', () => {
    expect(sdkCdnUrl('abc')).toBe('https://us01-zcb.zoom.us/static/resource/sdk/abc/js');
    expect(sdkCdnUrl('abc', '3.6.x')).toBe('https://us01-zcb.zoom.us/static/resource/sdk/abc/js/3.6.x');
  });

  it('injects nothing until load(), then exactly one script with the nonce, even for concurrent calls', async () => {
    const r = recordingDocument();
    const loader = createSdkLoader({ sdkKey: 'abc', nonce: 'n0nce', document: r.doc, timeoutMs: 1000 });
    expect(r.appended).toHaveLength(0);
    const a = loader.load();
    const b = loader.load();
    expect(r.scripts()).toHaveLength(1);
    const script = r.scripts()[0]!;
    expect(script.src).toBe('https://us01-zcb.zoom.us/static/resource/sdk/abc/js');
    expect(script.nonce).toBe('n0nce');
    const sdk = { init() {} };
    g.ZoomCobrowseSDK = sdk;
    script.onload?.(new Event('load'));
    await expect(a).resolves.toBe(sdk);
    await expect(b).resolves.toBe(sdk);
    await loader.load();
    expect(r.scripts()).toHaveLength(1);
  });

  it('a blocked script (CSP, ad blocker) fails with a sentence, and Retry injects it again', async () => {
    const r = recordingDocument();
    const loader = createSdkLoader({ sdkKey: 'abc', document: r.doc, timeoutMs: 1000 });
    const first = loader.load();
    r.scripts()[0]!.onerror?.(new Event('error'));
    await expect(first).rejects.toMatchObject({ code: 'sdk-load-failed', retryable: true, detail: expect.stringMatching(/Content-Security-Policy/) });
    const second = loader.load();
    expect(r.scripts()).toHaveLength(2);
    g.ZoomCobrowseSDK = { init() {} };
    r.scripts()[1]!.onload?.(new Event('load'));
    await expect(second).resolves.toBeTruthy();
  });

  it('times out with a sentence instead of hanging', async () => {
    vi.useFakeTimers();
    const r = recordingDocument();
    const p = createSdkLoader({ sdkKey: 'abc', document: r.doc, timeoutMs: 5000 }).load();
    vi.advanceTimersByTime(5000);
    await expect(p).rejects.toMatchObject({ code: 'sdk-load-timeout', retryable: true });
  });

  it('a script that loads but defines no SDK says so', async () => {
    const r = recordingDocument();
    const p = createSdkLoader({ sdkKey: 'wrong', document: r.doc, timeoutMs: 1000 }).load();
    r.scripts()[0]!.onload?.(new Event('load'));
    await expect(p).rejects.toMatchObject({ code: 'sdk-missing-global', retryable: false });
  });

  it('reuses an SDK already on the page instead of loading it twice', async () => {
    const sdk = { init() {} };
    g.ZoomCobrowseSDK = sdk;
    const r = recordingDocument();
    await expect(createSdkLoader({ sdkKey: 'abc', document: r.doc }).load()).resolves.toBe(sdk);
    expect(r.scripts()).toHaveLength(0);
  });

  it('module mode injects nothing and rejects a module without init()', async () => {
    const r = recordingDocument();
    const sdk = { init() {} };
    await expect(createSdkLoader({ sdkKey: 'abc', module: sdk, document: r.doc }).load()).resolves.toBe(sdk);
    await expect(createSdkLoader({ sdkKey: 'abc', module: {} as never, document: r.doc }).load()).rejects.toMatchObject({ code: 'sdk-missing-global' });
    expect(r.appended).toHaveLength(0);
  });

  it('warm() copes with a relative sdk.url (self-hosted SDK)', () => {
    const r = recordingDocument();
    (r.doc as unknown as { baseURI: string }).baseURI = 'https://shop.example/checkout/';
    createSdkLoader({ sdkKey: 'abc', url: '/vendor/zoom-sdk.js', document: r.doc }).warm();
    expect(r.appended.map((e) => e.getAttribute('href'))).toEqual(['https://shop.example', '/vendor/zoom-sdk.js']);
  });

  it('warm() adds preconnect + prefetch hints, once', () => {
    const r = recordingDocument();
    const loader = createSdkLoader({ sdkKey: 'abc', document: r.doc });
    loader.warm();
    loader.warm();
    expect(r.appended.map((e) => [e.getAttribute('rel'), e.getAttribute('href')])).toEqual([
      ['preconnect', 'https://us01-zcb.zoom.us'],
      ['prefetch', 'https://us01-zcb.zoom.us/static/resource/sdk/abc/js'],
    ]);
  });

  it('under a nonce (strict CSP) warm() only preconnects: a prefetch hint cannot carry the nonce', () => {
    const r = recordingDocument();
    createSdkLoader({ sdkKey: 'abc', nonce: 'n', document: r.doc }).warm();
    expect(r.appended.map((e) => e.getAttribute('rel'))).toEqual(['preconnect']);
    expect((r.appended[0] as HTMLLinkElement).nonce).toBe('n');
  });

  it('warm() leaves out hints the page already has (the controller hinted at the consent step), and dispose() removes only its own', () => {
    const mine = hintSdk({ sdkKey: 'abc' }, { document });
    expect(mine).toHaveLength(2);
    const loader = createSdkLoader({ sdkKey: 'abc', document });
    loader.warm();
    expect(document.head.querySelectorAll('link[rel="prefetch"]')).toHaveLength(1);
    expect(document.head.querySelectorAll('link[rel="preconnect"]')).toHaveLength(1);
    loader.dispose();
    expect(document.head.querySelectorAll('link')).toHaveLength(2);
    for (const el of mine) el.remove();
  });

  it('hintSdk() adds nothing in module mode or when the page already has the SDK', () => {
    expect(hintSdk({ sdkKey: 'abc', module: { init() {} } as never }, { document })).toEqual([]);
    g.ZoomCobrowseSDK = { init() {} };
    expect(hintSdk({ sdkKey: 'abc' }, { document })).toEqual([]);
    expect(document.head.querySelectorAll('link')).toHaveLength(0);
  });
});
