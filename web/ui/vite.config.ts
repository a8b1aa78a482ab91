import { defineConfig } from 'vitest/config';

// The C++ server serves dist/ and the API on the same origin; during
// `npm run dev` the API is proxied to a server on localhost:8080.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080', '/healthz': 'http://localhost:8080' },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
