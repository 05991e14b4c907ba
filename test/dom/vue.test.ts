import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createApp, defineComponent, effectScope, h, nextTick, reactive, ref, type App } from 'vue';
import { createCobrowseWidget, getCobrowseWidget } from '../../src/index';
import { CobrowseWidget, useCobrowseWidget, type CobrowseWidgetProps, type UseCobrowseWidget } from '../../src/vue/index';
import { createFakeCobrowseSdk, type FakeCobrowseSdk } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';

const SDK_KEY = 'test-sdk-key';
let fake: FakeCobrowseSdk;
let app: App | undefined;
let container: HTMLElement;
let consoleError: MockInstance<typeof console.error>;

/** A config that reaches a PIN against the fake SDK, passed as Zoom's npm module (BYOP tokens). */
const config = (): CobrowseWidgetProps => ({
  sdkKey: SDK_KEY,
  token: async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true }),
  sdk: { module: fake.sdk },
  recovery: 'off',
  masking: false,
});

const hosts = (): NodeListOf<HTMLElement> => document.querySelectorAll<HTMLElement>('[data-zoom-cobrowse-widget]');
const launcher = (): HTMLElement | null | undefined => hosts()[0]?.shadowRoot?.querySelector<HTMLElement>('[data-part="launcher"]');

let hook: UseCobrowseWidget | undefined;
const Status = defineComponent({
  setup() {
    hook = useCobrowseWidget();
    const { widget, state } = hook;
    return () => h('p', { id: 'status' }, `${widget.value ? 'widget' : 'none'}:${state.value?.state ?? '-'}:${state.value?.pin ?? '-'}`);
  },
});
const status = (): string | null | undefined => document.getElementById('status')?.textContent;

function mount(render: () => ReturnType<typeof h>): void {
  app = createApp({ render });
  app.mount(container);
}

beforeEach(() => {
  fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, storage: null, sharedStorage: null, generatePin: () => '482913' });
  container = document.createElement('div');
  document.body.append(container);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  hook = undefined;
  getCobrowseWidget()?.destroy();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<CobrowseWidget> (Vue)', () => {
  it('mounts one widget with one launcher, and emits events to @pin, @consent, @agent-joined', async () => {
    const onPin = vi.fn();
    const onConsent = vi.fn();
    const onAgentJoined = vi.fn();
    mount(() => h('main', [h('h1', 'Shop'), h(CobrowseWidget, { ...config(), onPin, onConsent, onAgentJoined }), h(Status)]));
    await nextTick();
    const widget = getCobrowseWidget();
    expect(widget).not.toBeNull();
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(status()).toBe('widget:idle:-');

    const pin = hook!.start();
    await nextTick();
    expect(status()).toBe('widget:consent:-');
    widget!.controller.accept();
    const pinCode = await pin;
    expect(pinCode).toBe(fake.pin);
    await nextTick();
    expect(onConsent).toHaveBeenCalledWith({ accepted: true });
    expect(onPin).toHaveBeenCalledWith({ pinCode });
    expect(status()).toBe(`widget:waiting:${pinCode}`);
    fake.agentJoin({ name: 'Sam' });
    await vi.waitFor(() => expect(onAgentJoined).toHaveBeenCalledWith({ agentName: 'Sam' }));
    await nextTick();
    expect(status()).toBe(`widget:active:${pinCode}`);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('a reactive theme changes through setTheme (same widget); another prop recreates; a new handler does not', async () => {
    const theme = reactive({ primary: '#ff0066' });
    const userName = ref('Ada');
    const first = vi.fn();
    const second = vi.fn();
    const handler = ref(first);
    mount(() => h(CobrowseWidget, { ...config(), theme, userName: userName.value, onConsent: handler.value }));
    await nextTick();
    const widget = getCobrowseWidget()!;
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('#ff0066');
    const setTheme = vi.spyOn(widget, 'setTheme');

    theme.primary = '#0b7a3b'; // mutated in place: the component still sees it
    await nextTick();
    expect(getCobrowseWidget()).toBe(widget);
    expect(setTheme).toHaveBeenCalledWith({ primary: '#0b7a3b' });
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('#0b7a3b');

    handler.value = second;
    await nextTick();
    expect(getCobrowseWidget()).toBe(widget);
    widget.open();
    widget.controller.decline();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ accepted: false });

    userName.value = 'Grace';
    await nextTick();
    const recreated = getCobrowseWidget();
    expect(recreated).not.toBeNull();
    expect(recreated).not.toBe(widget);
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('a bad config is a prefixed console error naming the field; the app stays up', async () => {
    mount(() => h('main', [h('h1', 'Shop still here'), h(CobrowseWidget, { ...config(), sdkKey: '' })]));
    await nextTick();
    expect(container.textContent).toBe('Shop still here');
    expect(getCobrowseWidget()).toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "sdkKey"/);
  });

  it('a misspelt attribute is not silently dropped: the config check names it', async () => {
    mount(() => h(CobrowseWidget, { ...config(), 'token-url': '/api/cobrowse/token' }));
    await nextTick();
    expect(getCobrowseWidget()).toBeNull();
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "tokenUrl"/);
  });

  it('a second <CobrowseWidget> logs CobrowseWidgetExistsError; the first keeps working', async () => {
    mount(() => h('div', [h(CobrowseWidget, config()), h(CobrowseWidget, config()), h('p', 'app')]));
    await nextTick();
    expect(getCobrowseWidget()).not.toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] a widget is already mounted/);
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
  });

  it('unmounting destroys the widget; remounting makes one again; the composable follows', async () => {
    const on = ref(true);
    mount(() => h('div', [on.value ? h(CobrowseWidget, config()) : null, h(Status)]));
    await nextTick();
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(status()).toBe('widget:idle:-');
    on.value = false;
    await nextTick();
    await nextTick();
    expect(getCobrowseWidget()).toBeNull();
    expect(hosts()).toHaveLength(0);
    expect(status()).toBe('none:-:-');
    on.value = true;
    await nextTick();
    await nextTick();
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(status()).toBe('widget:idle:-');
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('useCobrowseWidget() (Vue)', () => {
  it('without a widget: null refs, open() warns with the prefix, start() rejects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    mount(() => h(Status));
    await nextTick();
    expect(status()).toBe('none:-:-');
    hook!.open();
    expect(warn.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] open\(\): no widget is mounted/);
    await expect(hook!.start()).rejects.toThrow(/no widget is mounted/);
  });

  it('finds a widget made with createCobrowseWidget(), also outside any component', async () => {
    const widget = createCobrowseWidget(config());
    mount(() => h(Status));
    await nextTick();
    expect(hook!.widget.value).toBe(widget);
    expect(status()).toBe('widget:idle:-');
    // Outside a component (a store, a plugin): inside an effect scope, which stops it.
    const scope = effectScope();
    const standalone = scope.run(() => useCobrowseWidget())!;
    expect(standalone.widget.value).toBe(widget);
    standalone.open();
    await nextTick();
    expect(standalone.state.value?.state).toBe('consent');
    expect(status()).toBe('widget:consent:-');
    scope.stop();
    widget.close();
    expect(standalone.state.value?.state).toBe('consent');
  });
});
