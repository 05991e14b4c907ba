/**
 * Property tests of the mounted widget (happy-dom, fake SDK) and of the script tag's
 * data-* attributes. NUM_RUNS (default 10 000) configs each go through resolveConfig as
 * the widget calls it; every MOUNT_EVERY-th is mounted for real (launcher shown, labels
 * as text, theme values checked, then destroy() leaves no node, listener or timer), and
 * every FLOW_EVERY-th mounted one also runs consent → PIN or error view → end → destroy.
 * The counts printed say exactly how many of each ran. Fixed seed; `SEED=`, `NUM_RUNS=`,
 * `MOUNT_EVERY=`, `FLOW_EVERY=` override.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../src/config/config';
import type { CobrowseConfig } from '../../src/config/config';
import { configFromAttributes } from '../../src/script-attributes';
import { CobrowseConfigError } from '../../src/shared/config-error';
import { createCobrowseWidget, type CobrowseWidget } from '../../src/widget';
import { createFakeCobrowseSdk } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';
import * as auditModule from '../../src/masking/audit';
import { createManualClock } from '../helpers/manual-clock';
import { loadEngine } from '../helpers/setup';
import { COSMETIC, configArb, HOSTILE_STRINGS, NUM_RUNS, SEED, THEME_FIELD_NAMES } from '../helpers/config-arbitraries';
import { expectConfigError, expectNoPollution, expectSafeResolved, newCounts, printCounts } from '../helpers/config-checks';

const MOUNT_EVERY = Number(process.env.MOUNT_EVERY ?? 5);
const FLOW_EVERY = Number(process.env.FLOW_EVERY ?? 10);

// Elements that could only come from a label or colour rendered as markup.
const FOREIGN = 'script, img, iframe, object, embed, link, b, svg image, foreignObject, meta, base';
const CSS_ESCAPE = /[;{}<>!\\@"'`]|url\(|expression|javascript|\/\*/i;

/** Counts listeners the widget adds to window and document, so destroy() can be checked. */
function listenerLedger() {
  const live = new Map<string, number>();
  const restore: Array<() => void> = [];
  for (const [name, target] of [['window', window], ['document', document]] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: boolean | AddEventListenerOptions) => {
      const once = typeof o === 'object' && o?.once;
      if (!once) live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) + 1);
      add(type, fn, o);
    }) as typeof target.addEventListener;
    target.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: boolean | EventListenerOptions) => {
      live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) - 1);
      remove(type, fn, o);
    }) as typeof target.removeEventListener;
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
  return {
    /** Listeners added and not removed (removing one that was never added counts below zero). */
    net: () => [...live.entries()].filter(([, n]) => n > 0),
    reset: () => live.clear(),
    restore: () => restore.forEach((r) => r()),
  };
}

let ledger: ReturnType<typeof listenerLedger>;
beforeEach(() => {
  document.body.innerHTML = '<div id="slot"></div>';
  document.head.innerHTML = '';
  ledger = listenerLedger();
});
afterEach(() => ledger.restore());

interface MountResult {
  outcome: 'config-error' | 'mounted';
  flowRan?: 'pin' | 'error-view';
}

