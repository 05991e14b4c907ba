/**
 * English: built into every bundle, and the fallback for any string a locale
 * or `labels` leaves out. Keys are public API (`labels` overrides them).
 * `{name}` placeholders are filled with plain text; plural entries pick a form
 * with Intl.PluralRules (`one`, `other`, and `zero`/`two`/`few`/`many` where a
 * language has them).
 */
const en = {
  launcher: 'Get help',
  launcherActive: 'Support session',
  panelTitle: 'Share this page with support',
  close: 'Close',
  minimise: 'Minimise',
  consentBody: 'A support agent will see this page, and only this page, while you share it. Not your other tabs, apps or files.',
  consentMasked: 'Hidden from the agent:',
  privacy: 'How we handle your data',
  /** Badge on a field hidden from the agent, shown to the visitor during a session. */
  maskBadge: 'Hidden from support',
  consentAccept: 'Share this page',
  consentDecline: 'Not now',
  showHidden: 'Show what stays hidden',
  hideHidden: 'Hide the outlines',
  starting: 'Connecting to support…',
  cancel: 'Cancel',
  pinIntro: 'Read this PIN to your support agent:',
  copy: 'Copy PIN',
  copied: 'Copied',
  waitingHint: 'Waiting for the agent to join.',
  minutesLeft: { one: '{n} minute left', other: '{n} minutes left' },
  secondsLeft: { one: '{n} second left', other: '{n} seconds left' },
  pinExpired: 'This PIN has expired.',
  newPin: 'Get a new PIN',
  active: 'Support is viewing this page',
  activeNamed: '{agent} is viewing this page',
  remoteAssistOn: 'The agent is scrolling this page for you.',
  end: 'End session',
  endConfirm: 'Stop sharing this page with support?',
  keepSharing: 'Keep sharing',
  ending: 'Ending the session…',
  ended: 'The support session has ended.',
  endedTimeout: 'No agent joined within 3 minutes, so this PIN expired.',
  startAgain: 'Start again',
  declined: 'No problem. Nothing was shared. You can ask for help at any time.',
  reconnecting: 'Reconnecting to support…',
  recovering: 'Resuming your support session…',
  resumeQuestion: 'Resume your support session? The agent will see this page again.',
  resume: 'Resume',
  resumeNo: 'No, stop sharing',
  retry: 'Try again',
  details: 'Details',
  pinAnnounce: 'Your support PIN is {pin}',
  maskPayment: 'card details',
  maskCredentials: 'passwords and one-time codes',
  maskIdentity: 'ID numbers and date of birth',
  maskContact: 'email addresses and phone numbers',
  maskAddress: 'postal addresses',
  maskBanking: 'bank account numbers',
};
export default en;
