import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only; bundling it keeps the main bundle CommonJS.
      externalizeDeps: { exclude: ['electron-store'] },
      // CommonJS: main relies on __dirname to find out/preload and out/renderer.
      lib: { entry: resolve(root, 'main/app/index.ts'), formats: ['cjs'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload is run as CommonJS with only require('electron'); ESM would not load.
      lib: { entry: resolve(root, 'main/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Two pages: the desk, and the decision-table editor, which is served with a CSP of its own (shared/security.ts).
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html'), 'policy-editor': resolve(root, 'renderer/policy-editor.html') },
      },
    },
  },
});
