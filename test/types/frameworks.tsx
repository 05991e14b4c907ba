/** @jsxImportSource react */
/**
 * Compile-time tests of the adapters' props, checked by `npm run typecheck` (never run).
 * This file uses React's JSX (the pragma above) although the package's own JSX is Preact's.
 */
import { createElement } from 'react';
import { CobrowseWidget, useCobrowseWidget } from '../../src/react/index';
import { CobrowseWidget as VueWidget, useCobrowseWidget as useVueWidget } from '../../src/vue/index';

export function ReactProps() {
  const { state, start } = useCobrowseWidget();
  void start().then((pin) => pin?.toUpperCase());
  return (
    <main>
      <p>{state?.state === 'waiting' ? state.pin : null}</p>
      <CobrowseWidget sdkKey="k" token="/api/cobrowse/token" theme={{ primary: '#0b7a3b' }} onPin={({ pinCode }) => pinCode} onEnded={({ reason }) => reason} />
      {/* @ts-expect-error: no such event prop (onPin) */}
      <CobrowseWidget sdkKey="k" token="/t" onPinn={() => {}} />
      {/* @ts-expect-error: the pin payload has pinCode, not pin */}
      <CobrowseWidget sdkKey="k" token="/t" onPin={({ pin }) => pin} />
      {/* @ts-expect-error: token is required */}
      <CobrowseWidget sdkKey="k" />
      {/* @ts-expect-error: no such config field (sdkKey) */}
      <CobrowseWidget sdkkey="k" token="/t" />
    </main>
  );
}

// @ts-expect-error: createElement checks the same props
createElement(CobrowseWidget, { sdkKey: 'k', token: '/t', onAgentJoind: () => {} });

type VueProps = InstanceType<typeof VueWidget>['$props'];
export const vueOk: VueProps = { sdkKey: 'k', token: '/t', onAgentJoined: ({ agentName }) => agentName };
// @ts-expect-error: no such event prop (onPin)
export const vueTypo: VueProps = { sdkKey: 'k', token: '/t', onPinn: () => {} };
// @ts-expect-error: the ended payload has reason, not pin
export const vuePayload: VueProps = { sdkKey: 'k', token: '/t', onEnded: ({ pin }) => pin };

export function vueComposable(): string | undefined {
  const { state } = useVueWidget();
  return state.value?.state;
}
