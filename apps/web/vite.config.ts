import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { testReporting } from '../../vitest.reporters';

// The API server the dev server forwards /api to; production serves the built files from that server.
const apiTarget = process.env.ASSENT_API_PROXY ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  test: { ...testReporting('web') },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, proxy: { '/api': { target: apiTarget } } },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      // The app, and the page LiveKit Egress records (an entry of its own: none of its code reaches the app).
      input: {
        app: fileURLToPath(new URL('./index.html', import.meta.url)),
        recordingLayout: fileURLToPath(new URL('./recording-layout/index.html', import.meta.url)),
      },
      // @assent/shared is import-free at module level apart from schema definitions; declaring it
      // side-effect free lets a page that needs one constant skip the zod schemas it does not use.
      treeshake: { moduleSideEffects: (id) => !id.includes('/packages/shared/') },
      output: {
        // Name the lazily loaded LiveKit chunk for what it is (rollup would name it after one of our modules).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/node_modules/livekit-client/'))
            ? 'assets/livekit-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
});
