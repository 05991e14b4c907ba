/**
 * zoom-cobrowse-widget: an embeddable co-browsing widget for the Zoom Cobrowse
 * customer SDK. Importing this module touches no `window` or `document`; only
 * `createCobrowseWidget` does.
 */
export { createCobrowseWidget, getCobrowseWidget, preloadPanel, CobrowseWidgetExistsError, OPEN_ATTRIBUTE } from './widget';
export type { CobrowseWidget } from './widget';
export { createCobrowseController, AGENT_WAIT_MS } from './core/controller';
export type { CobrowseController, CobrowseEvents, ControllerDeps, Clock } from './core/controller';
export { resolveConfig, DEFAULT_CONFIG } from './config/config';
export type {
  CobrowseConfig,
  CobrowseTheme,
  CobrowseSdkConfig,
  CobrowseRemoteAssistConfig,
  CobrowseAnnotationsConfig,
  CobrowseLauncherOptions,
  CobrowseLabels,
  LauncherIcon,
  ThemeMode,
  TokenFunction,
  TokenRequest,
  WidgetPosition,
  ResolvedConfig,
} from './config/config';
export type { PluralForms, StringKey } from './i18n/translator';
export { CobrowseConfigError } from './shared/config-error';
export { ERROR_TABLE } from './shared/errors';
export type { CobrowseError, CobrowseErrorCode } from './shared/errors';
export type { CobrowseSnapshot, CobrowseState, EndReason } from './core/machine';
export type { CobrowseSessionSummary, HiddenCategory } from './core/events';
export { sdkCdnUrl } from './sdk/loader';
export type { ZoomCobrowseSDK } from './sdk/types';
export { auditMasking, reportMaskingAudit, compileMasking, isMasked, maskedCategories, MASK_ATTRIBUTE, MASKING_PRESETS, DEFAULT_MASKING_PRESETS } from './masking-tools';
export type { MaskingConfig, MaskingPreset, MaskingAuditFinding, CompiledMasking } from './masking-tools';

/** The package version. */
export const version: string = __VERSION__;
