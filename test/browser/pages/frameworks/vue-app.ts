/**
 * A small Vue 3 app, bundled by test/browser/frameworks.test.ts from the built package
 * (`zoom-cobrowse-widget/vue` resolves to dist/vue.js). `?bad` passes an empty sdkKey.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import { getCobrowseWidget } from 'zoom-cobrowse-widget';
import { CobrowseWidget, useCobrowseWidget } from 'zoom-cobrowse-widget/vue';

const w = window as unknown as { events: unknown[][]; getCobrowseWidget: typeof getCobrowseWidget; hookWidget: unknown };
w.events = [];
w.getCobrowseWidget = getCobrowseWidget;
const sdkKey = new URLSearchParams(location.search).has('bad') ? '' : 'test-sdk-key';

const Status = defineComponent({
  setup() {
    const { widget, state } = useCobrowseWidget();
    return () => {
      w.hookWidget = widget.value;
      const s = state.value;
      return h('p', { id: 'status' }, s ? `${s.state}${s.pin ? `:${s.pin}` : ''}` : 'none');
    };
  },
});

const App = defineComponent({
  setup() {
    const on = ref(true);
    return () =>
      h('main', [
        h('h1', 'Vue shop'),
        h('button', { id: 'toggle', onClick: () => (on.value = !on.value) }, on.value ? 'Unmount' : 'Mount'),
        on.value
          ? h(CobrowseWidget, {
              sdkKey,
              token: '/api/cobrowse/token',
              theme: { primary: '#0b7a3b' },
              onConsent: ({ accepted }: { accepted: boolean }) => w.events.push(['consent', accepted]),
              onPin: ({ pinCode }: { pinCode: string }) => w.events.push(['pin', pinCode]),
              onEnded: ({ reason }: { reason: string }) => w.events.push(['ended', reason]),
            })
          : null,
        h(Status),
      ]);
  },
});

createApp(App).mount('#root');
