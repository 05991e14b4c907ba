/**
 * Compile-time tests, checked by `npm run typecheck` (never run): event names and
 * payloads are typed, so a misspelt event or a wrong payload field fails the build.
 */
import { createCobrowseController, createCobrowseWidget, type CobrowseEvents } from '../../src/index';

export function eventNamesAreChecked(): void {
  const widget = createCobrowseWidget({ sdkKey: 'k', token: '/t' });
  widget.on('pin', ({ pinCode }) => pinCode.toUpperCase());
  widget.on('ended', ({ reason }) => reason satisfies 'customer' | 'agent' | 'timeout' | 'unknown');
  // @ts-expect-error: no such event ('pin')
  widget.on('pinn', () => {});
  // @ts-expect-error: the payload of 'pin' has pinCode, not pin
  widget.on('pin', ({ pin }) => pin);

  const controller = createCobrowseController({ sdkKey: 'k', token: '/t' });
  // @ts-expect-error: no such event ('agentJoined')
  controller.on('agentjoined', () => {});
}

// Exactly the public events: adding one is a conscious change to this list (and the README's table).
type Expected = 'stateChange' | 'pin' | 'agentJoined' | 'agentLeft' | 'remoteAssist' | 'ended' | 'error' | 'consent';
export const sameNames: [keyof CobrowseEvents] extends [Expected] ? ([Expected] extends [keyof CobrowseEvents] ? true : false) : false = true;
