import { afterEach, describe, expect, it } from 'vitest';
import { sdkCdnUrl } from '../../src/sdk/loader';
import type { MaskingAuditModule } from '../../src/masking/load-audit';
import { loadEngine, SDK_KEY, setupController } from '../helpers/setup';

const links = (rel: string) => Array.from(document.head.querySelectorAll(`link[rel="${rel}"]`)).map((l) => l.getAttribute('href'));
const CDN = sdkCdnUrl(SDK_KEY);

afterEach(() => {
  document.head.innerHTML = '';
});

describe("the consent step sends what a start waits for without waiting for the widget's engine", () => {
  it("hints Zoom's SDK at once, before the engine has arrived (open() with no hover first, a slow network), and the engine adds no second set", async () => {
    let arrive!: () => void;
    const engineArrived = new Promise<void>((r) => (arrive = r));
    const t = setupController({}, {}, { loader: undefined, document, loadEngine: () => engineArrived.then(loadEngine) });
    t.controller.requestHelp();
    expect(links('prefetch')).toEqual([CDN]);
    expect(links('preconnect')).toEqual(['https://us01-zcb.zoom.us']);
    arrive();
    await t.clock.advance(10);
    expect(links('prefetch')).toEqual([CDN]);
    expect(links('preconnect')).toHaveLength(1);
    expect(document.head.querySelector('script')).toBeNull();
    t.controller.destroy();
    expect(links('prefetch')).toEqual([]);
  });

  it("nothing goes to Zoom on hover (the default sdk.prefetch: 'consent'), and nothing at all with sdk.prefetch: false", async () => {
    const t = setupController({}, {}, { loader: undefined, document, loadEngine: () => new Promise(() => {}) });
    t.controller.warm();
    expect(links('prefetch')).toEqual([]);
    expect(links('preconnect')).toEqual([]);
    const off = setupController({ sdk: { prefetch: false } }, {}, { loader: undefined, document, loadEngine: () => new Promise(() => {}) });
    off.controller.requestHelp();
    expect(links('prefetch')).toEqual([]);
    expect(links('preconnect')).toEqual([]);
  });

  it('fetches the masking audit at the consent step when the start will run it (development host), once for the start', async () => {
    const audits: string[] = [];
    const audit: MaskingAuditModule = { auditFields: () => [], reportMaskingAudit: () => {} } as unknown as MaskingAuditModule;
    const t = setupController({}, {}, { hostname: 'localhost', document, loadAudit: async () => (audits.push('load'), audit) });
    t.controller.warm();
    await t.clock.advance(10);
    expect(audits).toEqual([]);
    t.controller.requestHelp();
    expect(audits).toEqual(['load']);
    t.controller.accept();
    await t.clock.advance(100);
    expect(t.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
    expect(audits).toEqual(['load']);
  });

  it('does not fetch the audit on a production host without strict mode, at the consent step or at the start', async () => {
    const audits: string[] = [];
    const t = setupController({}, {}, { hostname: 'shop.example', document, loadAudit: async () => (audits.push('load'), {} as MaskingAuditModule) });
    t.controller.requestHelp();
    t.controller.accept();
    await t.clock.advance(100);
    expect(t.controller.getState().state).toBe('waiting');
    expect(audits).toEqual([]);
  });

  it('an audit that failed to load stops a strict start, and the next start asks for it again', async () => {
    let calls = 0;
    const audit = { auditFields: () => [], reportMaskingAudit: () => {} } as unknown as MaskingAuditModule;
    const t = setupController({ masking: { strict: true } }, {}, { hostname: 'shop.example', document, loadAudit: async () => (++calls === 1 ? Promise.reject(new Error('offline')) : audit) });
    t.controller.requestHelp();
    t.controller.accept();
    await t.clock.advance(100);
    expect(t.controller.getState()).toMatchObject({ state: 'error', error: { code: 'masking-unsafe' } });
    t.controller.reset();
    t.controller.requestHelp();
    t.controller.accept();
    await t.clock.advance(100);
    expect(calls).toBe(2);
    expect(t.controller.getState()).toMatchObject({ state: 'waiting', pin: '482913' });
  });
});
