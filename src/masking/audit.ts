import { LOG_PREFIX } from '../shared/config-error';
import { classifyField, FIELD_SELECTOR, fieldsUnder, indexLabels, labelScope, type LabelIndex } from './classify';
import { compileRules, isMasked, MASK_ATTRIBUTE } from './compile';
import { cssPath } from './css-path';
import type { MaskingAuditFinding, MaskingConfig, MaskingPreset } from './types';

// Other tools' "do not record" markers: the site owner already said these are private.
const MARKERS = [
  '.fs-mask', '.fs-exclude', '.rr-mask', '.rr-block', '.ph-no-capture', '.sentry-mask', '.sentry-block', '._lr-hide',
  '[data-private]', '[data-hj-suppress]', '[data-dd-privacy="mask"]', '[data-dd-privacy="hidden"]', '[data-sl="mask"]',
];

/**
 * The audit's verdict on one element: the classifier's category (the same one the marker
 * and the consent text use), or 'unknown' when only another tool's privacy marker says it
 * is private.
 */
function judge(el: Element, labels: LabelIndex): [MaskingAuditFinding['category'], string] | undefined {
  const { category, evidence } = classifyField(el, { labels });
  if (category) return [category, evidence[0]!];
  // Hidden inputs, buttons and choices hold nothing to mask, whatever marker they sit in.
  return /^never sensitive/.test(evidence[0] ?? '') ? undefined : markerOnly(el);
}

/** Another tool's privacy marker on the element or an ancestor. */
function markerOnly(el: Element): [MaskingAuditFinding['category'], string] | undefined {
  for (const marker of MARKERS) {
    const owner = el.closest(marker);
    if (owner) return ['unknown', `marked private for another tool (${marker}${owner === el ? '' : ' on an ancestor'})`];
  }
  return undefined;
}

/**
 * Lists fields under `root` that look sensitive (the classifier's verdict: input type,
 * autocomplete, label text, name/id …; or another tool's privacy marker) but that the
 * masking config leaves visible to the agent. `config` is the widget's validated `masking`
 * value (src/config/masking.ts); `false` means nothing is masked. The public
 * `auditMasking` validates first.
 */
export function auditFields(root?: ParentNode, config?: MaskingConfig | false): MaskingAuditFinding[] {
  const scope = root ?? (typeof document === 'undefined' ? undefined : document);
  if (!scope) return [];
  const compiled = compileRules(config);
  const labels = indexLabels(labelScope(scope));
  const fields = fieldsUnder(scope);
  const isField = new Set(fields);
  // Marked text (e.g. a <span data-private> showing an account number), unless it is just a form wrapper.
  const marked = Array.from(scope.querySelectorAll(MARKERS.join(','))).filter((el) => !el.matches(FIELD_SELECTOR) && !el.querySelector(FIELD_SELECTOR));
  const findings: MaskingAuditFinding[] = [];
  for (const element of [...fields, ...marked]) {
    if (isMasked(element, compiled)) continue;
    const hit = isField.has(element) ? judge(element, labels) : markerOnly(element);
    if (hit) findings.push({ element, category: hit[0], reason: hit[1], selector: cssPath(element) });
  }
  return findings;
}

/** Writes the findings as one collapsed console group that says how to mask each field. */
export function reportMaskingAudit(findings: MaskingAuditFinding[], logger: Pick<Console, 'groupCollapsed' | 'groupEnd' | 'warn'> = console): void {
  if (!findings.length) return;
  const n = findings.length;
  logger.groupCollapsed(`${LOG_PREFIX} Masking audit: ${n} sensitive-looking field${n === 1 ? ' is' : 's are'} not masked, so the support agent would see ${n === 1 ? 'it' : 'them'}.`);
  for (const f of findings) logger.warn(`${LOG_PREFIX} ${f.category}: ${f.selector} (${f.reason})`, f.element);
  const presets = [...new Set(findings.map((f) => f.category))].filter((c): c is MaskingPreset => c !== 'unknown');
  const add = presets.length ? `add ${presets.map((p) => `"${p}"`).join(', ')} to masking.presets, ` : '';
  logger.warn(
    `${LOG_PREFIX} To hide them: ${add}list their selectors in masking.selectors (e.g. ${JSON.stringify(findings[0]!.selector)}), ` +
      `or put the ${MASK_ATTRIBUTE} attribute on each field or a container. Run auditMasking() in the console to check again.`,
  );
  logger.groupEnd();
}
