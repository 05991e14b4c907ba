import { CobrowseConfigError } from '../shared/config-error';
import { checkObject, describe, isPlainObject, optBoolean, optOneOf, optString } from '../shared/validate';
import type { CobrowseLabels } from '../i18n/translator';
import { validateLabels, validateLocale } from './labels';
import { validateTheme, type CobrowseTheme, type ResolvedTheme } from './theme';

/** Icon on the launcher button. */
export type LauncherIcon = 'help' | 'chat' | 'headset' | 'none';

/** The launcher button's text and icon. */
export interface CobrowseLauncherOptions {
  /** Button text (same as `labels.launcher`). @default 'Get help' in the widget's language */
  label?: string;
  /** @default 'help' */
  icon?: LauncherIcon;
}

/** The config fields that shape what the visitor sees (part of CobrowseConfig). */
export interface CobrowseUiConfig {
  /** Colours, shape, font and placement; see the README (Theming) for every token. */
  theme?: CobrowseTheme;
  /** The built-in launcher: `true`, its label/icon, or `false` to open the widget from your own `data-zoom-cobrowse-open` elements or `widget.open()`. @default true */
  launcher?: boolean | CobrowseLauncherOptions;
  /** Language: 'auto' (the browser's preference list) or a tag such as "fr" or "pt-BR". @default 'auto' */
  locale?: string;
  /** Replaces any built-in string, e.g. `{ launcher: 'Talk to us' }`; shown as text, never as HTML. */
  labels?: CobrowseLabels;
  /** Link to your privacy page, shown in the consent step (http(s) or relative URL). */
  privacyUrl?: string;
}

/** The UI config after validation and defaults. */
export interface ResolvedUiConfig {
  theme: ResolvedTheme;
  /** Whether the built-in launcher is shown. */
  launcher: boolean;
  launcherIcon: LauncherIcon;
  locale: string;
  /** Site labels, with `launcher.label` folded in. */
  labels: CobrowseLabels;
  privacyUrl: string | undefined;
}

function privacyUrl(value: unknown): string | undefined {
  if (value === undefined) return value;
  let ok = false;
  try {
    // Parsed like the browser will (it strips leading control characters): web URLs only, never javascript: or data:.
    ok = typeof value === 'string' && /^https?:$/.test(new URL(value, 'https://relative.invalid/').protocol);
  } catch {
    /* not a URL */
  }
  if (!ok) throw new CobrowseConfigError('privacyUrl', `expected an http(s) or relative URL, got ${describe(value)}.`);
  return value as string;
}

/** Receives a mistake in a cosmetic field, which then keeps its default. */
export type CosmeticErrorReporter = (error: CobrowseConfigError) => void;

/**
 * Runs a cosmetic field's validator. Without a reporter a mistake throws like any other;
 * with one it is reported and the offending part dropped (`theme.primary` alone, or the
 * whole field), so a bad colour or label costs the visitor nothing but the site's styling.
 */
function lenient<T>(validate: (value: unknown) => T, value: unknown, path: string, report: CosmeticErrorReporter | undefined): T {
  let v = value;
  // Each round drops one part, so this ends; the bound only guards against a validator that misreports.
  for (let round = 0; ; round++) {
    try {
      return validate(v);
    } catch (err) {
      if (!report || !(err instanceof CobrowseConfigError) || round > 64) throw err;
      report(err);
      const part = err.field.startsWith(`${path}.`) ? err.field.slice(path.length + 1).split(/[.[]/)[0]! : undefined;
      if (part !== undefined && isPlainObject(v) && part in v) {
        const rest: Record<string, unknown> = { ...v };
        delete rest[part];
        v = rest;
      } else v = undefined;
    }
  }
}

/**
 * Validates the UI fields of a config object (the caller has checked the top-level keys).
 * Every one of them is cosmetic: with `report`, a mistake falls back to the default.
 */
export function resolveUiConfig(c: Record<string, unknown>, report?: CosmeticErrorReporter): ResolvedUiConfig {
  const l = c.launcher;
  const lo = lenient((v) => (typeof v === 'object' ? checkObject(v, 'launcher', ['label', 'icon']) : {}), l, 'launcher', report);
  const labels = lenient((v) => validateLabels(v, 'labels'), c.labels, 'labels', report);
  const label = lenient((v) => optString(v, 'launcher.label'), lo.label, 'launcher.label', report);
  return {
    theme: lenient((v) => validateTheme(v, 'theme'), c.theme, 'theme', report),
    launcher: typeof l === 'object' || (lenient((v) => optBoolean(v, 'launcher'), l, 'launcher', report) ?? true),
    launcherIcon: lenient((v) => optOneOf(v, 'launcher.icon', ['help', 'chat', 'headset', 'none'] as const), lo.icon, 'launcher.icon', report) ?? 'help',
    locale: lenient((v) => validateLocale(v, 'locale'), c.locale, 'locale', report),
    labels: label && !labels.launcher ? { ...labels, launcher: label } : labels,
    privacyUrl: lenient(privacyUrl, c.privacyUrl, 'privacyUrl', report),
  };
}