/** What the visitor and the host page see of a mounted widget; runs the session flow when asked. */
async function checkMounted(widget: CobrowseWidget, clock: ReturnType<typeof createManualClock>, resolved: ResolvedConfig | undefined, runFlow: boolean): Promise<MountResult['flowRan']> {
  // A config createCobrowseWidget accepted is one resolveConfig accepted (container aside: only the page can say).
  expect(resolved, 'widget mounted a config resolveConfig refuses').toBeDefined();
  const r = resolved!;
  void widget.controller;
  // Another language's strings load first; after 3 s the widget shows in English regardless.
  await clock.advance(3000);
  const host = document.querySelector<HTMLElement>('[data-zoom-cobrowse-widget]');
  expect(host).not.toBeNull();
  const root = host!.shadowRoot!;
  const container = r.container === undefined ? document.body : typeof r.container === 'string' ? document.querySelector(r.container) : r.container;
  expect(host!.parentElement).toBe(container);

  if (r.launcher) {
    const launcher = root.querySelector('[data-part="launcher"]');
    expect(launcher, 'launcher shown').not.toBeNull();
    // A site label is shown as text, character for character, never parsed.
    if (typeof r.labels.launcher === 'string') expect(launcher!.textContent).toContain(r.labels.launcher);
  } else {
    expect(root.querySelector('[data-part="launcher"]')).toBeNull();
  }
  widget.open();
  await clock.flush();
  expect(root.querySelector('.root')?.getAttribute('data-state')).toBe('consent');

  // Labels never become elements; colours never become CSS text.
  expect(root.querySelectorAll(FOREIGN).length, root.innerHTML.slice(0, 300)).toBe(0);
  expect(root.querySelectorAll('style').length).toBe(1);
  for (const el of root.querySelectorAll('*')) for (const a of el.getAttributeNames()) expect(a.startsWith('on'), `${el.tagName} ${a}`).toBe(false);
  for (let i = 0; i < host!.style.length; i++) {
    const name = host!.style.item(i);
    expect(name.startsWith('--zcw-'), name).toBe(true);
    // Font stacks may quote family names; nothing may end the declaration or call a function.
    expect(host!.style.getPropertyValue(name), name).not.toMatch(name === '--zcw-font-family' ? /[;{}<>\\()@!]/ : CSS_ESCAPE);
  }

  let flowRan: MountResult['flowRan'];
  if (runFlow) {
    root.querySelector<HTMLElement>('[data-action="accept"]')!.click();
    await clock.advance(100);
    const state = widget.getState();
    // Either the PIN card, or an error the visitor can read (a bad customPin function, a BYOP mismatch).
    if (state.state === 'waiting') {
      expect(root.querySelector('[data-part="pin"]')).not.toBeNull();
      flowRan = 'pin';
      // end() settles once the SDK reports the end, which the manual clock has to reach.
      const ended = widget.end();
      await clock.advance(50);
      await ended;
      expect(widget.getState().state).toBe('ended');
    } else {
      expect(state.state, JSON.stringify(state)).toBe('error');
      expect(root.querySelector('.root')?.getAttribute('data-state')).toBe('error');
      expect(root.textContent?.length).toBeGreaterThan(0);
      flowRan = 'error-view';
    }
  }
  return flowRan;
}

/**
 * Mounts one config with the fake SDK and checks what a visitor and the host page would
 * see; optionally runs the session flow; then destroys and checks nothing is left.
 */
async function mountAndCheck(config: unknown, resolved: ResolvedConfig | undefined, runFlow: boolean): Promise<MountResult> {
  const sdkKey = resolved?.sdkKey ?? 'test-sdk-key';
  const clock = createManualClock();
  const fake = createFakeCobrowseSdk({ sdkKey, clock, storage: null, sharedStorage: null, generatePin: () => '482913', startDelayMs: 10 });
  const errors: string[] = [];
  const before = document.documentElement.outerHTML;
  ledger.reset();
  let widget: CobrowseWidget;
  try {
    widget = createCobrowseWidget(config as CobrowseConfig, {
      clock,
      logger: { debug() {}, info() {}, warn() {}, error: (m: string) => void errors.push(m) },
      loadEngine,
      loadAudit: async () => auditModule,
      loader: { load: async () => fake.sdk, warm() {}, dispose() {} },
      // BYOP when the config brings its own PIN, as the site's token endpoint would be set up.
      fetchToken: async () => createFakeToken({ sdkKey, now: clock.now(), enableByop: resolved?.customPin !== undefined }),
      storage: null,
    });
  } catch (err) {
    expectConfigError(err);
    // Nothing was mounted or listened to for a refused config.
    expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
    expect(ledger.net()).toEqual([]);
    return { outcome: 'config-error' };
  }
  let flowRan: MountResult['flowRan'];
  try {
    flowRan = await checkMounted(widget, clock, resolved, runFlow);
  } catch (err) {
    // Free the page's one widget slot, so the next run reports its own result, not this one.
    widget.destroy();
    throw err;
  }
  widget.destroy();
  widget.destroy(); // safe twice
  await clock.flush();
  expect(document.querySelector('[data-zoom-cobrowse-widget]')).toBeNull();
  expect(document.documentElement.outerHTML).toBe(before);
  expect(ledger.net()).toEqual([]);
  expect(clock.pending(), 'timers left after destroy').toBe(0);
  expect(errors.every((m) => m.startsWith('[zoom-cobrowse-widget]')), errors.join('\n')).toBe(true);
  return { outcome: 'mounted', flowRan };
}

