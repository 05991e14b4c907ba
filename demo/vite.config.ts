import { resolve } from 'node:path';
import { defineConfig, loadConfigFromFile } from 'vite';
import { cobrowseDemo, PAGES } from './dev-server';

const root = import.meta.dirname;

// `npm run demo`: the shop, the script-tag page, the agent console and the theme playground,
// against the emulator (no Zoom account) or, with ZOOM_SDK_KEY/ZOOM_SDK_SECRET in .env, real Zoom.
export default defineConfig(async ({ command }) => {
  // The pages import src/ directly: take the package build's compile-time constants (__VERSION__,
  // __IIFE__, …) from its own config rather than keeping a second list here.
  const pkg = await loadConfigFromFile({ command, mode: 'development' }, resolve(root, '../vite.config.ts'), resolve(root, '..'), 'silent');
  return {
    root,
    define: { __VERSION__: JSON.stringify('demo'), ...pkg?.config.define },
    // Vite's own .env loading stays inside demo/; the plugin reads the repository's .env for the ZOOM_ lines only.
    server: { port: 5173, strictPort: false, fs: { allow: [resolve(root, '..')] } },
    // A static build has no token endpoint and no CSP middleware; it exists only to check the pages compile.
    build: {
      outDir: resolve(root, '../dist-demo'),
      emptyOutDir: true,
      rollupOptions: { input: Object.fromEntries(PAGES.filter((p) => p.file !== 'script-tag.html').map((p) => [p.file.replace('.html', ''), resolve(root, p.file)])) },
    },
    plugins: [cobrowseDemo()],
  };
});
