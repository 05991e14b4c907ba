// Shop checkout: the npm integration. In emulator mode the widget loads the fake SDK script from
// the dev server instead of Zoom's CDN (sdk.url), and the bridge lets the agent console join it.
import demo from 'virtual:zoom-cobrowse-demo';
import { createCobrowseWidget } from '../src/index';
import { connectEmulatorCustomer } from '../src/testing/index';
import { widgetMasking } from './masking';

const widget = createCobrowseWidget({
  sdkKey: demo.sdkKey,
  token: demo.tokenUrl,
  // Absolute: the widget's warm-up hint cannot resolve a relative sdk.url (reported to the lead).
  ...(demo.sdkUrl ? { sdk: { url: new URL(demo.sdkUrl, location.href).href } } : {}),
  userName: 'Trailhead shopper',
  // The shop's brand green; the theme playground shows every other token.
  theme: { primary: '#166534' },
  masking: { presets: ['payment', 'credentials', 'identity', 'contact'] },
  remoteAssist: true,
});
window.widget = widget;

if (demo.mode === 'emulator') {
  connectEmulatorCustomer(() => window.ZoomCobrowseFake, {
    // The same compiled rules the widget hands to the SDK, so the agent sees exactly what Zoom would mask.
    masking: widgetMasking(widget.controller.config),
    exclude: '[data-demo-chrome]',
  });
}

document.getElementById('checkout')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const notice = document.getElementById('order-notice');
  if (notice) notice.textContent = 'This is a demo shop: nothing was charged and nothing was ordered.';
});
