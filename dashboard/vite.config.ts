import { defineConfig } from 'vitest/config';

// A static single-page app. Relative asset urls, so that the same build works under the example
// server's /dashboard/ and under the e2e mock server.
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // One page loaded once: React + Recharts in one chunk (about 180 kB gzipped) is fine.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
