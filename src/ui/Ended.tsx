import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CobrowseSnapshot } from '../core/machine';
import type { Translate } from '../i18n/translator';
import { btn } from './Button';
import type { UiProps } from './view-props';

/** The sentence that says the session is over, and why when the visitor needs to know. */
export const endedText = (s: CobrowseSnapshot, t: Translate): string =>
  t(s.endReason === 'timeout' ? 'endedTimeout' : s.endReason === 'time-limit' ? 'endedLimit' : 'ended');

/**
 * The ended view: why it ended, the visitor's receipt (start, end, duration, who viewed,
 * remote assist, hidden fields), Copy summary, the way on, and, when the site asks for
 * it, "Was this helpful?" posted to the site's own endpoint.
 */
export function Ended(p: UiProps) {
  const { s, c, t } = p;
  const [copied, setCopied] = useState(false);
  const [rated, setRated] = useState(false);
  // A ref, not state: typing needs no re-render, and the thumb always sends the text as it is now.
  const comment = useRef('');
  const thanks = useRef<HTMLParagraphElement>(null);
  // The pressed thumb is gone: focus (and a screen reader) goes to the thanks that replaced it, not to the page.
  useLayoutEffect(() => void (rated && thanks.current?.focus()), [rated]);
  // Formatted by the engine, which is loaded by now: the launcher's bundle doesn't carry it.
  const rows = c.summaryRows(t, p.lang);
  const m = rows.length > 0;
  const thumb = (rating: 'up' | 'down') =>
    btn(
      `feedback-${rating}`,
      <>
        {/* Drawn, not an emoji: emoji fonts differ by platform (or are missing), and this follows the theme. */}
        <svg viewBox="0 0 24 24" aria-hidden="true" class={rating}>
          <path d="M3 10h4v11H3zM7 10l4-7c1.5 0 2.5 1.2 2 3l-1 4h6a2 2 0 0 1 2 2.3l-1.2 7a2 2 0 0 1-2 1.7H7" />
        </svg>
        <span class="sr">{t(rating === 'up' ? 'feedbackUp' : 'feedbackDown')}</span>
      </>,
      () => {
        setRated(true);
        return c.feedback(rating, comment.current);
      },
    );
  return (
    <>
      <p>{endedText(s, t)}</p>
      {m && (
        <div class="note" data-part="summary">
          <h3>{t('summaryTitle')}</h3>
          {rows.map(([k, v]) => (
            <div>
              <span class="muted">{k}</span> <b>{v}</b>
            </div>
          ))}
        </div>
      )}
      <div class="acts">
        {s.endReason === 'timeout' ? btn('new-pin', t('newPin'), p.restart, 'pri') : btn('restart', t('startAgain'), c.requestHelp, 'pri')}
        {m &&
          btn('copy-summary', t(copied ? 'copied' : 'copySummary'), () =>
            // Plain text the visitor can paste anywhere; a clipboard that is missing or denied leaves the rows on screen to select.
            navigator.clipboard?.writeText([t('summaryTitle'), endedText(s, t), ...rows.map(([label, value]) => t('summaryLine', { label, value }))].join('\n')).then(() => setCopied(true), () => {}),
          )}
      </div>
      {m &&
        c.config.feedback &&
        (rated ? (
          <p class="fb" tabIndex={-1} ref={thanks}>
            {t('feedbackThanks')}
          </p>
        ) : (
          <div class="fb" role="group" aria-labelledby="zcw-fb" data-part="feedback">
            <p id="zcw-fb">{t('feedbackQuestion')}</p>
            <details>
              <summary>{t('feedbackComment')}</summary>
              <textarea aria-label={t('feedbackComment')} onInput={(e) => (comment.current = e.currentTarget.value)} />
            </details>
            <div class="acts">
              {thumb('up')}
              {thumb('down')}
            </div>
          </div>
        ))}
      {/* A polite region that is there from the start, so "Copied" is announced. */}
      <span class="sr" role="status">
        {copied ? t('copied') : ''}
      </span>
    </>
  );
}
