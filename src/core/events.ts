import type { CobrowseError } from '../shared/errors';
import type { CobrowseSnapshot, EndReason } from './machine';

/**
 * Public events of the controller and the widget (payloads are single objects so fields can be added).
 * No index signature on purpose: `on('pinn', …)` must fail to compile.
 */
export interface CobrowseEvents {
  /** Any state change, with the full snapshot. */
  stateChange: CobrowseSnapshot;
  /** The SDK issued a PIN for the visitor to read to the agent. */
  pin: { pinCode: string };
  /** An agent joined the session. */
  agentJoined: { agentName: string | null };
  /** The agent left; the session waits for another. */
  agentLeft: Record<string, never>;
  /** Remote assist turned on or off. */
  remoteAssist: { active: boolean };
  /** The session ended. */
  ended: { reason: EndReason };
  /** Something failed; the same error is in the snapshot. */
  error: CobrowseError;
  /** The visitor accepted or declined the consent step. */
  consent: { accepted: boolean };
}
