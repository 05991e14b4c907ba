import { createCobrowseWidget } from '../src/index';
import { createFakeCobrowseSdk, createFakeToken } from '../src/testing/index';

// Emulator mode: the project's fake SDK stands in for Zoom, so no account is needed.
const SDK_KEY = 'demo-sdk-key';
const fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY });

const widget = createCobrowseWidget({
  sdkKey: SDK_KEY,
  sdk: { module: fake.sdk },
  // The npm SDK needs BYOP tokens; the demo mints unsigned fake ones in the page. Real sites use their server.
  token: async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true }),
  theme: { primary: '#15803d' },
  masking: { presets: ['payment', 'credentials', 'identity'] },
  remoteAssist: true,
  debug: true,
});
(window as unknown as Record<string, unknown>).widget = widget;

const log = document.getElementById('agent-log')!;
const act = (id: string, fn: () => unknown) =>
  document.getElementById(id)!.addEventListener('click', () => {
    try {
      const r = fn();
      log.textContent = `${id.replace('agent-', '')}: ${r === false ? 'wrong PIN' : 'ok'}`;
    } catch (e) {
      log.textContent = (e as Error).message;
    }
  });
let assist = false;
act('agent-join', () => fake.agentJoin({ name: 'Riley from Support' }));
act('agent-assist', () => fake.remoteAssist((assist = !assist)));
act('agent-reconnect', () => fake.reconnect(2500));
act('agent-leave', () => fake.agentLeave());
act('agent-end', () => fake.endSession());
act('agent-error', () => fake.raiseError(1016, 'simulated'));
document.getElementById('masked')!.textContent = widget.controller.config.masking?.categories.join(', ') ?? 'nothing';
