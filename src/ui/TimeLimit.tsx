import { useLayoutEffect, useState } from 'preact/hooks';
import { LIMIT_WARNING_MS, limitEndsAt } from '../core/summary';
import { btn } from './Button';
import type { UiProps } from './view-props';

/**
 * The site's time limit (`maxDurationMinutes`), in the active view: nothing until the last
 * two minutes, then a countdown and "Keep sharing for 10 more minutes". Like the PIN card's
 * countdown it runs on the injected clock and only while shown.
 */
export function TimeLimit({ s, c, t, clock }: UiProps) {
  const endsAt = limitEndsAt(s, c.config.maxDurationMinutes);
  const [now, setNow] = useState(() => clock.now());
  const left = endsAt === null ? 0 : Math.max(0, endsAt - now);

  useLayoutEffect(() => {
    if (!left) return;
    // Asleep until the warning is due, then a tick at each whole second.
    const h = clock.setTimeout(() => setNow(clock.now()), left > LIMIT_WARNING_MS ? left - LIMIT_WARNING_MS : left % 1000 || 1000);
    return () => clock.clearTimeout(h);
  }, [now, endsAt]);

  if (!left || left > LIMIT_WARNING_MS) return null;
  const secs = Math.ceil(left / 1000);
  return (
    <div class="note" data-part="time-limit">
      {/* m:ss reads the same in every language (and stays in order in right-to-left text: a colon between digits is part of the number). */}
      <p class="time" role="timer">
        {t('limitSoon', { time: `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}` })}
      </p>
      {/* Screen readers hear it once a minute, not every second. */}
      <span class="sr" role="status">
        {t('limitSoon', { time: t('minutes', { n: Math.ceil(secs / 60) }) })}
      </span>
      {btn('extend', t('extend'), c.extend, 'pri')}
    </div>
  );
}
