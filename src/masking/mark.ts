import { LOG_PREFIX } from '../shared/config-error';
import { classifyField, FIELD_SELECTOR, fieldsUnder, indexLabels, labelScope, type FieldClassification, type LabelIndex } from './classify';
import { isMasked, MASK_ATTRIBUTE } from './compile';
import { cssPath } from './css-path';
import type { CompiledMasking, MaskingPreset } from './types';

/** Options for {@link createFieldMarker}. */
export interface FieldMarkerOptions {
  /** Where to mark and watch: the document (default), a shadow root or a container. */
  root?: Document | ShadowRoot | Element;
  /** The categories to mark: the widget's enabled presets (`compileRules(config).categories`). */
  categories: readonly MaskingPreset[];
  /** The compiled masking: fields its selectors already hide are left as they are. */
  masking?: CompiledMasking | null;
  /** Called after a typed, Luhn-valid card number got its field marked `payment`. */
  onLuhn?: (field: Element) => void;
  /** Where the one-line warning about a Luhn catch goes. @default console */
  logger?: Pick<Console, 'warn'>;
}

/** What the marker did to one field. */
export interface FieldMark extends FieldClassification {
  category: MaskingPreset;
}

/** Marks sensitive fields with `data-zoom-cobrowse-mask="<category>"` before and while the page is shared. */
export interface FieldMarker {
  /** Classifies every field under the root now and marks the sensitive ones; returns how many it newly marked. */
  markAll(): number;
  /**
   * The same as markAll(), in slices of at most `sliceMs` with a yield to the page between
   * them, so a page with thousands of fields never makes a long task; resolves with the count
   * once every field has been read.
   */
  markAllInSlices(sliceMs?: number): Promise<number>;
  /**
   * Starts watching: fields added or changed later (an SPA step, a payment form injected
   * later, a label that changes) are classified in the observer callback, and a card
   * number typed into an unmasked field marks it. Start it before the SDK loads, so its
   * callbacks run before the SDK's.
   */
  observe(): void;
  /** The fields this marker marked, with the category and evidence. */
  marks(): ReadonlyMap<Element, FieldMark>;
  /** Removes the marks this marker added (never the site's own), stops watching. Safe to call twice. */
  dispose(): void;
}

// What a classification reads: a change to any of these can change the verdict.
const WATCHED = ['type', 'name', 'id', 'autocomplete', 'inputmode', 'placeholder', 'aria-label', 'aria-labelledby', 'title', 'pattern', 'maxlength', 'for', 'contenteditable', 'role', MASK_ATTRIBUTE];

