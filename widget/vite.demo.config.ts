import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Demo page built against the *built* ESM bundle (dist/index.js) with React bundled in.
// base './' lets any server (the mock server, the Java REST server) host it under any path.
export default defineConfig({
  root: 'demo',
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: { 'recsys-lite-widget': fileURLToPath(new URL('./dist/index.js', import.meta.url)) },
  },
  build: {
    outDir: '../dist-demo',
    emptyOutDir: true,
  },
});
