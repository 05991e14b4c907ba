import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { act, createElement, StrictMode, useState, type ReactElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createCobrowseWidget, getCobrowseWidget } from '../../src/index';
import { CobrowseWidget, useCobrowseWidget, type CobrowseWidgetProps, type UseCobrowseWidget } from '../../src/react/index';
import { createFakeCobrowseSdk, type FakeCobrowseSdk } from '../../src/testing/fake-sdk';
import { createFakeToken } from '../../src/testing/jwt';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SDK_KEY = 'test-sdk-key';
let fake: FakeCobrowseSdk;
let root: Root | undefined;
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

async function render(node: ReactNode): Promise<void> {
  root ??= createRoot(container);
  await act(async () => root!.render(node));
}

/** The hook's latest value, captured by a component that also prints it. */
let hook: UseCobrowseWidget | undefined;
function Status(): ReactElement {
  hook = useCobrowseWidget();
  return createElement('p', { id: 'status' }, `${hook.widget ? 'widget' : 'none'}:${hook.state?.state ?? '-'}:${hook.state?.pin ?? '-'}`);
}
const status = (): string | null | undefined => document.getElementById('status')?.textContent;

beforeEach(() => {
  fake = createFakeCobrowseSdk({ sdkKey: SDK_KEY, storage: null, sharedStorage: null, generatePin: () => '482913' });
  container = document.createElement('div');
  document.body.append(container);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  hook = undefined;
  getCobrowseWidget()?.destroy();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<CobrowseWidget> (React)', () => {
  it('under StrictMode: one widget, one launcher, no error (the double effect destroys the first before creating the second)', async () => {
    await render(createElement(StrictMode, null, createElement('h1', null, 'Shop'), createElement(CobrowseWidget, config())));
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(launcher()?.textContent).toContain('Get help');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('event props fire; a new handler is used without recreating the widget; the hook follows the state', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const onConsent = vi.fn();
    const onAgentJoined = vi.fn();
    const app = (onPin: (p: { pinCode: string }) => void) =>
      createElement(StrictMode, null, createElement(CobrowseWidget, { ...config(), onPin, onConsent, onAgentJoined }), createElement(Status));
    await render(app(first));
    const widget = getCobrowseWidget();
    expect(widget).not.toBeNull();
    expect(status()).toBe('widget:idle:-');

    await render(app(second));
    expect(getCobrowseWidget()).toBe(widget);

    let pin: Promise<string | null> | undefined;
    await act(async () => {
      pin = hook!.start();
    });
    expect(status()).toBe('widget:consent:-');
    await act(async () => widget!.controller.accept());
    const pinCode = await act(async () => await pin!);
    expect(pinCode).toBe(fake.pin);
    expect(pinCode).toBeTruthy();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ pinCode });
    expect(second).toHaveBeenCalledTimes(1);
    expect(onConsent).toHaveBeenCalledWith({ accepted: true });
    expect(status()).toBe(`widget:waiting:${pinCode}`);

    await act(async () => void fake.agentJoin({ name: 'Sam' }));
    await vi.waitFor(() => expect(onAgentJoined).toHaveBeenCalledWith({ agentName: 'Sam' }));
    expect(status()).toBe(`widget:active:${pinCode}`);
  });

  it('a new theme goes through setTheme (same widget); any other change recreates the widget', async () => {
    const app = (props: Partial<CobrowseWidgetProps>) => createElement(CobrowseWidget, { ...config(), ...props });
    await render(app({ theme: { primary: '#ff0066' } }));
    const widget = getCobrowseWidget()!;
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('#ff0066');

    // An equal theme in a new object (an inline literal on every render) changes nothing.
    const setTheme = vi.spyOn(widget, 'setTheme');
    await render(app({ theme: { primary: '#ff0066' } }));
    expect(setTheme).not.toHaveBeenCalled();

    await render(app({ theme: { primary: '#0b7a3b' } }));
    expect(getCobrowseWidget()).toBe(widget);
    expect(setTheme).toHaveBeenCalledWith({ primary: '#0b7a3b' });
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('#0b7a3b');

    // A removed theme means the defaults (setTheme replaces the whole theme).
    await render(app({}));
    expect(setTheme).toHaveBeenLastCalledWith({});
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('');

    await render(app({ userName: 'Ada' }));
    const recreated = getCobrowseWidget();
    expect(recreated).not.toBe(widget);
    expect(recreated).not.toBeNull();
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('a new inline token function does not recreate the widget, and the newest one is called', async () => {
    const oldToken = vi.fn(async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true }));
    const newToken = vi.fn(async () => createFakeToken({ sdkKey: SDK_KEY, enableByop: true }));
    await render(createElement(CobrowseWidget, { ...config(), token: oldToken }));
    const widget = getCobrowseWidget()!;
    await render(createElement(CobrowseWidget, { ...config(), token: newToken }));
    expect(getCobrowseWidget()).toBe(widget);
    widget.controller.requestHelp();
    widget.controller.accept();
    await vi.waitFor(() => expect(widget.getState().state).toBe('waiting'));
    expect(oldToken).not.toHaveBeenCalled();
    expect(newToken).toHaveBeenCalledTimes(1);
  });

  it('a bad config is one prefixed console error naming the field, even under StrictMode; the app stays up and a fixed config mounts the widget', async () => {
    const app = (sdkKey: string) =>
      createElement(StrictMode, null, createElement('main', null, createElement('h1', null, 'Shop still here'), createElement(CobrowseWidget, { ...config(), sdkKey })));
    await render(app(''));
    expect(container.textContent).toBe('Shop still here');
    expect(getCobrowseWidget()).toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "sdkKey": .*non-empty/);

    // Re-rendering the same bad config doesn't repeat the message.
    await render(app(''));
    expect(consoleError).toHaveBeenCalledTimes(1);

    await render(app(SDK_KEY));
    expect(getCobrowseWidget()).not.toBeNull();
    expect(container.textContent).toBe('Shop still here');
  });

  it('a bad theme is reported and the current theme kept; a widget created with a bad colour still mounts, with the default', async () => {
    await render(createElement(CobrowseWidget, { ...config(), theme: { primary: '#ff0066' } }));
    const widget = getCobrowseWidget()!;
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    await render(createElement(CobrowseWidget, { ...config(), theme: { primary: 'not a colour' } }));
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "theme\.primary"/);
    expect(getCobrowseWidget()).toBe(widget);
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('#ff0066');

    await act(async () => root!.unmount());
    root = undefined;
    consoleError.mockClear();
    await render(createElement(CobrowseWidget, { ...config(), theme: { primary: 'not a colour' } }));
    // A colour is cosmetic: the visitor keeps the button, and the console names the field.
    expect(getCobrowseWidget()).not.toBeNull();
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] Invalid config "theme\.primary"/);
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()[0]!.style.getPropertyValue('--zcw-primary')).toBe('');
  });

  it('a second <CobrowseWidget> logs CobrowseWidgetExistsError and renders nothing; the first keeps working', async () => {
    await render(createElement('div', null, createElement(CobrowseWidget, config()), createElement(CobrowseWidget, config()), createElement('p', null, 'app')));
    const first = getCobrowseWidget();
    expect(first).not.toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] a widget is already mounted/);
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(container.textContent).toBe('app');
  });

  it('unmounting destroys the widget; the hook elsewhere in the app goes back to null', async () => {
    function App(): ReactElement {
      const [on, setOn] = useState(true);
      return createElement('div', null, on ? createElement(CobrowseWidget, config()) : null, createElement(Status), createElement('button', { onClick: () => setOn((v) => !v) }, 'toggle'));
    }
    await render(createElement(StrictMode, null, createElement(App)));
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(status()).toBe('widget:idle:-');
    await act(async () => container.querySelector('button')!.click());
    expect(getCobrowseWidget()).toBeNull();
    expect(hosts()).toHaveLength(0);
    expect(status()).toBe('none:-:-');
    await act(async () => container.querySelector('button')!.click());
    await vi.waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(status()).toBe('widget:idle:-');
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('useCobrowseWidget() (React)', () => {
  it('without a widget: null state, open() warns with the prefix, start() rejects, end() resolves', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await render(createElement(Status));
    expect(status()).toBe('none:-:-');
    hook!.open();
    expect(warn.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] open\(\): no widget is mounted/);
    await expect(hook!.start()).rejects.toThrow(/^\[zoom-cobrowse-widget\] start\(\): no widget is mounted/);
    await expect(hook!.end()).resolves.toBeUndefined();
  });

  it('finds a widget made with createCobrowseWidget() before the component rendered', async () => {
    const widget = createCobrowseWidget(config());
    await render(createElement(Status));
    expect(hook!.widget).toBe(widget);
    expect(status()).toBe('widget:idle:-');
    await act(async () => hook!.open());
    expect(status()).toBe('widget:consent:-');
    // Closing the consent step is declining nothing: back to the launcher.
    await act(async () => hook!.close());
    expect(status()).toBe('widget:idle:-');
  });
});
