import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_PREFIX } from '../../../src/shared/config-error';
import { compileRules, createFieldMarker, isCardNumber, isMasked, MASK_ATTRIBUTE, type FieldMarker } from '../../../src/masking';

const DEFAULTS = compileRules(undefined)!;
let marker: FieldMarker | undefined;
const logger = () => ({ warn: vi.fn() });
/** A marker like the widget starts: default presets, the compiled rules, a silent logger unless given. */
function start(options: Partial<Parameters<typeof createFieldMarker>[0]> = {}) {
  marker = createFieldMarker({ root: document, categories: DEFAULTS.categories, masking: DEFAULTS, logger: logger(), ...options });
  return marker;
}
const mark = (sel: string) => document.querySelector(sel)!.getAttribute(MASK_ATTRIBUTE);
/** Lets MutationObserver callbacks run. */
const flush = () => new Promise((r) => setTimeout(r, 0));
function type(el: Element, value: string) {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  marker?.dispose();
  marker = undefined;
});

describe('createFieldMarker: markAll()', () => {
  it('marks what the classifier puts in an enabled category, with the category as the value', () => {
    document.body.innerHTML = `
      <label for="n">Card number</label><input id="n" name="payment_information[add_payment_method][payment_details][number]" autocomplete="off">
      <label for="s">Authenticator secret</label><input id="s" disabled value="JBSWY3DPEHPK3PXP">
      <label for="d">Date of birth</label><input id="d" name="q4">
      <label for="f">First name</label><input id="f" name="first">`;
    expect(start().markAll()).toBe(2);
    expect([mark('#n'), mark('#s'), mark('#d'), mark('#f')]).toEqual(['payment', 'credentials', null, null]);
    // The compiled selector list sent to the SDK includes the attribute, so both are masked now.
    expect(isMasked(document.getElementById('n')!, DEFAULTS)).toBe(true);
    expect(marker!.marks().get(document.getElementById('n')!)).toEqual({ category: 'payment', evidence: ['label text "Card number"', 'name="payment_information[add_payment_method][payment_details][number]"'] });
  });

  it('marks only the categories it is given', () => {
    document.body.innerHTML = '<label for="d">Date of birth</label><input id="d" name="q4"><label for="i">IBAN</label><input id="i" name="q5">';
    start({ categories: ['identity'], masking: compileRules({ presets: ['identity'] }) }).markAll();
    expect([mark('#d'), mark('#i')]).toEqual(['identity', null]);
  });

  it('leaves fields the compiled rules already mask, and the site\'s own marks, as they are', () => {
    document.body.innerHTML = `
      <input id="p" type="password" name="password">
      <input id="site" name="loyalty" ${MASK_ATTRIBUTE}="mine">
      <section ${MASK_ATTRIBUTE}><label for="in">Card number</label><input id="in" name="x"></section>
      <label for="c">Card number</label><input id="c" name="field_17">`;
    expect(start().markAll()).toBe(1);
    expect([mark('#p'), mark('#site'), mark('#in'), mark('#c')]).toEqual([null, 'mine', null, 'payment']);
  });
});

describe('createFieldMarker: observe()', () => {
  it('marks an injected payment step inside its observer callback, before a later observer (the SDK) sees it', async () => {
    start().observe();
    const seen: (string | null)[] = [];
    const sdk = new MutationObserver(() => seen.push(document.getElementById('late')?.getAttribute(MASK_ATTRIBUTE) ?? 'absent'));
    sdk.observe(document.body, { subtree: true, childList: true });
    const step = document.createElement('form');
    step.innerHTML = '<fieldset><legend>Credit card</legend><label for="late">Number</label><input id="late" name="n"><label for="nm">Name</label><input id="nm" name="nm"></fieldset>';
    document.body.append(step);
    await flush();
    sdk.disconnect();
    expect(seen[0]).toBe('payment');
    expect(mark('#nm')).toBe('payment');
  });

  it('re-reads a field when its label text or its attributes change', async () => {
    document.body.innerHTML = '<label for="f" id="l">Reference</label><input id="f" name="field_3"><input id="g" name="field_4">';
    start({ categories: ['payment', 'credentials', 'banking'], masking: compileRules({ presets: ['payment', 'credentials', 'banking'] }) });
    marker!.markAll();
    marker!.observe();
    expect(mark('#f')).toBeNull();
    document.getElementById('l')!.textContent = 'Card number';
    document.getElementById('g')!.setAttribute('placeholder', 'IBAN');
    await flush();
    expect([mark('#f'), mark('#g')]).toEqual(['payment', 'banking']);
  });

  it('puts its mark back when a re-render drops it, and lets go when the site sets its own', async () => {
    document.body.innerHTML = '<label for="c">Card number</label><input id="c" name="field_17"><label for="s">CVC</label><input id="s" name="field_18">';
    start().markAll();
    marker!.observe();
    document.getElementById('c')!.removeAttribute(MASK_ATTRIBUTE);
    document.getElementById('s')!.setAttribute(MASK_ATTRIBUTE, 'site');
    await flush();
    expect(mark('#c')).toBe('payment');
    marker!.dispose();
    expect([mark('#c'), mark('#s')]).toEqual([null, 'site']);
  });
});

