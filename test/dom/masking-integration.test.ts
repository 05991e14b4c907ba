import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCobrowseController } from '../../src/core/controller';
import { ERROR_TABLE } from '../../src/shared/errors';
import { createFakeCobrowseSdk } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import { createManualClock } from '../helpers/manual-clock';
import { loadEngine } from '../helpers/setup';
import * as audit from '../../src/masking/audit';

const KEY = 'k';
afterEach(() => {
  document.body.innerHTML = '';
});

function setup(masking: unknown, debug = false) {
  const clock = createManualClock();
  const fake = createFakeCobrowseSdk({ sdkKey: KEY, clock, storage: null, sharedStorage: null });
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn(), groupCollapsed: vi.fn(), groupEnd: vi.fn() };
  const controller = createCobrowseController(
    { sdkKey: KEY, token: async () => createFakeToken({ sdkKey: KEY, now: clock.now() }), masking: masking as never, debug },
    { clock, logger, loadEngine, loadAudit: async () => audit, storage: null, eventTarget: null, loader: { load: async () => fake.sdk, warm() {}, dispose() {} } },
  );
  const start = async () => {
    controller.requestHelp();
    controller.accept();
    await clock.advance(100);
  };
  return { controller, fake, logger, start };
}

// A card field that no preset selector catches (odd name), but its label gives it away.
const RISKY = '<label for="f17">Card number</label><input id="f17" name="field_17"><label>City <input name="city"></label>';

describe('masking in the session flow', () => {
  it('strict mode refuses to share a page with an unmasked sensitive field, and tells the visitor', async () => {
    document.body.innerHTML = RISKY;
    const t = setup({ strict: true });
    await t.start();
    expect(t.controller.getState()).toMatchObject({ state: 'error', error: { code: 'masking-unsafe', retryable: false, message: ERROR_TABLE['masking-unsafe'].message } });
    expect(t.controller.getState().error?.detail).toContain('f17');
    expect(t.fake.startCalls).toHaveLength(0); // nothing was shared
    expect(t.logger.groupCollapsed).toHaveBeenCalledWith(expect.stringMatching(/Masking audit: 1 sensitive-looking field is not masked/));
  });

  it('strict mode shares once the field is masked', async () => {
    document.body.innerHTML = RISKY;
    const t = setup({ strict: true, selectors: ['#f17'] });
    await t.start();
    expect(t.controller.getState().state).toBe('waiting');
  });

  it('in development (debug) the audit warns at session start but does not block', async () => {
    document.body.innerHTML = RISKY;
    const t = setup(undefined, true);
    await t.start();
    expect(t.controller.getState().state).toBe('waiting');
    expect(t.logger.groupCollapsed).toHaveBeenCalledTimes(1);
    expect(t.logger.warn).toHaveBeenCalledWith(expect.stringContaining('payment: '), expect.anything());
  });

  it('in production (a real host name) without strict, no audit runs', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://shop.example/checkout');
    document.body.innerHTML = RISKY;
    const t = setup(undefined, false);
    await t.start();
    expect(t.controller.getState().state).toBe('waiting');
    expect(t.logger.groupCollapsed).not.toHaveBeenCalled();
  });

  it('the compiled rules exist only once the visitor has asked for help', async () => {
    const t = setup({ presets: ['payment', 'identity'] });
    expect(t.controller.maskingRules()).toBeUndefined();
    await t.start();
    expect(t.controller.maskingRules()?.categories).toEqual(['payment', 'identity']);
  });
});
