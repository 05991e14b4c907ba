import { CobrowseConfigError } from '../shared/config-error';
import { checkObject, isPlainObject, optBoolean, optOneOf, optString, optWebUrl } from '../shared/validate';
import type { CobrowseLabels } from '../i18n/translator';
import { validateLabels, validateLocale } from './labels';
import { validateTheme, type CobrowseTheme, type ResolvedTheme } from './theme';

/** The launcher icons, `none` for a text-only button. */
export const LAUNCHER_ICONS = ['help', 'chat', 'headset', 'none'] as const;
/** Icon on the launcher button. */
export type LauncherIcon = (typeof LAUNCHER_ICONS)[number];

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
  /** Your site's name in the scam warning under the PIN ("Only read this PIN to {site} support …"). @default the page's host name without "www." */
  siteName?: string;
  /** The scam warning under the PIN; `false` turns it off. @default true */
  pinNotice?: boolean;
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
  /** undefined: the page's host name, read when the widget mounts. */
  siteName: string | undefined;
  pinNotice: boolean;
}

/** Receives a mistake in a cosmetic field, which then keeps its default. */
export type CosmeticErrorReporter = (error: CobrowseConfigError) => void;

/**
 * Validates the UI fields of a config object (the caller has checked the top-level keys).
 * Every one of them is cosmetic. Without `report` a mistake throws like any other; with it,
 * the mistake is reported and the offending part dropped (`theme.primary` alone, or the
 * whole field), so a bad colour or label costs the visitor nothing but the site's styling.
 */
export function resolveUiConfig(c: Record<string, unknown>, report?: CosmeticErrorReporter): ResolvedUiConfig {
  // Each round drops one part, so this ends.
  for (;;) {
    try {
      return uiFields(c);
    } catch (err) {
      const path = err instanceof CobrowseConfigError ? err.field.split(/[.[]/) : [];
      // Only a mistake in a field that is there can be dropped (anything else would loop).
      if (!report || !(path[0]! in c)) throw err;
      report(err as CobrowseConfigError);
      c = without(c, path);
    }
  }
}

/** A copy of `o` without the value at `path` (['theme', 'primary']); a path that isn't there drops its first step. */
function without(o: Record<string, unknown>, [key, ...rest]: string[]): Record<string, unknown> {
  const copy = { ...o };
  const inner = copy[key!];
  if (rest.length && isPlainObject(inner) && rest[0]! in inner) copy[key!] = without(inner, rest);
  else delete copy[key!];
  return copy;
}

function uiFields(c: Record<string, unknown>): ResolvedUiConfig {
  const l = c.launcher;
  const lo = typeof l === 'object' ? checkObject(l, 'launcher', ['label', 'icon']) : {};
  const labels = validateLabels(c.labels, 'labels');
  const label = optString(lo.label, 'launcher.label');
  return {
    theme: validateTheme(c.theme, 'theme'),
    launcher: typeof l === 'object' || (optBoolean(l, 'launcher') ?? true),
    launcherIcon: optOneOf(lo.icon, 'launcher.icon', LAUNCHER_ICONS) ?? 'help',
    locale: validateLocale(c.locale, 'locale'),
    labels: label && !labels.launcher ? { ...labels, launcher: label } : labels,
    privacyUrl: optWebUrl(c.privacyUrl, 'privacyUrl'),
    siteName: optString(c.siteName, 'siteName'),
    pinNotice: optBoolean(c.pinNotice, 'pinNotice') ?? true,
  };
}
