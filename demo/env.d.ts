// Ambient declarations for the demo pages (a script file, not a module, so both blocks are global).

declare module 'virtual:zoom-cobrowse-demo' {
  /** The running demo's mode and public settings, from demo/dev-server.ts. */
  const config: import('./dev-server').DemoClientConfig;
  export default config;
}

interface Window {
  /** The fake SDK's control handle, defined by the emulator SDK script once the widget loads it. */
  ZoomCobrowseFake?: import('../src/testing/index').FakeCobrowseSdk;
  /** The script-tag build's API (script-tag page only). */
  ZoomCobrowseWidget?: { getWidget(): import('../src/index').CobrowseWidget | null };
  /** The page's widget, for poking at it from the console. */
  widget?: import('../src/index').CobrowseWidget;
}