/** True for 13–19 digits (spaces and dashes allowed between them) that pass the Luhn check. */
export function isCardNumber(value: string): boolean {
  if (value.length > 40 || !/^[\d\s-]+$/.test(value)) return false;
  const digits = value.replace(/[\s-]/g, '');
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function valueOf(el: Element): string {
  if (el.localName === 'input' || el.localName === 'textarea') return (el as HTMLInputElement).value ?? '';
  return el.localName === 'select' ? '' : (el.textContent ?? '').slice(0, 41);
}

/**
 * Creates the marker that puts `data-zoom-cobrowse-mask="<category>"` on every field the
 * classifier puts in an enabled category and the compiled selectors do not already hide.
 * The attribute is part of every compiled selector list, so whatever carries it is masked.
 * Marks are sticky until `dispose()`: a field that once held sensitive data stays masked.
 */
export function createFieldMarker(options: FieldMarkerOptions): FieldMarker {
  const root = options.root ?? document;
  const enabled = new Set(options.categories);
  const logger = options.logger ?? console;
  const ours = new Map<Element, FieldMark>();
  const warned = new WeakSet<Element>();
  let observer: MutationObserver | undefined;
  let disposed = false;

  const covered = (el: Element) => el.hasAttribute(MASK_ATTRIBUTE) || isMasked(el, options.masking ?? null);

  function mark(el: Element, result: FieldMark): boolean {
    if (disposed || ours.has(el) || covered(el)) return false;
    ours.set(el, result);
    el.setAttribute(MASK_ATTRIBUTE, result.category);
    return true;
  }

  /** The last line of defence: a card number in a field nothing else masked. */
  function luhn(el: Element): boolean {
    if (!enabled.has('payment') || ours.has(el) || !isCardNumber(valueOf(el).trim()) || covered(el)) return false;
    mark(el, { category: 'payment', evidence: ['a card number (Luhn-valid) was typed into it'] });
    if (!warned.has(el)) {
      warned.add(el);
      const where = cssPath(el);
      logger.warn(
        `${LOG_PREFIX} A card number was typed into ${where}, which no masking rule covered. It is masked now, but what was typed before may already have reached the agent. ` +
          `Add ${JSON.stringify(where)} to masking.selectors (or put the ${MASK_ATTRIBUTE} attribute on the field) so it is masked from the start.`,
      );
    }
    options.onLuhn?.(el);
    return true;
  }

  function consider(el: Element, labels?: LabelIndex): boolean {
    if (ours.has(el) || !el.isConnected) return false;
    const result = classifyField(el, labels ? { labels } : {});
    if (result.category && enabled.has(result.category)) return mark(el, result as FieldMark);
    return luhn(el);
  }

  function markAll(): number {
    if (disposed) return 0;
    const labels = indexLabels(labelScope(root));
    let n = 0;
    for (const el of fieldsUnder(root)) if (consider(el, labels)) n++;
    return n;
  }

  function markAllInSlices(sliceMs = 12): Promise<number> {
    if (disposed) return Promise.resolve(0);
    const labels = indexLabels(labelScope(root));
    const fields = fieldsUnder(root);
    let i = 0;
    let n = 0;
    return new Promise((done) => {
      const slice = (): void => {
        const until = performance.now() + sliceMs;
        while (i < fields.length && !disposed) {
          if (consider(fields[i++]!, labels)) n++;
          // Checked every few fields: reading the clock costs more than classifying one.
          if (i % 16 === 0 && performance.now() > until) break;
        }
        if (i < fields.length && !disposed) setTimeout(slice, 0);
        else done(n);
      };
      slice();
    });
  }

  /**
   * The fields whose verdict a change at `node` can change: the field it is or sits in, the
   * field a label it is in names, the fields of a fieldset whose legend it is in, the fields
   * that name it in aria-labelledby, and an unlabelled field right after it.
   */
  function related(node: Node, out: Set<Element>): void {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return;
    const field = el.closest('input,select,textarea,[contenteditable]');
    if (field) out.add(field);
    const label = el.closest('label');
    if (label) {
      const target = label.getAttribute('for');
      const scope = el.getRootNode() as Document | ShadowRoot;
      const control = target ? scope.getElementById?.(target) : label.querySelector(FIELD_SELECTOR);
      if (control) out.add(control);
    }
    const legend = el.closest('legend');
    if (legend?.parentElement) for (const f of fieldsUnder(legend.parentElement)) out.add(f);
    const named = el.closest('[id]');
    if (named && !named.matches(FIELD_SELECTOR)) {
      const id = named.id.replace(/["\\]/g, '\\$&');
      for (const f of Array.from(labelScope(root).querySelectorAll(`[aria-labelledby~="${id}"]`))) out.add(f);
    }
    // Text right before an unlabelled field, or in the table cell before it.
    for (const near of [el.nextElementSibling, el.parentElement?.nextElementSibling?.firstElementChild]) {
      if (near?.matches(FIELD_SELECTOR)) out.add(near);
    }
  }

  function onMutations(records: MutationRecord[]): void {
    if (disposed) return;
    const dirty = new Set<Element>();
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === MASK_ATTRIBUTE) {
        const el = r.target as Element;
        const mine = ours.get(el);
        if (!mine) continue;
        const now = el.getAttribute(MASK_ATTRIBUTE);
        // A re-render that dropped our mark gets it back; a site that set its own value owns it now.
        if (now === null) el.setAttribute(MASK_ATTRIBUTE, mine.category);
        else if (now !== mine.category) ours.delete(el);
        continue;
      }
      if (r.type === 'childList') {
        // New nodes: the fields in them, and whatever their text labels. The parent itself
        // only matters as text around a field, never as a reason to re-read all it holds.
        for (const n of Array.from(r.addedNodes)) {
          if (n.nodeType === 1) for (const f of fieldsUnder(n as Element)) dirty.add(f);
          related(n, dirty);
        }
        if (r.removedNodes.length) related(r.target, dirty);
      } else related(r.target, dirty);
    }
    if (!dirty.size) return;
    const labels = indexLabels(labelScope(root));
    for (const el of dirty) consider(el, labels);
  }

  function onInput(e: Event): void {
    const el = (e.composedPath?.()[0] ?? e.target) as Element | null;
    if (el && el.nodeType === 1) luhn(el);
  }

  return {
    markAll,
    markAllInSlices,
    observe() {
      if (disposed || observer) return;
      observer = new MutationObserver(onMutations);
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: WATCHED });
      root.addEventListener('input', onInput, true);
    },
    marks: () => ours,
    dispose() {
      if (disposed) return;
      disposed = true;
      observer?.disconnect();
      root.removeEventListener('input', onInput, true);
      for (const [el, m] of ours) if (el.getAttribute(MASK_ATTRIBUTE) === m.category) el.removeAttribute(MASK_ATTRIBUTE);
      ours.clear();
    },
  };
}
