/** A named group of sensitive fields the widget knows how to find. */
export type MaskingPreset = 'payment' | 'credentials' | 'identity' | 'contact' | 'address' | 'banking';

/** The `masking` part of the widget config. `false` (not this object) turns masking off. */
export interface MaskingConfig {
  /** Named presets to mask. @default ['payment','credentials'] */
  presets?: MaskingPreset[];
  /** Extra CSS selectors that are always masked. */
  selectors?: string[];
  /** 'custom' masks what presets/selectors match; 'all-inputs' masks every field (inputs, textareas, selects, editable regions). @default 'custom' */
  maskType?: 'custom' | 'all-inputs';
  /** Refuse to start sharing while the audit finds unmasked sensitive fields. @default false */
  strict?: boolean;
  /** Outline/badge masked fields for the visitor during a session. @default true */
  highlight?: boolean | { label?: string; color?: string };
}

/** Masking rules in the widget's own vocabulary; src/sdk turns this into the SDK's settings. */
export interface CompiledMasking {
  /** 'custom': mask what `selectors` match. 'all-inputs': `selectors` also hold every field kind (ALL_FIELD_SELECTORS). */
  mode: 'custom' | 'all-inputs';
  /** Flat CSS selectors, none containing a comma, so they can be joined with ',' and split again. */
  selectors: string[];
  /** The presets that were asked for, deduplicated. */
  presets: MaskingPreset[];
  /** The categories hidden from the agent, in display order, for the consent text (all of them in 'all-inputs' mode). */
  categories: MaskingPreset[];
}

/** One field the audit thinks is sensitive but that no masking rule covers. */
export interface MaskingAuditFinding {
  /** The unmasked element. */
  element: Element;
  /** What it looks like; 'unknown' when only another tool's privacy marker gave it away. */
  category: MaskingPreset | 'unknown';
  /** Why it looks sensitive, e.g. `autocomplete="cc-number"` or `label text "Card number"`. */
  reason: string;
  /** A short CSS path to find it (and to paste into `masking.selectors`). */
  selector: string;
}

/** The audit's two functions, however they were loaded. */
export interface MaskingAuditModule {
  /** Audits against an already validated masking config. */
  auditFields(root?: ParentNode, config?: MaskingConfig | false): MaskingAuditFinding[];
  reportMaskingAudit(findings: MaskingAuditFinding[], logger?: Pick<Console, 'groupCollapsed' | 'groupEnd' | 'warn'>): void;
}
