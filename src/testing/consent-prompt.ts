/**
 * The visitor-side consent prompt Zoom's SDK shows before remote assist starts
 * when `remoteAssist.enableCustomerConsent` is on (docs/zoom-sdk.md, "Settings").
 * It is Zoom's UI, not the widget's: plain DOM in the page, outside the widget's
 * shadow root, so a site owner trying the demo sees that the visitor is asked.
 * Styles are set through CSSOM, which a strict Content-Security-Policy allows.
 */

/** Marks the fake's own UI; the emulator never sends it to the agent. */
export const FAKE_UI_ATTRIBUTE = 'data-zoom-cobrowse-fake-ui';

/** What the prompt says; kept plain so tests can find it. */
export const CONSENT_PROMPT_TEXT = {
  title: 'Allow remote assist?',
  body: 'The support agent is asking to scroll this page for you. You can stop it at any time.',
  allow: 'Allow',
  deny: 'Deny',
} as const;

let ids = 0;

/**
 * Shows the prompt in `doc` and calls `answer` once with the visitor's choice
 * (Escape denies). Returns the function that removes it without an answer.
 */
export function showConsentPrompt(doc: Document, answer: (allow: boolean) => void): () => void {
  const n = ++ids;
  // Where the visitor was, through open shadow roots (the widget's focus lives in one).
  let previous = doc.activeElement as HTMLElement | null;
  while (previous?.shadowRoot?.activeElement) previous = previous.shadowRoot.activeElement as HTMLElement;
  const dialog = doc.createElement('div');
  dialog.setAttribute(FAKE_UI_ATTRIBUTE, 'remote-assist-consent');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-labelledby', `zcb-fake-consent-title-${n}`);
  dialog.setAttribute('aria-describedby', `zcb-fake-consent-body-${n}`);
  Object.assign(dialog.style, {
    position: 'fixed',
    top: '16px',
    left: '50%',
    transform: 'translateX(-50%)',
    zIndex: '2147483647',
    maxWidth: 'min(360px, calc(100vw - 32px))',
    boxSizing: 'border-box',
    padding: '16px 20px',
    background: '#ffffff',
    color: '#1f2328',
    border: '1px solid #8c959f',
    borderRadius: '10px',
    boxShadow: '0 8px 24px rgba(0,0,0,.25)',
    font: '15px/1.4 system-ui, sans-serif',
    textAlign: 'left',
  });
  const title = doc.createElement('h2');
  title.id = `zcb-fake-consent-title-${n}`;
  title.textContent = CONSENT_PROMPT_TEXT.title;
  Object.assign(title.style, { font: 'inherit', fontWeight: '700', fontSize: '16px', margin: '0 0 6px' });
  const body = doc.createElement('p');
  body.id = `zcb-fake-consent-body-${n}`;
  body.textContent = CONSENT_PROMPT_TEXT.body;
  Object.assign(body.style, { margin: '0 0 14px' });
  const row = doc.createElement('div');
  Object.assign(row.style, { display: 'flex', gap: '8px', justifyContent: 'flex-end' });
  const button = (label: string, primary: boolean, allow: boolean): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.answer = allow ? 'allow' : 'deny';
    Object.assign(b.style, {
      font: 'inherit',
      padding: '8px 16px',
      borderRadius: '6px',
      cursor: 'pointer',
      border: '1px solid #0b5cff',
      background: primary ? '#0b5cff' : '#ffffff',
      color: primary ? '#ffffff' : '#0b5cff',
    });
    b.addEventListener('click', () => done(allow));
    return b;
  };
  const deny = button(CONSENT_PROMPT_TEXT.deny, false, false);
  row.append(deny, button(CONSENT_PROMPT_TEXT.allow, true, true));
  dialog.append(title, body, row);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') done(false);
  };
  dialog.addEventListener('keydown', onKey);

  let open = true;
  const remove = (): void => {
    if (!open) return;
    open = false;
    dialog.remove();
    // Give focus back to where the visitor was, if it is still there.
    if (previous && previous !== doc.body && previous.isConnected) previous.focus?.();
  };
  function done(allow: boolean): void {
    if (!open) return;
    remove();
    answer(allow);
  }
  (doc.body ?? doc.documentElement).appendChild(dialog);
  // The question needs an answer: take focus to it, on the choice that shares nothing more.
  deny.focus();
  return remove;
}
