import type { Clock, CobrowseController } from '../core/controller';
import type { CobrowseErrorCode } from '../shared/errors';
import type { CobrowseSnapshot } from '../core/machine';
import type { LauncherIcon } from '../config/ui';
import type { Translate } from '../i18n/translator';
import type { WidgetPosition } from '../config/theme';

/** Everything the UI renders from; mount.ts owns it and re-renders on every change. */
export interface UiProps {
  /** The controller's current snapshot. */
  s: CobrowseSnapshot;
  c: CobrowseController;
  t: Translate;
  /** Language of the strings in use (`lang` and `dir` of the root). */
  lang: string;
  dir: 'ltr' | 'rtl';
  position: WidgetPosition;
  launcher: boolean;
  icon: LauncherIcon;
  /** Masked categories to name in the consent step (preset names). */
  masked: readonly string[];
  privacyUrl: string | undefined;
  /** Translated error sentences by code (absent in English: the controller's sentences are English). */
  errors: Partial<Record<CobrowseErrorCode, string>> | undefined;
  clock: Clock;
  /** False while the visitor's language loads: nothing shows, so English never flashes first. */
  ready: boolean;
  /** Whether the panel is open (presentation, not session state). */
  open: boolean;
  /** Whether opening should take focus: yes when the visitor (or site code) opened it, or a question needs an answer. */
  grab: boolean;
  /** Whether "End session" is waiting for confirmation. */
  confirm: boolean;
  openPanel(): void;
  /** Closes (minimises) the panel; resets a finished or unanswered flow to idle. */
  close(): void;
  setConfirm(on: boolean): void;
  /** Starts over without asking for consent again (it was given this visit). */
  restart(): void;
  /** Whether the consent step can outline what stays hidden (masking on, outlines not turned off). */
  canPreview: boolean;
  /** Whether those outlines are showing. */
  preview: boolean;
  setPreview(on: boolean): void;
}
