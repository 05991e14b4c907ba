/**
 * The masking audit for a site's own end-to-end tests and CI: runs `auditMasking` inside a
 * page driven by Playwright (or anything with `evaluate(string)`, such as Puppeteer) and
 * brings the findings back as plain objects, since elements cannot leave the page.
 *
 * The audit goes in as one evaluated expression rather than a `<script>` element: a page
 * with a strict Content-Security-Policy would block an inline script, but not the test
 * driver's own evaluation, and the page is left without an extra global.
 */
import { LOG_PREFIX } from '../shared/config-error';
import { MASK_ATTRIBUTE } from '../masking/compile';
import { MASKING_PRESETS, maskedCategories } from '../masking/names';
import type { MaskingAuditFinding, MaskingConfig, MaskingPreset } from '../masking/types';
import { validateMaskingConfig } from '../config/masking';

/** A page the audit can run in: Playwright's `Page` or `Frame`, Puppeteer's `Page`. */
export interface AuditablePage {
  /** Evaluates a JavaScript expression in the page and resolves with its value. */
  evaluate(expression: string): Promise<unknown>;
  /** The page's address, named in the error `expectNoUnmaskedFields` throws. */
  url?(): string;
}

/** What to check the page against. */
export interface MaskingAuditOptions {
  /**
   * The widget's `masking` value (an object, `false`, or a list of presets) or the script
   * tag's `data-masking` string, e.g. `"default,identity"`. @default the widget's defaults (payment, credentials)
   */
  masking?: MaskingConfig | false | readonly MaskingPreset[] | string;
  /** CSS selector of the part of the page to check, e.g. `"#checkout"`. @default the whole document */
  root?: string;
}

/** A sensitive-looking field that no masking rule covers, as plain data. */
export interface PageMaskingFinding {
  /** A short CSS path to the field, to paste into `masking.selectors`. */
  selector: string;
  /** What it looks like: a preset name, or `'unknown'` when only another tool's privacy marker gave it away. */
  category: MaskingAuditFinding['category'];
  /** Why it looks sensitive, e.g. `label text "Card number"` or `autocomplete="cc-number"`. */
  reason: string;
}

/**
 * The audit as one JavaScript expression that evaluates, in a page, to the findings as
 * plain objects. For drivers other than Playwright and Puppeteer (e.g. Selenium's
 * `executeScript("return " + script)`). Throws `CobrowseConfigError` for a bad `masking` value.
 */
export async function maskingAuditScript(options: MaskingAuditOptions = {}): Promise<string> {
  const masking = validateMaskingConfig(options.masking);
  const { root } = options;
  if (root !== undefined && (typeof root !== 'string' || !root.trim())) {
    throw new TypeError(`${LOG_PREFIX} The audit's "root" option must be a CSS selector string like "#checkout"; leave it out to check the whole page.`);
  }
  // A separate chunk: browsers that load the testing entry for the fake SDK never fetch it.
  const { default: source } = await import('./audit-script');
  if (!source) {
    throw new Error(`${LOG_PREFIX} The masking audit script is added by the package build. Import zoom-cobrowse-widget/testing from the built package (run "npm run build" in a clone of the repository).`);
  }
  const scope =
    root === undefined
      ? 'document'
      : `(document.querySelector(${JSON.stringify(root)}) || (() => { throw new Error(${JSON.stringify(`${LOG_PREFIX} The audit root ${JSON.stringify(root)} matches nothing on the page; wait for it to render or fix the selector.`)}); })())`;
  // `var ZoomCobrowseAudit` stays local to the arrow function, so the page gets no global.
  return `(() => {\n${source}\n;return ZoomCobrowseAudit.auditMasking(${scope}, ${JSON.stringify(masking)}).map((f) => ({ selector: f.selector, category: f.category, reason: f.reason }));\n})()`;
}

/**
 * Runs the masking audit in `page` (Playwright's `Page`, after it has loaded) and resolves
 * with every sensitive-looking field the given masking leaves visible to the agent.
 */
export async function auditPageMasking(page: AuditablePage, options: MaskingAuditOptions = {}): Promise<PageMaskingFinding[]> {
  const result = await page.evaluate(await maskingAuditScript(options));
  if (!Array.isArray(result)) throw new Error(`${LOG_PREFIX} The masking audit returned ${typeof result} instead of a list; does the page replace Array.prototype.map?`);
  return result as PageMaskingFinding[];
}

/**
 * Like `auditPageMasking`, but rejects with a readable list of the unmasked fields and how
 * to mask them, so a test fails with the report in its message.
 */
export async function expectNoUnmaskedFields(page: AuditablePage, options: MaskingAuditOptions = {}): Promise<void> {
  const findings = await auditPageMasking(page, options);
  if (!findings.length) return;
  const url = typeof page.url === 'function' ? ` of ${page.url()}` : '';
  throw new Error(`${LOG_PREFIX} Masking audit${url}: ${formatMaskingFindings(findings, options.masking)}`);
}

/**
 * The findings as text: one line per field (category, selector, reason), then how to mask
 * them, naming the presets `masking` does not have yet. Used by `expectNoUnmaskedFields`
 * and the `zoom-cobrowse-widget audit` command.
 */
export function formatMaskingFindings(findings: readonly PageMaskingFinding[], masking?: MaskingAuditOptions['masking']): string {
  if (!findings.length) return 'no sensitive-looking field is left unmasked.';
  const config = validateMaskingConfig(masking);
  const n = findings.length;
  const width = Math.max(...findings.map((f) => f.category.length));
  const lines = [
    `${n} sensitive-looking field${n === 1 ? ' is' : 's are'} not masked, so a support agent would see ${n === 1 ? 'it' : 'them'}:`,
    ...findings.map((f) => `  ${f.category.padEnd(width)}  ${f.selector}  (${f.reason})`),
  ];
  const active = maskedCategories(config);
  const found = new Set<string>(findings.map((f) => f.category));
  const missing = MASKING_PRESETS.filter((p) => found.has(p) && !active.includes(p));
  // Fields a missing preset would not cover either: found by their label, or by another tool's marker.
  const rest = findings.filter((f) => !missing.includes(f.category as MaskingPreset));
  lines.push(config === false ? 'Masking is off (masking: false). To hide them:' : 'To hide them:');
  if (missing.length) {
    const attribute = [...active, ...missing, ...(config && config.strict ? ['strict'] : [])].join(',');
    lines.push(`  - add ${missing.map((p) => `"${p}"`).join(', ')} to masking.presets (on a script tag: data-masking="${attribute}")`);
  }
  if (rest.length) {
    const which = missing.length ? 'for the others, list' : 'list';
    lines.push(`  - ${which} their selectors in masking.selectors (e.g. ${JSON.stringify(rest[0]!.selector)}), or put the ${MASK_ATTRIBUTE} attribute on each field or a container`);
  }
  return lines.join('\n');
}
