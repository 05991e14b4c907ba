/**
 * A small React 19 app under StrictMode, bundled by test/browser/frameworks.test.ts from the
 * built package (`zoom-cobrowse-widget/react` resolves to dist/react.js). `?bad` passes an empty sdkKey.
 */
import { createElement as h, StrictMode, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { getCobrowseWidget } from 'zoom-cobrowse-widget';
import { CobrowseWidget, useCobrowseWidget } from 'zoom-cobrowse-widget/react';

const w = window as unknown as { events: unknown[][]; getCobrowseWidget: typeof getCobrowseWidget; hookWidget: unknown };
w.events = [];
w.getCobrowseWidget = getCobrowseWidget;
const sdkKey = new URLSearchParams(location.search).has('bad') ? '' : 'test-sdk-key';

function Status(): ReactElement {
  const { widget, state } = useCobrowseWidget();
  w.hookWidget = widget;
  return h('p', { id: 'status' }, state ? `${state.state}${state.pin ? `:${state.pin}` : ''}` : 'none');
}

function App(): ReactElement {
  const [on, setOn] = useState(true);
  return h(
    'main',
    null,
    h('h1', null, 'React shop'),
    h('button', { id: 'toggle', onClick: () => setOn((v) => !v) }, on ? 'Unmount' : 'Mount'),
    on
      ? h(CobrowseWidget, {
          sdkKey,
          token: '/api/cobrowse/token',
          theme: { primary: '#0b7a3b' },
          onConsent: ({ accepted }) => w.events.push(['consent', accepted]),
          onPin: ({ pinCode }) => w.events.push(['pin', pinCode]),
          onEnded: ({ reason }) => w.events.push(['ended', reason]),
        })
      : null,
    h(Status),
  );
}

createRoot(document.getElementById('root')!).render(h(StrictMode, null, h(App)));
