import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// `npm run demo`: the widget from source against the project's fake SDK. No Zoom account needed.
export default defineConfig({
  root,
  define: { __VERSION__: JSON.stringify('demo'), __IIFE__: 'false' },
  server: { port: 5173, strictPort: false, fs: { allow: [resolve(root, '..')] } },
  build: { outDir: resolve(root, '../dist-demo'), emptyOutDir: true },
});
