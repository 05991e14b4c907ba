import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cobrowseDemo, PAGES } from './dev-server';

const root = import.meta.dirname;

// `npm run demo`: the shop, the script-tag page, the agent console and the theme playground,
// against the emulator (no Zoom account) or, with ZOOM_SDK_KEY/ZOOM_SDK_SECRET in .env, real Zoom.
export default defineConfig({
  root,
  define: { __VERSION__: JSON.stringify('demo') },
  // Vite's own .env loading stays inside demo/; the plugin reads the repository's .env for the ZOOM_ lines only.
  server: { port: 5173, strictPort: false, fs: { allow: [resolve(root, '..')] } },
  build: {
    outDir: resolve(root, '../dist-demo'),
    emptyOutDir: true,
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p.file.replace('.html', ''), resolve(root, p.file)])) },
  },
  plugins: [cobrowseDemo()],
});
