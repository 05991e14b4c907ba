import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config';
import { CobrowseConfigError } from '../../src/shared/config-error';
import type { CobrowseConfig } from '../../src/config/config';
import { loadEngine, setupController } from '../helpers/setup';

describe("Zoom's SDK is fetched ahead of the start only once the consent step is shown (sdk.prefetch)", () => {
  const withLoader = (prefetch?: 'consent' | 'hover' | false) => {
    const warms: string[] = [];
    let engineLoads = 0;
    const ctx = setupController(prefetch === undefined ? {} : { sdk: { prefetch } }, {}, {
      loadEngine: () => (engineLoads++, loadEngine()),
      loader: { load: () => new Promise(() => {}), warm: () => void warms.push('zoom'), dispose() {} },
    });
    return { ...ctx, warms, engineLoads: () => engineLoads };
  };

  it("default 'consent': hover or focus loads the widget's engine and nothing from Zoom; the consent step does", async () => {
    const t = withLoader();
    t.controller.warm();
    await t.clock.advance(10);
    expect(t.engineLoads()).toBe(1);
    expect(t.warms).toEqual([]);
    t.controller.requestHelp();
    await t.clock.advance(10);
    expect(t.warms).toEqual(['zoom']);
  });

  it('the consent step warms however it was opened: no hover first (open(), a site button)', async () => {
    const t = withLoader();
    t.controller.requestHelp();
    await t.clock.advance(10);
    expect(t.engineLoads()).toBe(1);
    expect(t.warms).toEqual(['zoom']);
  });

  it("'hover' keeps the old behaviour; false never prefetches Zoom's SDK", async () => {
    const hover = withLoader('hover');
    hover.controller.warm();
    await hover.clock.advance(10);
    expect(hover.warms).toEqual(['zoom']);
    const off = withLoader(false);
    off.controller.warm();
    off.controller.requestHelp();
    await off.clock.advance(10);
    expect(off.engineLoads()).toBe(1);
    expect(off.warms).toEqual([]);
  });

  it('validates prefetch and sdk.prefetch, with their defaults', () => {
    const base = { sdkKey: 'k', token: '/t' };
    expect(resolveConfig(base)).toMatchObject({ prefetch: 'idle', sdk: { prefetch: 'consent' } });
    expect(resolveConfig({ ...base, prefetch: false, sdk: { prefetch: 'hover' } })).toMatchObject({ prefetch: false, sdk: { prefetch: 'hover' } });
    expect(() => resolveConfig({ ...base, prefetch: 'always' })).toThrow(CobrowseConfigError);
    expect(() => resolveConfig({ ...base, sdk: { prefetch: 'load' } })).toThrow(/sdk\.prefetch/);
  });
});
