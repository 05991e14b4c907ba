/** Every string the widget renders; `labels` in config can override any of them (issue #3 adds languages). */
export const EN_STRINGS = {
  launcher: 'Get help',
  launcherActive: 'Support session',
  panelTitle: 'Screen sharing with support',
  close: 'Close',
  minimise: 'Minimise',
  consentBody: 'A support agent will see this page, and only this page, while you share it. They will not see other tabs, other apps or your files.',
  consentMasked: 'Hidden from the agent: {categories}.',
  consentAccept: 'Share this page',
  consentDecline: 'Not now',
  starting: 'Connecting to support…',
  cancel: 'Cancel',
  pinIntro: 'Read this PIN to your support agent:',
  copy: 'Copy PIN',
  copied: 'Copied',
  waitingHint: 'Waiting for the agent to join.',
  active: 'An agent is viewing this page',
  activeNamed: '{agent} is viewing this page',
  remoteAssistOn: 'The agent can scroll this page for you.',
  end: 'End session',
  ending: 'Ending the session…',
  ended: 'The support session has ended.',
  endedTimeout: 'No agent joined within 3 minutes, so the session ended.',
  startAgain: 'Start again',
  declined: 'No problem. Nothing was shared. You can ask for help at any time.',
  reconnecting: 'Reconnecting to support…',
  recovering: 'Resuming your support session…',
  resumeQuestion: 'Resume your support session? The agent will see this page again.',
  resume: 'Resume',
  resumeNo: 'No, stop sharing',
  errorTitle: 'Something went wrong',
  retry: 'Try again',
  details: 'Details',
  pinAnnounce: 'Your support PIN is {pin}',
  maskPayment: 'card details',
  maskCredentials: 'passwords and one-time codes',
  maskIdentity: 'ID numbers and date of birth',
  maskContact: 'email addresses and phone numbers',
  maskAddress: 'postal addresses',
  maskBanking: 'bank account numbers',
} as const;

/** A key of the built-in strings. */
export type StringKey = keyof typeof EN_STRINGS;

/** Replaces `{name}` placeholders; values are plain text (rendered as text, never markup). */
export function format(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
