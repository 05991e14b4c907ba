import { LOG_PREFIX } from '../shared/config-error';
import type { SdkSettings } from './adapter';

/**
 * Settings that mean less on today's Zoom builds than a site owner would think,
 * and the console line that says so (docs/zoom-sdk.md, "Settings" and "Loading").
 * Each line is written once per page: a widget re-created by a framework must
 * not repeat it.
 */

/** `major.minor` of a pinned SDK version (`2.10.1`, `3.6.x`); undefined when unpinned or unreadable. */
export function parseSdkVersion(version: string | undefined): { major: number; minor: number } | undefined {
  const m = version ? /^(\d+)\.(\d+)/.exec(version.trim()) : null;
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** True when `version` is a pinned build older than `major.minor`; false when unpinned (Zoom serves its newest). */
export function isVersionBefore(version: string | undefined, major: number, minor: number): boolean {
  const v = parseSdkVersion(version);
  return v !== undefined && (v.major < major || (v.major === major && v.minor < minor));
}

/** The console lines these settings deserve; `version` is the pinned CDN build, if any. */
export function settingsWarnings(settings: SdkSettings, version?: string): string[] {
  const out: string[] = [];
  if (settings.annotations?.agent !== undefined && !isVersionBefore(version, 2, 11)) {
    out.push(
      `${LOG_PREFIX} annotations.agent has no effect on Zoom's Web SDK 2.11 and later: whether the agent may draw is now set on the agent side ` +
        "(the agent desk, or enableAgentAnnotation in Zoom's agent SDK). Set it there and remove annotations.agent; " +
        'it is still sent for builds before 2.11 (sdk.version).',
    );
  }
  if (settings.multiTab?.enabled && settings.build === 'npm') {
    out.push(
      `${LOG_PREFIX} multiTab with sdk.module: Zoom documented multi-tab persistence for its CDN build only (a dated post; a newer npm sample enables it). ` +
        'The widget sends it anyway; open a second tab during a test session to check it resumes, or set multiTab: false.',
    );
  }
  return out;
}

const warned = new Set<string>();

/** Writes `message` with `logger.warn` unless this page has already seen it. */
export function warnOnce(logger: Pick<Console, 'warn'>, message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  logger.warn(message);
}

/** Forgets which lines were written (tests). */
export function _resetWarnings(): void {
  warned.clear();
}
