import type { CobrowseSnapshot } from '../core/machine';
import { btn } from './Button';
import type { StringKey, Translate } from '../i18n/translator';
import { PinCard } from './PinCard';
import type { UiProps } from './view-props';

/** "Support is viewing this page", with the agent's name when the SDK gave one. */
export const activeText = (s: CobrowseSnapshot, t: Translate): string => (s.agentName ? t('activeNamed', { agent: s.agentName }) : t('active'));

/** A spinner and a sentence, announced politely. */
const busy = (text: string) => (
  <p class="status" role="status">
    <span class="spin" aria-hidden="true" />
    {text}
  </p>
);

const acts = (...buttons: unknown[]) => <div class="acts">{buttons}</div>;

/** The panel body for the current state. */
export function Body(p: UiProps) {
  const { s, c, t } = p;
  const e = s.error;
  switch (s.state) {
    case 'consent':
      return (
        <>
          <p>{t('consentBody')}</p>
          {p.masked.length > 0 && (
            <div class="note" data-part="masked">
              {t('consentMasked')}
              {/* A list, not a sentence: no language-specific separators, and screen readers count the items. */}
              <ul>
                {p.masked.map((m) => (
                  <li>{t(`mask${m[0]!.toUpperCase()}${m.slice(1)}` as StringKey)}</li>
                ))}
              </ul>
            </div>
          )}
          {p.canPreview && (
            <p>
              <button class="link" data-action="preview" aria-pressed={p.preview} onClick={() => p.setPreview(!p.preview)}>
                {t(p.preview ? 'hideHidden' : 'showHidden')}
              </button>
            </p>
          )}
          {p.privacyUrl && (
            <p>
              <a href={p.privacyUrl} target="_blank" rel="noopener noreferrer" data-part="privacy">
                {t('privacy')}
              </a>
            </p>
          )}
          {acts(btn('accept', t('consentAccept'), c.accept, 'pri'), btn('decline', t('consentDecline'), c.decline))}
        </>
      );
    case 'recovering':
      // Auto mode shows only a spinner (and only if the visitor opens the panel); prompt mode asks.
      return s.askResume ? (
        <>
          <p>{t('resumeQuestion')}</p>
          {acts(btn('resume', t('resume'), c.resume, 'pri'), btn('discard', t('resumeNo'), c.cancel))}
        </>
      ) : (
        busy(t('recovering'))
      );
    case 'starting':
      return (
        <>
          {busy(t('starting'))}
          {acts(btn('cancel', t('cancel'), c.cancel))}
        </>
      );
    case 'waiting':
      return <PinCard {...p} />;
    case 'active':
      return p.confirm ? (
        <>
          <p class="status">{t('endConfirm')}</p>
          {acts(btn('confirm-end', t('end'), c.end, 'dan'), btn('keep', t('keepSharing'), () => p.setConfirm(false)))}
        </>
      ) : (
        <>
          <p class="status">
            <span class="dot" aria-hidden="true" />
            {activeText(s, t)}
          </p>
          {s.remoteAssist && (
            <p class="note" data-part="remote-assist">
              {t('remoteAssistOn')}
            </p>
          )}
          {acts(btn('end', t('end'), () => p.setConfirm(true), 'dan'))}
        </>
      );
    case 'ended':
      return (
        <>
          <p>{t(s.endReason === 'timeout' ? 'endedTimeout' : 'ended')}</p>
          {acts(s.endReason === 'timeout' ? btn('new-pin', t('newPin'), p.restart, 'pri') : btn('restart', t('startAgain'), c.requestHelp, 'pri'))}
        </>
      );
    case 'declined':
      return <p>{t('declined')}</p>;
    case 'error':
      return (
        <>
          <p class="err" role="alert" data-part="error-message">
            {p.errors?.[e!.code] ?? e!.message}
          </p>
          {e!.retryable && acts(btn('retry', t('retry'), c.retry, 'pri'))}
          <details>
            <summary>{t('details')}</summary>
            <code data-part="error-code">{e!.sdkCode === undefined ? e!.code : `${e!.code} (${e!.sdkCode})`}</code>
          </details>
        </>
      );
    default:
      // reconnecting, ending (idle never shows the panel).
      return busy(t(s.state as StringKey));
  }
}
