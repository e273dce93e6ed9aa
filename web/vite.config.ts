import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The build lands in target/classes/web so that Maven packs it into hearth-web.jar and the
// server serves it from the classpath. `npm run dev` proxies the API to a running Hearth.
export default defineConfig({
  plugins: [svelte()],
  // Component tests mount Svelte in happy-dom: they need Svelte's browser build, not its server one.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
      '/sse': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
