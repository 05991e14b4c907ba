import { CobrowseConfigError } from '../shared/config-error';
import { checkObject, describe, optColor, optOneOf } from '../shared/validate';

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
// Every field of CobrowseTheme, once; the type makes a field added to the interface but not here a compile error.
const FIELDS: { [K in keyof Required<CobrowseTheme>]: true } = {
  mode: true, primary: true, onPrimary: true, surface: true, text: true, muted: true, danger: true,
  radius: true, fontFamily: true, position: true, offset: true, zIndex: true,
};
const LENGTH = /^\d*\.?\d+(px|rem|em|%|vw|vh)?$/;
// Font names: letters, digits, spaces, dots and dashes, optionally quoted; nothing that could end a declaration.
const FONT = /^\s*(["']?)[\p{L}\d .-]+\1\s*$/u;

/** Validates a theme object; throws CobrowseConfigError naming the bad field. */
export function validateTheme(value: unknown, path: string): ResolvedTheme {
  const o = value === undefined ? {} : checkObject(value, path, Object.keys(FIELDS));
  const t = {
    mode: optOneOf(o.mode, `${path}.mode`, ['light', 'dark', 'auto'] as const) ?? 'auto',
    position: optOneOf(o.position, `${path}.position`, ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const) ?? DEFAULT_POSITION,
  } as ResolvedTheme & Record<string, string>;
  const set = (k: string, v: string | number | undefined): void => {
    if (v !== undefined) t[k] = String(v);
  };
  for (const c of THEME_COLORS) set(c, optColor(o[c], `${path}.${c}`));
  for (const k of ['radius', 'offset']) {
    const v = o[k];
    if (v !== undefined && !(typeof v === 'number' ? v >= 0 && v <= 400 : typeof v === 'string' && LENGTH.test(v))) {
      throw new CobrowseConfigError(`${path}.${k}`, `expected pixels (a number from 0 to 400) or a CSS length such as "12px" or "1rem", got ${describe(v)}.`);
    }
    // Bare numbers (and numeric strings from data-* attributes) are pixels.
    set(k, v === undefined ? v : /\d$/.test(String(v)) ? `${v}px` : (v as string));
  }
  // A number, or a numeric string (data-theme-z-index); not Number(anything): null, true, [] and "" are not 0 or 1.
  const zi = o.zIndex;
  const z = zi === undefined ? undefined : typeof zi === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(zi) ? Number(zi) : zi;
  if (z !== undefined && (typeof z !== 'number' || !Number.isFinite(z) || z < 0 || z > 2147483647)) {
    throw new CobrowseConfigError(`${path}.zIndex`, `expected a number from 0 to 2147483647, got ${describe(zi)}.`);
  }
  set('zIndex', z === undefined ? z : Math.round(z as number));
  const font = o.fontFamily;
  if (font !== undefined && (typeof font !== 'string' || font.length > 300 || !font.split(',').every((f) => FONT.test(f)))) {
    throw new CobrowseConfigError(`${path}.fontFamily`, `expected a font stack such as "Inter, 'Helvetica Neue', sans-serif", got ${describe(font)}.`);
  }
  set('fontFamily', font as string | undefined);
  return t;
}
