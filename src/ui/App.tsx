import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CobrowseController } from '../core/controller';
import type { CobrowseSnapshot } from '../core/machine';
import { groupPin } from './pin';
import { format, type StringKey } from './strings';

/** Panel open/closed lives outside the state machine: it is presentation, not session state. */
export interface PanelStore {
  get(): boolean;
  set(open: boolean): void;
  subscribe(fn: () => void): () => void;
}

/** Creates the panel store. */
export function createPanelStore(): PanelStore {
  let open = false;
  const subs = new Set<() => void>();
  return {
    get: () => open,
    set(next) {
      if (next === open) return;
      open = next;
      for (const s of [...subs]) s();
    },
    subscribe(fn) {
      subs.add(fn);
      return () => void subs.delete(fn);
    },
  };
}

function useExternal<T>(subscribe: (fn: () => void) => () => void, get: () => T): T {
  const [value, setValue] = useState(get);
  // Layout effect: subscribe in the same commit as the first render, so no change can slip in between.
  useLayoutEffect(() => {
    setValue(get);
    return subscribe(() => setValue(get));
  }, [subscribe, get]);
  return value;
}

/** Props of the root component. */
export interface AppProps {
  controller: CobrowseController;
  panel: PanelStore;
  t: (key: StringKey, values?: Record<string, string>) => string;
  position: string;
  launcher: boolean;
  /** Masked categories to name in the consent step. */
  maskedCategories: string[];
}

const HelpIcon = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="12" cy="12" r="9" />
    <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6" />
    <circle cx="12" cy="17" r="0.6" fill="currentColor" />
  </svg>
);

const categoryKey = (c: string): StringKey => `mask${c.charAt(0).toUpperCase()}${c.slice(1)}` as StringKey;

function CopyButton({ pin, t }: { pin: string; t: AppProps['t'] }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(pin);
      setCopied(true);
    } catch {
      // Clipboard may be denied (permissions, insecure context): the PIN stays selectable by hand.
      setCopied(false);
    }
  };
  return (
    <button type="button" class="secondary" data-action="copy" onClick={() => void copy()}>
      {copied ? t('copied') : t('copy')}
    </button>
  );
}

/** Connecting, resuming, reconnecting, ending: a spinner and a sentence (and Cancel while starting). */
function Busy({ s, c, t }: { s: CobrowseSnapshot; c: CobrowseController; t: AppProps['t'] }) {
  return (
    <div>
      <p class="status" role="status">
        <span class="spinner" aria-hidden="true" />
        {t(s.state === 'recovering' ? 'recovering' : s.state === 'ending' ? 'ending' : s.state === 'reconnecting' ? 'reconnecting' : 'starting')}
      </p>
      {s.state === 'starting' && (
        <div class="actions">
          <button type="button" class="secondary" data-action="cancel" onClick={() => c.cancel()}>{t('cancel')}</button>
        </div>
      )}
    </div>
  );
}

function Body({ s, c, t, maskedCategories }: { s: CobrowseSnapshot; c: CobrowseController; t: AppProps['t']; maskedCategories: string[] }) {
  switch (s.state) {
    case 'consent':
      return (
        <div>
          <p>{t('consentBody')}</p>
          {maskedCategories.length > 0 && <p class="muted" data-part="masked">{t('consentMasked', { categories: maskedCategories.map((c) => t(categoryKey(c))).join(', ') })}</p>}
          <div class="actions">
            <button type="button" class="primary" data-action="accept" onClick={() => c.accept()}>{t('consentAccept')}</button>
            <button type="button" class="secondary" data-action="decline" onClick={() => c.decline()}>{t('consentDecline')}</button>
          </div>
        </div>
      );
    case 'recovering':
      if (s.askResume) {
        return (
          <div>
            <p>{t('resumeQuestion')}</p>
            <div class="actions">
              <button type="button" class="primary" data-action="resume" onClick={() => c.resume()}>{t('resume')}</button>
              <button type="button" class="secondary" data-action="discard" onClick={() => c.cancel()}>{t('resumeNo')}</button>
            </div>
          </div>
        );
      }
      return <Busy s={s} c={c} t={t} />;
    case 'starting':
    case 'reconnecting':
    case 'ending':
      return <Busy s={s} c={c} t={t} />;
    case 'waiting':
      return (
        <div>
          <p>{t('pinIntro')}</p>
          {s.pin ? (
            <div class="pin" data-part="pin" data-pin={s.pin} aria-label={s.pin.split('').join(' ')}>{groupPin(s.pin)}</div>
          ) : (
            <p class="status"><span class="spinner" aria-hidden="true" />{t('starting')}</p>
          )}
          <p class="muted">{t('waitingHint')}</p>
          <div class="actions">
            {s.pin && <CopyButton pin={s.pin} t={t} />}
            <button type="button" class="danger" data-action="end" onClick={() => void c.end()}>{t('end')}</button>
          </div>
        </div>
      );
    case 'active':
      return (
        <div>
          <p class="status"><span class="dot" aria-hidden="true" />{s.agentName ? t('activeNamed', { agent: s.agentName }) : t('active')}</p>
          {s.remoteAssist && <p class="muted" data-part="remote-assist">{t('remoteAssistOn')}</p>}
          <div class="actions">
            <button type="button" class="danger" data-action="end" onClick={() => void c.end()}>{t('end')}</button>
          </div>
        </div>
      );
    case 'ended':
      return (
        <div>
          <p>{t(s.endReason === 'timeout' ? 'endedTimeout' : 'ended')}</p>
          <div class="actions">
            <button type="button" class="primary" data-action="restart" onClick={() => c.requestHelp()}>{t('startAgain')}</button>
          </div>
        </div>
      );
    case 'declined':
      return <p>{t('declined')}</p>;
    case 'error':
      return (
        <div>
          <p class="error" role="alert" data-part="error-message">{s.error?.message}</p>
          <div class="actions">
            {s.error?.retryable && <button type="button" class="primary" data-action="retry" onClick={() => c.retry()}>{t('retry')}</button>}
          </div>
          {s.error && (
            <details>
              <summary>{t('details')}</summary>
              <code data-part="error-code">{s.error.sdkCode !== undefined ? `${s.error.code} (${s.error.sdkCode})` : s.error.code}</code>
            </details>
          )}
        </div>
      );
    case 'idle':
      return null;
  }
}

