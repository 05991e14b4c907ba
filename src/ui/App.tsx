import { useLayoutEffect, useRef } from 'preact/hooks';
import { Icon } from './Icons';
import { groupPin } from './pin';
import { activeText, Body } from './Views';
import type { UiProps } from './view-props';

const LIVE = ['waiting', 'active', 'reconnecting', 'ending'];

/** What the live region says for a state (derived, so it changes exactly when the state does). */
function announcement({ s, t }: UiProps): string {
  if (s.state === 'waiting') return s.pin ? t('pinAnnounce', { pin: s.pin.split('').join(' ') }) : '';
  if (s.state === 'active') return s.remoteAssist ? t('remoteAssistOn') : activeText(s, t);
  if (s.state === 'ended') return t(s.endReason === 'timeout' ? 'endedTimeout' : 'ended');
  return s.state === 'starting' || s.state === 'reconnecting' ? t(s.state) : '';
}

/**
 * The whole widget: launcher (or status pill while a session runs) plus the
 * panel, a non-modal dialog. A function of its props (mount.ts owns the state);
 * the only thing it does itself is move focus.
 */
export function App(p: UiProps) {
  const { s, t } = p;
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const shown = useRef(false);
  const show = p.ready && p.open && s.state !== 'idle';
  const live = LIVE.includes(s.state);
  // Read while rendering, i.e. before this commit removes the element that has focus.
  const sr = root.current?.getRootNode() as ShadowRoot | undefined;
  const hadFocus = !!sr?.activeElement;

  useLayoutEffect(() => {
    const doc = root.current!.ownerDocument;
    const active = doc.activeElement as HTMLElement | null;
    if (show && !shown.current) {
      // Into the panel on open; back where it came from on close (launcher, or the site's own button).
      opener.current = active !== sr?.host && active !== doc.body ? active : null;
      if (p.grab) panel.current!.focus();
    } else if (show && hadFocus && !sr!.activeElement) {
      // The focused button belonged to the previous view: keep keyboard users in the dialog.
      panel.current!.focus();
    } else if (!show && shown.current && (hadFocus || active === doc.body)) {
      (launcher.current ?? opener.current)?.focus();
    }
    shown.current = show;
  });

  return (
    <div
      class="root"
      ref={root}
      data-position={p.position}
      data-state={s.state}
      dir={p.dir}
      lang={p.lang}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && show) {
          // Ours to handle: don't also close the host page's own dialogs.
          e.stopPropagation();
          p.close();
        }
      }}
    >
      {show && (
        <div class="panel" role="dialog" aria-labelledby="zcw-title" tabIndex={-1} ref={panel} data-part="panel">
          <div class="head">
            <h2 id="zcw-title">{t('panelTitle')}</h2>
            {live ? (
              // During a session this only hides the panel; say so in words, not with a faint dash.
              <button class="min" data-action="close" onClick={p.close}>
                <svg viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M6 9l6 6 6-6" />
                </svg>
                {t('minimise')}
              </button>
            ) : (
              <button class="x" aria-label={t('close')} data-action="close" onClick={p.close}>
                ×
              </button>
            )}
          </div>
          <Body {...p} />
        </div>
      )}
      {p.ready && (p.launcher || live) && (
        <button
          class={live ? 'launcher pill' : 'launcher'}
          data-part="launcher"
          aria-expanded={show}
          ref={launcher}
          onClick={show ? p.close : p.openPanel}
          // Hover/focus signal likely intent: warm the connection, but load nothing heavy yet.
          onPointerEnter={p.c.warm}
          onFocus={p.c.warm}
        >
          {live ? <span class="dot" aria-hidden="true" /> : <Icon name={p.icon} />}
          {/* LRI…PDI keeps the PIN's digit groups in reading order inside right-to-left text. */}
          {/* The PIN is in the panel when it is open: the pill repeats it only while the panel is closed. */}
          {live ? (!show && s.state === 'waiting' && s.pin ? `${t('launcherActive')} · \u2066${groupPin(s.pin)}\u2069` : t('launcherActive')) : t('launcher')}
        </button>
      )}
      <div class="sr" aria-live="polite" data-part="announcer">
        {announcement(p)}
      </div>
    </div>
  );
}
