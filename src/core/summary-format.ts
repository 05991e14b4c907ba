import type { StringKey, Translate } from '../i18n/translator';
import type { CobrowseSessionSummary } from './summary';

/** "3 minutes" (whole minutes, like the clock times beside it) or, under a minute, "40 seconds". */
const duration = (ms: number, t: Translate): string => (ms < 60_000 ? t('seconds', { n: Math.floor(ms / 1000) }) : t('minutes', { n: Math.floor(ms / 60_000) }));

/**
 * The summary as label/value rows, in the visitor's language: what the ended view lists
 * and what "Copy summary" copies. Remote assist has a row when the site allows it (or it was used).
 */
export function summaryRows(m: CobrowseSessionSummary, t: Translate, lang: string, assist: boolean): Array<[string, string]> {
  const when = (ms: number, date: boolean): string => new Intl.DateTimeFormat(lang, { ...(date ? { dateStyle: 'medium' } : {}), timeStyle: 'short' }).format(ms);
  const list = (items: string[], type?: 'unit'): string => new Intl.ListFormat(lang, { type }).format(items);
  const hidden = Object.entries(m.hidden);
  const rows: Array<[string, string]> = [
    [t('summaryStarted'), when(m.startedAt, true)],
    // Only the time when it ended the same day: the date is in the row above.
    [t('summaryEnded'), when(m.endedAt, new Date(m.startedAt).toDateString() !== new Date(m.endedAt).toDateString())],
    [t('summaryDuration'), duration(m.durationMs, t)],
    [t('summaryViewers'), m.agents.length ? list(m.agents.map((a) => a ?? t('summaryAgent'))) : t('summaryNobody')],
  ];
  if (assist || m.remoteAssistMs) rows.push([t('summaryAssist'), m.remoteAssistMs ? t('summaryAssistOn', { time: duration(m.remoteAssistMs, t) }) : t('summaryAssistOff')]);
  if (hidden.length) {
    // "unit" lists without "and": a category name may hold its own ("passwords and one-time codes").
    rows.push([t('summaryHidden'), list(hidden.map(([k, n]) => t('summaryLine', { label: t(`mask${k[0]!.toUpperCase()}${k.slice(1)}` as StringKey), value: t('fields', { n: n! }) })), 'unit')]);
  }
  return rows;
}