/** The whole widget: launcher plus panel. Renders state; sends intents to the controller. */
export function App({ controller, panel, t, position, launcher, maskedCategories }: AppProps) {
  const s = useExternal(controller.subscribe, controller.getState);
  const open = useExternal(panel.subscribe, panel.get);
  const panelRef = useRef<HTMLDivElement>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const [announce, setAnnounce] = useState('');
  const showPanel = open && s.state !== 'idle';

  useLayoutEffect(() => {
    if (s.state === 'waiting' && s.pin) setAnnounce(t('pinAnnounce', { pin: s.pin.split('').join(' ') }));
    else if (s.state === 'active') setAnnounce(s.agentName ? t('activeNamed', { agent: s.agentName }) : t('active'));
    else if (s.state === 'ended') setAnnounce(t('ended'));
  }, [s.state, s.pin, s.agentName]);

  const prevState = useRef(s.state);
  useLayoutEffect(() => {
    // A resumed session comes back into view as it was; a resume question needs the panel open.
    if ((prevState.current === 'recovering' && (s.state === 'waiting' || s.state === 'active')) || (s.state === 'recovering' && s.askResume)) panel.set(true);
    prevState.current = s.state;
  }, [s.state, s.askResume]);

  const wasShown = useRef(false);
  useLayoutEffect(() => {
    // Focus follows the panel: into it on open, back to the launcher on close.
    if (showPanel && !wasShown.current) panelRef.current?.focus();
    if (!showPanel && wasShown.current) launcherRef.current?.focus();
    wasShown.current = showPanel;
  }, [showPanel]);

  const close = (): void => {
    panel.set(false);
    if (s.state === 'consent' || s.state === 'ended' || s.state === 'declined' || s.state === 'error') controller.reset();
  };
  const onLauncher = (): void => {
    if (s.state === 'idle') controller.requestHelp();
    panel.set(!showPanel);
  };
  const live = s.state === 'waiting' || s.state === 'active' || s.state === 'reconnecting' || s.state === 'ending';

  return (
    <div class="root" data-position={position} data-state={s.state} onKeyDown={(e) => e.key === 'Escape' && showPanel && close()}>
      {showPanel && (
        <div class="panel" role="dialog" aria-labelledby="zcw-title" tabIndex={-1} ref={panelRef} data-part="panel">
          <div class="header">
            <h2 class="title" id="zcw-title">{t('panelTitle')}</h2>
            <button type="button" class="icon-button" aria-label={live ? t('minimise') : t('close')} data-action="close" onClick={close}>
              {live ? '–' : '×'}
            </button>
          </div>
          <Body s={s} c={controller} t={t} maskedCategories={maskedCategories} />
        </div>
      )}
      {(launcher || live) && (
        <button
          type="button"
          class="launcher"
          data-part="launcher"
          aria-expanded={showPanel}
          ref={launcherRef}
          onClick={onLauncher}
          // Hover/focus signal likely intent: warm the connection, but load nothing heavy yet.
          onPointerEnter={() => controller.warm()}
          onFocus={() => controller.warm()}
        >
          <HelpIcon />
          <span>{live ? (s.state === 'waiting' && s.pin ? `${t('launcherActive')} · ${groupPin(s.pin)}` : t('launcherActive')) : t('launcher')}</span>
        </button>
      )}
      <div class="sr-only" aria-live="polite" data-part="announcer">{announce}</div>
    </div>
  );
}
