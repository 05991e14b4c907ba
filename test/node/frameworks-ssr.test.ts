import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement, type ReactElement } from 'react';
import { renderToString as renderReact } from 'react-dom/server';
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString as renderVue } from 'vue/server-renderer';
import { CobrowseWidget as ReactWidget, useCobrowseWidget as useReactWidget } from '../../src/react/index';
import { CobrowseWidget as VueWidget, useCobrowseWidget as useVueWidget } from '../../src/vue/index';
import { PREFIX } from '../../src/frameworks/binding';
import { LOG_PREFIX } from '../../src/shared/config-error';

/**
 * Server rendering (Next.js, Nuxt) runs component code in Node, where there is no window or
 * document. The adapters must render nothing, throw nothing, and not even look for a browser.
 */
const config = { sdkKey: 'test-sdk-key', token: '/api/cobrowse/token', theme: { primary: '#0b7a3b' } };

/** Records any read of window/document/navigator during `fn` (they stay undefined, as on a server). */
async function watchGlobals<T>(fn: () => Promise<T> | T): Promise<{ result: T; touched: string[] }> {
  const touched: string[] = [];
  const names = ['window', 'document', 'navigator'] as const;
  const before = names.map((n) => Object.getOwnPropertyDescriptor(globalThis, n));
  for (const n of names) {
    Object.defineProperty(globalThis, n, {
      configurable: true,
      get() {
        touched.push(n);
        return undefined;
      },
    });
  }
  try {
    return { result: await fn(), touched };
  } finally {
    names.forEach((n, i) => {
      const d = before[i];
      if (d) Object.defineProperty(globalThis, n, d);
      else delete (globalThis as Record<string, unknown>)[n];
    });
  }
}

afterEach(() => vi.restoreAllMocks());

describe('React adapter during server rendering', () => {
  it('<CobrowseWidget> renders an empty string without touching window, document or navigator', async () => {
    const error = vi.spyOn(console, 'error');
    const { result, touched } = await watchGlobals(() => renderReact(createElement(ReactWidget, { ...config, onPin: () => {} })));
    expect(result).toBe('');
    expect(touched).toEqual([]);
    expect(error).not.toHaveBeenCalled();
  });

  it('useCobrowseWidget() on the server: no widget, no state, and the host markup renders', async () => {
    function Status(): ReactElement {
      const { widget, state } = useReactWidget();
      return createElement('p', null, `widget:${widget === null ? 'none' : 'some'} state:${state?.state ?? 'none'}`);
    }
    const { result, touched } = await watchGlobals(() =>
      renderReact(createElement('main', null, createElement(ReactWidget, config), createElement(Status))),
    );
    expect(result).toBe('<main><p>widget:none state:none</p></main>');
    expect(touched).toEqual([]);
  });
});

describe('Vue adapter during server rendering', () => {
  it('<CobrowseWidget> renders no markup (a placeholder comment only) without touching window, document or navigator', async () => {
    const warn = vi.spyOn(console, 'warn');
    const app = createSSRApp({ render: () => h(VueWidget, { ...config, onPin: () => {} }) });
    const { result, touched } = await watchGlobals(() => renderVue(app));
    expect(result.replace(/<!--[^]*?-->/g, '')).toBe('');
    expect(touched).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('useCobrowseWidget() on the server: null refs, and the host markup renders', async () => {
    const Status = defineComponent({
      setup() {
        const { widget, state } = useVueWidget();
        return () => h('p', `widget:${widget.value === null ? 'none' : 'some'} state:${state.value?.state ?? 'none'}`);
      },
    });
    const app = createSSRApp({ render: () => h('main', [h(VueWidget, config), h(Status)]) });
    const { result, touched } = await watchGlobals(() => renderVue(app));
    expect(result.replace(/<!--[^]*?-->/g, '')).toBe('<main><p>widget:none state:none</p></main>');
    expect(touched).toEqual([]);
  });
});

it("the adapters' console prefix is the package's", () => {
  // The adapters import only the public entry, which doesn't export LOG_PREFIX: they keep a copy.
  expect(PREFIX).toBe(LOG_PREFIX);
});
