// Emulator mode only (the dev server leaves this tag out with real Zoom): connects the script-tag page
// to the agent console. Loaded as a nonced module; the modules it imports inherit the nonce.
import { connectEmulatorCustomer } from '../src/testing/index';
import { widgetMasking } from './masking';

connectEmulatorCustomer(() => window.ZoomCobrowseFake, {
  // The IIFE mounts asynchronously; until it has, the bridge masks every field.
  masking: () => widgetMasking(window.ZoomCobrowseWidget?.getWidget()?.controller.config),
  exclude: '[data-demo-chrome]',
});
