import { ALL_FIELD_SELECTORS } from './compile';
import type { CompiledMasking } from './types';

/** Options for {@link createMaskHighlighter}. */
export interface MaskHighlighterOptions {
  compiled: CompiledMasking;
  /** A fixed, full-viewport, pointer-events-none element inside the widget's shadow root. */
  layer: HTMLElement;
  /** Badge text shown on the focused masked field. */
  label: string;
  /** CSP nonce for the layer's own <style>. */
  nonce?: string | undefined;
}

/** Outlines the fields hidden from the agent, for the visitor only. */
export interface MaskHighlighter {
  show(): void;
  hide(): void;
  destroy(): void;
}

// Re-querying hundreds of selectors is not free: at most this often while the page mutates.
const REQUERY_MS = 500;

/**
 * Draws an outline over every masked field, in the widget's own shadow root:
 * nothing is added to or moved in the host page, so its layout never shifts, and
 * (Zoom doesn't transmit shadow DOM) the agent never sees the outlines.
 */
export function createMaskHighlighter({ compiled, layer, label, nonce }: MaskHighlighterOptions): MaskHighlighter {
  const doc = layer.ownerDocument;
  const win = doc.defaultView;
  // The layer brings its own stylesheet: this module loads with the engine, not with the launcher.
  const style = doc.createElement('style');
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = MASK_HIGHLIGHT_CSS;
  layer.before(style);
  const selector = compiled.mode === 'all-inputs' ? [...new Set([...ALL_FIELD_SELECTORS, ...compiled.selectors])].join(',') : compiled.selectors.join(',');
  let targets: Element[] = [];
  const boxes = new Map<Element, HTMLElement>();
  let shown = false;
  let frame = 0;
  let lastQuery = 0;
  let queryTimer: ReturnType<typeof setTimeout> | undefined;
  let focused: Element | null = null;

  const query = (): void => {
    lastQuery = Date.now();
    let found: Element[] = [];
    try {
      found = selector ? [...doc.querySelectorAll(selector)] : [];
    } catch {
      found = [];
    }
    // A masked container covers its children: outline the outermost element only.
    const set = new Set(found);
    targets = found.filter((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
    for (const [el, box] of boxes) {
      if (!set.has(el)) {
        box.remove();
        boxes.delete(el);
      }
    }
  };

  const place = (): void => {
    frame = 0;
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      let box = boxes.get(el);
      if (!box) {
        box = doc.createElement('div');
        box.className = 'mask-box';
        box.setAttribute('data-part', 'mask-box');
        const badge = doc.createElement('span');
        badge.className = 'mask-badge';
        badge.textContent = label;
        box.appendChild(badge);
        layer.appendChild(box);
        boxes.set(el, box);
      }
      const visible = r.width > 0 && r.height > 0;
      box.hidden = !visible;
      box.toggleAttribute('data-focused', el === focused || (!!focused && el.contains(focused)));
      if (visible) {
        box.style.transform = `translate(${r.left}px, ${r.top}px)`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
      }
    }
  };

  const schedule = (): void => {
    if (shown && !frame) frame = win?.requestAnimationFrame(place) ?? 0;
  };
  const requery = (): void => {
    if (!shown || queryTimer) return;
    const wait = Math.max(0, lastQuery + REQUERY_MS - Date.now());
    queryTimer = setTimeout(() => {
      queryTimer = undefined;
      if (!shown) return;
      query();
      schedule();
    }, wait);
  };
  const onFocus = (e: Event): void => {
    focused = e.type === 'focusin' ? (e.target as Element) : null;
    schedule();
  };
  const observer =
    typeof MutationObserver === 'function'
      ? new MutationObserver((records) => {
          // Our own layer lives in a shadow root, so these are always host-page changes.
          if (records.length) requery();
        })
      : undefined;

  const listen = (on: boolean): void => {
    const m = on ? 'addEventListener' : 'removeEventListener';
    win?.[m]('scroll', schedule, { capture: true, passive: true } as AddEventListenerOptions);
    win?.[m]('resize', schedule);
    doc[m]('focusin', onFocus);
    doc[m]('focusout', onFocus);
  };

  return {
    show() {
      if (shown) return;
      shown = true;
      layer.hidden = false;
      query();
      place();
      listen(true);
      observer?.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['name', 'id', 'type', 'autocomplete', 'class', 'data-zoom-cobrowse-mask'] });
    },
    hide() {
      if (!shown) return;
      shown = false;
      layer.hidden = true;
      listen(false);
      observer?.disconnect();
      if (frame) win?.cancelAnimationFrame(frame);
      frame = 0;
      clearTimeout(queryTimer);
      queryTimer = undefined;
      for (const box of boxes.values()) box.remove();
      boxes.clear();
      targets = [];
    },
    destroy() {
      this.hide();
      style.remove();
    },
  };
}

/** CSS for the highlight layer, put beside the layer in the widget's shadow root. */
// Reads as "private", not as "valid": a neutral slate outline over diagonal hatching (the
// look of a redaction), never the brand colour or a dashed focus-like line; light in dark mode.
export const MASK_HIGHLIGHT_CSS =
  ':host{--zcw-mask-ink:#3d4451;--zcw-mask-on:#fff}' +
  ':host([data-mode=dark]){--zcw-mask-ink:#c5ccd6;--zcw-mask-on:#15181d}' +
  '@media (prefers-color-scheme:dark){:host([data-mode=auto]){--zcw-mask-ink:#c5ccd6;--zcw-mask-on:#15181d}}' +
  '.mask-layer{position:fixed;inset:0;pointer-events:none;overflow:hidden;z-index:0}' +
  '.mask-box{position:absolute;left:0;top:0;box-sizing:border-box;border:2px solid var(--zcw-mask-color,var(--zcw-mask-ink));border-radius:4px;' +
  'background:repeating-linear-gradient(135deg,color-mix(in srgb,var(--zcw-mask-color,var(--zcw-mask-ink)) 22%,transparent) 0 2px,transparent 2px 7px)}' +
  '.mask-badge{position:absolute;inset-inline-end:-2px;bottom:100%;margin-bottom:2px;padding:1px 6px;border-radius:4px;font:600 11px/1.5 var(--zcw-font-family,system-ui,sans-serif);white-space:nowrap;background:var(--zcw-mask-color,var(--zcw-mask-ink));color:var(--zcw-mask-on);opacity:0;transition:opacity .15s}' +
  '.mask-box[data-focused] .mask-badge{opacity:1}' +
  '@media (prefers-reduced-motion:reduce){.mask-badge{transition:none}}';
