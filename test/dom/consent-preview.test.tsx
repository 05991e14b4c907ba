import { afterEach, describe, expect, it } from 'vitest';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

afterEach(() => cleanupWidgets());

// A checkout whose card field only its label gives away, next to an ordinary field.
const PAGE = '<label for="f9">Card number</label><input id="f9" name="payment[details][number]"><label>City <input id="city" name="city"></label>';
const mark = (id: string) => document.getElementById(id)!.getAttribute('data-zoom-cobrowse-mask');

describe('consent step: "Show what stays hidden"', () => {
  it('outlines what the masking hides before the visitor agrees, and takes the marks away on decline', async () => {
    const w = setupWidget();
    document.body.insertAdjacentHTML('afterbegin', PAGE);
    w.widget.open();
    await w.clock.flush();
    const toggle = w.q('[data-action="preview"]')!;
    expect(toggle.textContent).toBe('Show what stays hidden');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await w.click('[data-action="preview"]');
    await new Promise((r) => setTimeout(r, 0));
    expect(w.q('[data-action="preview"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(w.q('[data-action="preview"]')!.textContent).toBe('Hide the outlines');
    expect(mark('f9')).toBe('payment');
    expect(mark('city')).toBeNull();
    expect(w.root.querySelector('.mask-layer')!.hasAttribute('hidden')).toBe(false);
    expect(w.fake.startCalls).toHaveLength(0); // nothing is shared by looking

    await w.click('[data-action="decline"]');
    expect(mark('f9')).toBeNull();
    expect(w.root.querySelector('.mask-layer')!.hasAttribute('hidden')).toBe(true);
  });

  it('turning it off again removes the outlines and the marks; closing the panel does too', async () => {
    const w = setupWidget();
    document.body.insertAdjacentHTML('afterbegin', PAGE);
    w.widget.open();
    await w.clock.flush();
    await w.click('[data-action="preview"]');
    await new Promise((r) => setTimeout(r, 0));
    await w.click('[data-action="preview"]');
    expect(mark('f9')).toBeNull();
    expect(w.root.querySelector('.mask-layer')!.hasAttribute('hidden')).toBe(true);
    await w.click('[data-action="preview"]');
    await new Promise((r) => setTimeout(r, 0));
    expect(mark('f9')).toBe('payment');
    w.widget.close();
    await w.clock.flush();
    expect(mark('f9')).toBeNull();
  });

  it('is not offered when masking is off or the outlines are turned off', async () => {
    const off = setupWidget({ masking: false });
    off.widget.open();
    await off.clock.flush();
    expect(off.q('[data-part="masked"]')).toBeNull();
    expect(off.q('[data-action="preview"]')).toBeNull();
    cleanupWidgets();
    const plain = setupWidget({ masking: { highlight: false } });
    plain.widget.open();
    await plain.clock.flush();
    expect(plain.q('[data-action="preview"]')).toBeNull();
  });
});
