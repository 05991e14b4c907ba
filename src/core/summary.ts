import type { MaskingPreset } from '../masking/types';

/** Why a session ended, as far as the widget can tell ('time-limit': the site's `maxDurationMinutes` ran out). */
export type EndReason = 'customer' | 'agent' | 'timeout' | 'time-limit' | 'unknown';

/** A category of hidden fields: a masking preset, or 'other' for the site's own selectors and marked elements. */
export type HiddenCategory = MaskingPreset | 'other';

/**
 * What happened in one session: the visitor's receipt and the site's record of consent.
 * It holds times, names and counts only: never a field value, a PIN or a token.
 */
export interface CobrowseSessionSummary {
  /** When sharing began: the first PIN (epoch ms). */
  startedAt: number;
  /** When the session ended (epoch ms). */
  endedAt: number;
  /** `endedAt - startedAt`. */
  durationMs: number;
  /** Why it ended. */
  reason: EndReason;
  /** Each agent who viewed, in order of joining: the name Zoom gave, or null for an agent it did not name. */
  agents: Array<string | null>;
  /** How long remote assist was on, in total (0: never). */
  remoteAssistMs: number;
  /** How many fields stayed hidden from the agent, by category (categories with none are left out). */
  hidden: Partial<Record<HiddenCategory, number>>;
  /** How many times the visitor chose to keep sharing past the time limit. */
  extensions: number;
}

/** What the engine tracks while a session runs; kept with the recovery marker so a refresh loses none of it. */
export interface SessionLog {
  agents: Array<string | null>;
  /** Remote assist time already counted (ms). */
  assistMs: number;
  /** When remote assist was last turned on, while it is on (epoch ms). */
  assistSince: number | null;
  hidden: Partial<Record<HiddenCategory, number>>;
}

/** How much a press of "Keep sharing for 10 more minutes" adds. */
export const EXTEND_MS = 10 * 60_000;

/** When the countdown to the time limit appears in the active view. */
export const LIMIT_WARNING_MS = 2 * 60_000;

/** When the site's time limit ends the session (epoch ms), or null without a limit or before sharing began. */
export function limitEndsAt(s: { startedAt: number | null; extensions: number }, maxMinutes: number | undefined): number | null {
  return maxMinutes && s.startedAt !== null ? s.startedAt + maxMinutes * 60_000 + s.extensions * EXTEND_MS : null;
}

/** A log for a session that has just begun. */
export const newLog = (): SessionLog => ({ agents: [], assistMs: 0, assistSince: null, hidden: {} });

/** Records an agent joining; the same agent rejoining (after a reconnect or a refresh) is listed once. */
export function logAgent(log: SessionLog, name: string | null): void {
  if (!log.agents.includes(name)) log.agents.push(name);
}

/** Records remote assist turning on or off at `now`. */
export function logAssist(log: SessionLog, on: boolean, now: number): void {
  if (on) log.assistSince ??= now;
  else if (log.assistSince !== null) {
    log.assistMs += Math.max(0, now - log.assistSince);
    log.assistSince = null;
  }
}

/** Keeps the largest count seen per category: the session may cross several pages. */
export function logHidden(log: SessionLog, counts: Partial<Record<HiddenCategory, number>>): void {
  for (const [k, n] of Object.entries(counts) as Array<[HiddenCategory, number]>) log.hidden[k] = Math.max(log.hidden[k] ?? 0, n);
}

/** The summary of a session that ends at `now`. */
export function summarize(log: SessionLog, s: { startedAt: number | null; extensions: number }, reason: EndReason, now: number): CobrowseSessionSummary {
  const startedAt = s.startedAt ?? now;
  const open = log.assistSince === null ? 0 : Math.max(0, now - log.assistSince);
  return {
    startedAt,
    endedAt: now,
    durationMs: Math.max(0, now - startedAt),
    reason,
    agents: [...log.agents],
    remoteAssistMs: log.assistMs + open,
    hidden: { ...log.hidden },
    extensions: s.extensions,
  };
}