function resolveLenient(config: unknown): { resolved?: ResolvedConfig; error?: unknown } {
  try {
    return { resolved: resolveConfig(config, { onCosmeticError: () => {} }) };
  } catch (error) {
    return { error };
  }
}

const widgetCounts = { validated: newCounts(), mounted: newCounts(), flows: { pin: 0, errorView: 0 } };
const attrCounts = { validated: newCounts(), mounted: newCounts(), readerErrors: 0 };

afterAll(() => {
  const v = widgetCounts.validated;
  printCounts('widget configs, all validated with resolveConfig as the widget calls it', SEED, v, 'valid');
  printCounts(`widget configs, every ${MOUNT_EVERY}th mounted in happy-dom with the fake SDK`, SEED, widgetCounts.mounted, 'mounted');
  console.log(`[property] widget session flows (every ${FLOW_EVERY}th mounted widget): consent → PIN → end ${widgetCounts.flows.pin}, consent → error view ${widgetCounts.flows.errorView}; each destroy()ed with no node, listener or timer left`);
  printCounts('script-tag data-* attributes → configFromAttributes → resolveConfig', SEED, attrCounts.validated, 'valid', `${attrCounts.readerErrors} of the config errors thrown by the attribute reader itself`);
  printCounts(`script-tag data-* attributes, every ${MOUNT_EVERY}th mounted`, SEED, attrCounts.mounted, 'mounted');
});

describe('the widget over generated configs', () => {
  const arb = configArb({
    containers: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('#slot', 'body') }, { weight: 1, arbitrary: fc.constantFrom('#missing', 'div[', '</style><script>', ':::') }),
  });

  it(`${NUM_RUNS} configs: each validated; a share mounted, shown, used and destroyed cleanly`, async () => {
    let run = 0;
    let mounts = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (config) => {
        const n = run++;
        const { resolved, error } = resolveLenient(config);
        expectNoPollution();
        if (resolved) {
          widgetCounts.validated.mounted++;
          expectSafeResolved(resolved);
        } else if (error instanceof CobrowseConfigError) {
          widgetCounts.validated.configErrors++;
          expectConfigError(error);
          expect(error.field).not.toMatch(COSMETIC);
        } else {
          widgetCounts.validated.other++;
          expectConfigError(error);
        }
        if (n % MOUNT_EVERY !== 0) return;
        const flow = resolved !== undefined && mounts++ % FLOW_EVERY === 0;
        const result = await mountAndCheck(config, resolved, flow).catch((err: unknown) => {
          widgetCounts.mounted.other++;
          throw err;
        });
        if (result.outcome === 'config-error') widgetCounts.mounted.configErrors++;
        else widgetCounts.mounted.mounted++;
        if (result.flowRan === 'pin') widgetCounts.flows.pin++;
        if (result.flowRan === 'error-view') widgetCounts.flows.errorView++;
        expectNoPollution();
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    expect(widgetCounts.validated.other + widgetCounts.mounted.other).toBe(0);
    expect(widgetCounts.mounted.mounted).toBeGreaterThan(NUM_RUNS / MOUNT_EVERY / 4);
    expect(widgetCounts.flows.pin).toBeGreaterThan(0);
  }, 600_000);
});

// ---- The script tag's data-* attributes ----

