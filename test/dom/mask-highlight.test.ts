import { afterEach, describe, expect, it } from 'vitest';
import { compileMasking } from '../../src/config/public-masking';
import { createMaskHighlighter } from '../../src/masking/highlight';

afterEach(() => {
  document.body.innerHTML = '';
});

function setup(html: string, masking = {}) {
  document.body.innerHTML = html;
  const host = document.createElement('div');
  document.body.appendChild(host);
  const layer = document.createElement('div');
  host.attachShadow({ mode: 'open' }).appendChild(layer);
  const hl = createMaskHighlighter({ compiled: compileMasking(masking)!, layer, label: 'Hidden from support' });
  return { hl, layer, boxes: () => layer.querySelectorAll('[data-part="mask-box"]') };
}

const FORM = `
  <input id="name" name="name" autocomplete="name">
  <input id="card" name="cardnumber" autocomplete="cc-number">
  <input id="pw" type="password" name="password">
  <div data-zoom-cobrowse-mask><input name="a"><input name="b"><span>secret note</span></div>`;

describe('"Hidden from support" outlines', () => {
  it('outlines masked fields only, a masked container once, and adds nothing to the host page', () => {
    const t = setup(FORM);
    const before = document.body.innerHTML;
    t.hl.show();
    expect(t.boxes()).toHaveLength(3); // card, password, the opt-in container
    expect(document.body.innerHTML).toBe(before); // all drawing is inside the shadow root
    expect(t.layer.textContent).toContain('Hidden from support');
  });

  it('hide() removes every outline and listener; show() again redraws', () => {
    const t = setup(FORM);
    t.hl.show();
    t.hl.hide();
    expect(t.boxes()).toHaveLength(0);
    expect(t.layer.hidden).toBe(true);
    t.hl.show();
    expect(t.boxes()).toHaveLength(3);
    t.hl.destroy();
    expect(t.boxes()).toHaveLength(0);
  });

  it('fields added later (SPA step 2 of a checkout) get outlined too', async () => {
    const t = setup('<input name="name">');
    t.hl.show();
    expect(t.boxes()).toHaveLength(0);
    const cvc = document.createElement('input');
    cvc.setAttribute('autocomplete', 'cc-csc');
    document.body.prepend(cvc);
    await new Promise((r) => setTimeout(r, 600));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(t.boxes()).toHaveLength(1);
  });

  it('all-inputs mode outlines every field', () => {
    const t = setup(FORM, { maskType: 'all-inputs' });
    t.hl.show();
    expect(t.boxes()).toHaveLength(4); // name, card, password, container
  });
});
