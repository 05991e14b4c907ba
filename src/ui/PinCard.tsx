import { useLayoutEffect, useState } from 'preact/hooks';
import { AGENT_WAIT_MS } from '../core/controller';
import { btn } from './Button';
import { groupPin } from './pin';
import type { UiProps } from './view-props';

/**
 * Waiting for the agent: the PIN (large, grouped, copyable), and the agent's
 * 3-minute window counting down. Timers run on the injected clock and only
 * while this card is on screen, so a minimised panel or destroy() leaves none.
 */
export function PinCard({ s, c, t, clock, restart, site }: UiProps) {
  const pin = s.pin;
  const [now, setNow] = useState(() => clock.now());
  const [copied, setCopied] = useState(false);
  const left = Math.max(0, (s.pinAt ?? now) + AGENT_WAIT_MS - now);
  const secs = Math.ceil(left / 1000);

  // Layout effects: the next tick is scheduled at commit, not after paint, so it is never late.
  useLayoutEffect(() => {
    if (!left || !s.pinAt) return;
    // Wake at the next whole second of the remaining time, so the text changes on time.
    const h = clock.setTimeout(() => setNow(clock.now()), left % 1000 || 1000);
    return () => clock.clearTimeout(h);
  }, [now, s.pinAt]);

  useLayoutEffect(() => {
    if (!copied) return;
    const h = clock.setTimeout(() => setCopied(false), 2000);
    return () => clock.clearTimeout(h);
  }, [copied]);

  if (!pin) {
    return (
      <p class="status" role="status">
        <span class="spin" aria-hidden="true" />
        {t('starting')}
      </p>
    );
  }
  return (
    <>
      <p>{t('pinIntro')}</p>
      <div class="pin">
        {/* Screen readers get the digits one by one, which is how the agent needs them. */}
        <span data-part="pin" data-pin={pin} aria-hidden="true">
          {groupPin(pin)}
        </span>
        <span class="sr">{pin.split('').join(' ')}</span>
      </div>
      {/* Where a scammer would say "read me the code on your screen". */}
      {site !== null && (
        <p class="note warn" data-part="pin-notice">
          {t('pinNotice', { site })}
        </p>
      )}
      {left ? (
        <>
          <div class="bar" aria-hidden="true">
            <i style={{ width: `${(100 * left) / AGENT_WAIT_MS}%` }} />
          </div>
          <p class="muted time" role="timer" data-part="countdown">
            <span>{t('waitingHint')}</span> <b>{secs < 60 ? t('secondsLeft', { n: secs }) : t('minutesLeft', { n: Math.ceil(secs / 60) })}</b>
          </p>
        </>
      ) : (
        <p class="err" data-part="countdown">
          {t('pinExpired')}
        </p>
      )}
      <div class="acts">
        {left
          ? btn('copy', t(copied ? 'copied' : 'copy'), () =>
              // Clipboard may be missing or denied (insecure context, permissions): the PIN stays selectable.
              navigator.clipboard?.writeText(pin).then(() => setCopied(true), () => {}),
            )
          : btn('new-pin', t('newPin'), () => c.end().then(restart), 'pri')}
        {btn('end', t('end'), c.end, 'dan')}
      </div>
      <span class="sr" role="status">
        {copied ? t('copied') : ''}
      </span>
    </>
  );
}