describe('createFieldMarker: a typed card number (Luhn) is the last line of defence', () => {
  it('marks the field payment at once, warns once saying what to add, and tells onLuhn', () => {
    document.body.innerHTML = '<label for="r">Reference</label><input id="r" name="ref">';
    const log = logger();
    const onLuhn = vi.fn();
    start({ logger: log, onLuhn }).observe();
    const field = document.getElementById('r')!;
    type(field, '4242 4242 4242 4241');
    expect(mark('#r')).toBeNull();
    type(field, '4242 4242 4242 4242');
    expect(mark('#r')).toBe('payment');
    expect(onLuhn).toHaveBeenCalledWith(field);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toBe(
      `${LOG_PREFIX} A card number was typed into #r, which no masking rule covered. It is masked now, but what was typed before may already have reached the agent. ` +
        `Add "#r" to masking.selectors (or put the ${MASK_ATTRIBUTE} attribute on the field) so it is masked from the start.`,
    );
    type(field, '4242-4242-4242-4242');
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('leaves fields that are already masked, and does nothing when payment is not enabled', () => {
    document.body.innerHTML = '<input id="p" type="password" name="password"><input id="x" name="x">';
    const log = logger();
    start({ logger: log, categories: ['identity'], masking: compileRules({ presets: ['identity'] }) }).observe();
    type(document.getElementById('x')!, '4111111111111111');
    expect(mark('#x')).toBeNull();
    marker!.dispose();
    start({ logger: log }).observe();
    type(document.getElementById('p')!, '4111111111111111');
    expect(mark('#p')).toBeNull();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('also catches a card number already in a field (autofill) when markAll() runs', () => {
    document.body.innerHTML = '<input id="x" name="x" value="5555 5555 5555 4444">';
    expect(start().markAll()).toBe(1);
    expect(mark('#x')).toBe('payment');
  });

  it('isCardNumber: 13–19 Luhn-valid digits, spaces and dashes allowed, nothing else', () => {
    expect(['4242424242424242', '4242 4242 4242 4242', '4242-4242-4242-4242', '378282246310005', '6011111111111117'].map(isCardNumber)).toEqual([true, true, true, true, true]);
    expect(['4242424242424241', '424242424242', 'card 4242424242424242', '0000000000000000', '12345678901234567890'].map(isCardNumber)).toEqual([false, false, false, false, false]);
  });
});

describe('createFieldMarker: dispose()', () => {
  it('removes only its own marks, stops watching and listening, and can be called twice', async () => {
    document.body.innerHTML = `<label for="c">Card number</label><input id="c" name="field_17"><input id="site" name="x" ${MASK_ATTRIBUTE}>`;
    start().markAll();
    marker!.observe();
    marker!.dispose();
    marker!.dispose();
    expect(mark('#c')).toBeNull();
    expect(document.getElementById('site')!.hasAttribute(MASK_ATTRIBUTE)).toBe(true);
    document.body.insertAdjacentHTML('beforeend', '<label for="late">Card number</label><input id="late" name="f">');
    type(document.getElementById('c')!, '4242424242424242');
    await flush();
    expect([mark('#late'), mark('#c')]).toEqual([null, null]);
    expect(marker!.markAll()).toBe(0);
  });
});

describe('createFieldMarker: markAllInSlices()', () => {
  it('reads a large page in slices, yielding to the page between them, and marks the same fields as markAll()', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => (i % 3 ? `<label>City <input name="c${i}"></label>` : `<label for="k${i}">Card number</label><input id="k${i}" name="f${i}">`)).join('');
    const m = start();
    let yielded = 0;
    const tick = setInterval(() => yielded++, 0);
    const n = await m.markAllInSlices(0);
    clearInterval(tick);
    expect(n).toBe(100);
    expect(document.querySelectorAll('[data-zoom-cobrowse-mask="payment"]')).toHaveLength(100);
    expect(yielded).toBeGreaterThan(0); // other tasks ran between the slices
  });

  it('stops reading when disposed halfway', async () => {
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<label for="k${i}">Card number</label><input id="k${i}" name="f${i}">`).join('');
    const m = start();
    const reading = m.markAllInSlices(0);
    m.dispose();
    await reading;
    expect(document.querySelectorAll('[data-zoom-cobrowse-mask]')).toHaveLength(0);
  });
});