const boolValue = fc.constantFrom('', 'true', 'false', '1', '0', 'yes', 'TRUE', ' true');
const hostileValue = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 2000)), fc.string({ unit: 'binary', maxLength: 20 }));
const valued = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
const themeAttr = (f: string): string => `data-theme-${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const KNOWN_ATTRIBUTES: Record<string, fc.Arbitrary<string>> = {
  'data-user-id': valued(fc.constantFrom('u-123', 'visitor@example.com')),
  'data-user-name': valued(fc.constantFrom('Ada', 'Zoë Ünal', 'مريم')),
  'data-position': valued(fc.constantFrom('bottom-right', 'bottom-left', 'top-right', 'top-left')),
  'data-locale': valued(fc.constantFrom('auto', 'fr', 'pt-BR', 'ar', 'xx')),
  'data-privacy-url': valued(fc.constantFrom('/privacy', 'https://example.com/privacy')),
  'data-sdk-url': valued(fc.constantFrom('/vendor/zoom.js')),
  'data-sdk-version': valued(fc.constantFrom('3.6.0', '3.6.x')),
  'data-masking': valued(fc.constantFrom('payment,identity', 'default,strict', 'off', 'all-inputs', 'true')),
  'data-remote-assist': boolValue,
  'data-launcher': boolValue,
  'data-launcher-label': valued(fc.constantFrom('Talk to us', 'Besoin d’aide ?')),
  'data-launcher-icon': valued(fc.constantFrom('help', 'chat', 'headset', 'none')),
  'data-recovery': valued(fc.constantFrom('auto', 'prompt', 'off')),
  'data-multi-tab': boolValue,
  'data-debug': fc.constantFrom('false', '0', 'maybe'),
  'data-nonce': valued(fc.constantFrom('r4nd0m', 'abc123==')),
  'data-auto-mount': boolValue,
  'data-theme-primary': valued(fc.constantFrom('#0b5cff', 'rebeccapurple', 'rgb(1 2 3)')),
  'data-theme-radius': valued(fc.constantFrom('12', '1rem', '0')),
  'data-theme-z-index': valued(fc.constantFrom('10', '2147483647', '99999999999', '-1')),
  'data-theme-font-family': valued(fc.constantFrom('Inter, sans-serif')),
  ...Object.fromEntries(THEME_FIELD_NAMES.map((f) => [themeAttr(f), valued(fc.constantFrom('#123456', 'dark', '8', 'top-left'))])),
};
const attributeName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(KNOWN_ATTRIBUTES)) },
  // The host page's own attributes, near-misses of ours, secrets, and odd theme fields.
  { weight: 1, arbitrary: fc.constantFrom('data-token-ur', 'data-sdkkey', 'data-sdk-secret', 'data-password', 'data-api-private-key', 'data-theme-constructor', 'data-theme-proto', 'data-theme-', 'data-theme-x-y', 'data-label', 'data-analytics-id') },
  { weight: 1, arbitrary: fc.stringMatching(/^data-[a-z][a-z0-9-]{0,20}$/) },
);
const attributesArb = fc.tuple(
  fc.oneof({ weight: 9, arbitrary: fc.constant('test-sdk-key') }, { weight: 1, arbitrary: hostileValue }),
  fc.oneof({ weight: 9, arbitrary: fc.constant('/api/cobrowse/token') }, { weight: 1, arbitrary: hostileValue }),
  fc.array(fc.tuple(attributeName, fc.boolean()), { maxLength: 8 }).chain((names) =>
    fc.tuple(...names.map(([name]) => (KNOWN_ATTRIBUTES[name] ?? hostileValue).map((v) => [name, v] as const))),
  ),
);

describe('the script tag over generated data-* attributes', () => {
  it(`${NUM_RUNS} attribute sets: the reader and resolveConfig end in a CobrowseConfigError or a safe config; a share mounted`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(attributesArb, async ([sdkKey, tokenUrl, attrs]) => {
        const n = run++;
        const script = document.createElement('script');
        script.setAttribute('data-sdk-key', sdkKey);
        script.setAttribute('data-token-url', tokenUrl);
        for (const [name, value] of attrs) script.setAttribute(name, value);
        const warnings: string[] = [];
        let config: Partial<CobrowseConfig>;
        try {
          config = configFromAttributes(script, (m) => warnings.push(m));
        } catch (err) {
          expectConfigError(err);
          expect(err.field.startsWith('data-'), err.field).toBe(true);
          attrCounts.validated.configErrors++;
          attrCounts.readerErrors++;
          return;
        }
        for (const w of warnings) expect(w.startsWith('[zoom-cobrowse-widget]')).toBe(true);
        expectNoPollution();
        const { resolved, error } = resolveLenient(config);
        if (resolved) {
          attrCounts.validated.mounted++;
          expectSafeResolved(resolved);
        } else if (error instanceof CobrowseConfigError) {
          attrCounts.validated.configErrors++;
          expectConfigError(error);
        } else {
          attrCounts.validated.other++;
          expectConfigError(error);
        }
        if (n % MOUNT_EVERY !== 0) return;
        const result = await mountAndCheck(config, resolved, false).catch((err: unknown) => {
          attrCounts.mounted.other++;
          throw err;
        });
        if (result.outcome === 'config-error') attrCounts.mounted.configErrors++;
        else attrCounts.mounted.mounted++;
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    expect(attrCounts.validated.other + attrCounts.mounted.other).toBe(0);
    expect(attrCounts.validated.mounted).toBeGreaterThan(NUM_RUNS / 10);
  }, 600_000);
});
