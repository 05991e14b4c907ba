import { CobrowseConfigError } from '../shared/config-error';
import { checkObject, describe, isCssColor, isPlainObject } from '../shared/validate';

/** Corner of the viewport the launcher and panel sit in. */
export type WidgetPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Light, dark, or follow the visitor's system setting. */
export type ThemeMode = 'light' | 'dark' | 'auto';

/**
 * Look of the widget. Every value is validated (colours as CSS colours,
 * lengths as lengths) and becomes a `--zcw-*` custom property on the widget's
 * host element; nothing is pasted into CSS text. Defaults: styles.css `:host`.
 */
export interface CobrowseTheme {
  /** Light, dark, or follow the visitor's `prefers-color-scheme`. @default 'auto' */
  mode?: ThemeMode;
  /** Brand colour: launcher, primary buttons. @default '#0b5cff' */
  primary?: string;
  /** Text on the brand colour. @default '#ffffff' */
  onPrimary?: string;
  /** Panel background. @default '#ffffff' (dark: '#1b1f24') */
  surface?: string;
  /** Main text. @default '#1f2328' (dark: '#e8ecf1') */
  text?: string;
  /** Secondary text. @default '#59636e' (dark: '#a3acb9') */
  muted?: string;
  /** Errors and "End session". @default '#c62828' (dark: '#ff8a80') */
  danger?: string;
  /** Corner radius of the panel (buttons use 60% of it): px number or CSS length. @default 14 */
  radius?: number | string;
  /** Font stack of the widget. @default the system UI font */
  fontFamily?: string;
  /** Corner of the viewport. @default 'bottom-right' */
  position?: WidgetPosition;
  /** Distance from the viewport edges: px number or CSS length. @default 20 */
  offset?: number | string;
  /** z-index where the browser has no top layer (popover) support. @default 2147483647 */
  zIndex?: number;
}

/** A theme field that becomes a `--zcw-*` custom property (all but `mode` and `position`). */
export type ThemeToken = Exclude<keyof CobrowseTheme, 'mode' | 'position'>;

/** A validated theme: the fields given, normalised to CSS values (lengths in px, z-index as text). */
export type ResolvedTheme = { mode: ThemeMode; position: WidgetPosition } & { [K in ThemeToken]?: string };

/** The default corner. */
export const DEFAULT_POSITION: WidgetPosition = 'bottom-right';
/** The colour fields: validated as CSS colours, and checked for contrast when a site sets any. */
export const THEME_COLORS = ['primary', 'onPrimary', 'surface', 'text', 'muted', 'danger'] as const satisfies readonly ThemeToken[];
const MODES = ['light', 'dark', 'auto'] as const;
const POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
const LENGTH = /^\d*\.?\d+(px|rem|em|%|vw|vh)?$/;
// Font names: letters, digits, spaces, dots and dashes, optionally quoted; nothing that could end a declaration.
const FONT = /^\s*(["']?)[\p{L}\d .-]+\1\s*$/u;

const oneOf = (list: readonly string[]) => (v: unknown) => (typeof v === 'string' && list.includes(v) ? v : undefined);
const color = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() && isCssColor(v) ? v.trim() : undefined);
// Bare numbers (and numeric strings from data-* attributes) are pixels.
const length = (v: unknown): string | undefined =>
  (typeof v === 'number' ? v >= 0 && v <= 400 : typeof v === 'string' && LENGTH.test(v)) ? (/\d$/.test(String(v)) ? `${v}px` : (v as string)) : undefined;
// A number, or a numeric string (data-theme-z-index); not Number(anything): null, true, [] and "" are not 0 or 1.
const zIndex = (v: unknown): string | undefined => {
  const z = typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
  return typeof z === 'number' && Number.isFinite(z) && z >= 0 && z <= 2147483647 ? String(Math.round(z)) : undefined;
};
const font = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 300 && v.split(',').every((f) => FONT.test(f)) ? v : undefined);

/**
 * Every field of CobrowseTheme, once, with its rule: the CSS value it becomes, or undefined
 * when the value is not acceptable. The type makes a field added to the interface but not here a compile error.
 */
const RULES: { [K in keyof Required<CobrowseTheme>]: (v: unknown) => string | undefined } = {
  mode: oneOf(MODES), primary: color, onPrimary: color, surface: color, text: color, muted: color, danger: color,
  radius: length, fontFamily: font, position: oneOf(POSITIONS), offset: length, zIndex,
};

/** How a refused value of each kind of field is explained (validateTheme only). */
function problem(field: string, value: unknown): string {
  if (field === 'mode' || field === 'position') return `expected one of ${(field === 'mode' ? MODES : POSITIONS).map((o) => `"${o}"`).join(', ')}, got ${describe(value)}.`;
  if (field === 'radius' || field === 'offset') return `expected pixels (a number from 0 to 400) or a CSS length such as "12px" or "1rem", got ${describe(value)}.`;
  if (field === 'zIndex') return `expected a number from 0 to 2147483647, got ${describe(value)}.`;
  if (field === 'fontFamily') return `expected a font stack such as "Inter, 'Helvetica Neue', sans-serif", got ${describe(value)}.`;
  return typeof value === 'string' && value.trim()
    ? `${describe(value.trim())} is not a CSS colour. Use a value such as "#0b5cff", "rgb(11 92 255)" or "rebeccapurple".`
    : `expected a CSS colour such as "#0b5cff" or "rgb(11 92 255)", got ${describe(value)}.`;
}

/**
 * Reads a theme by the same rules as validateTheme, without messages: each acceptable field is
 * kept, and every other one (unknown, or a value the rules refuse) is listed in `refused` and
 * keeps its default. The script tag's launcher paints with this; the panel's validator explains.
 */
export function readTheme(value: unknown): { theme: ResolvedTheme; refused: string[] } {
  const theme = { mode: 'auto', position: DEFAULT_POSITION } as ResolvedTheme & Record<string, string>;
  const refused: string[] = [];
  if (value === undefined) return { theme, refused };
  if (!isPlainObject(value)) return { theme, refused: ['(theme)'] };
  for (const [k, v] of Object.entries(value)) {
    const known = Object.prototype.hasOwnProperty.call(RULES, k);
    // A field left undefined is left out; an unknown name is refused whatever its value, as the validator does.
    if (known && v === undefined) continue;
    const css = known ? RULES[k as keyof CobrowseTheme](v) : undefined;
    if (css === undefined) refused.push(k);
    else theme[k] = css;
  }
  return { theme, refused };
}

/** Validates a theme object; throws CobrowseConfigError naming the bad field. */
export function validateTheme(value: unknown, path: string): ResolvedTheme {
  checkObject(value === undefined ? {} : value, path, Object.keys(RULES));
  const { theme, refused } = readTheme(value);
  // In the interface's order, so the first mistake named is the same whatever order the object was written in.
  const first = Object.keys(RULES).find((k) => refused.includes(k));
  if (first) throw new CobrowseConfigError(`${path}.${first}`, problem(first, (value as Record<string, unknown>)[first]));
  return theme;
}
