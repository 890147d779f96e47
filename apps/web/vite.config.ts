import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';
import { testReporting } from '../../vitest.reporters';
import { excalidrawAssets } from './build/excalidraw-assets';
import { precompress } from './build/precompress';

// The API server the dev server forwards /api to; production serves the built files from that server.
const apiTarget = process.env.ASSENT_API_PROXY ?? 'http://127.0.0.1:8787';

/**
 * The pages Vite builds. `vite build` builds the app; `vite build --mode recording-layout` then adds the page
 * LiveKit Egress records, in a build of its own: sharing a build would split the modules both use into
 * shared chunks, changing what the app's pages load. In dev, Vite serves both pages from one server.
 */
const pages: Record<'app' | 'recordingLayout', Record<string, string>> = {
  app: { app: fileURLToPath(new URL('./index.html', import.meta.url)) },
  recordingLayout: {
    recordingLayout: fileURLToPath(new URL('./recording-layout/index.html', import.meta.url)),
  },
};

export default defineConfig(({ mode }) => ({
  plugins: [react(), excalidrawAssets(), precompress()],
  resolve: {
    // @livekit/egress-sdk is CommonJS, and its require('livekit-client') resolves to LiveKit's UMD build:
    // a second whole copy of livekit-client beside the ES one the page uses. Point every import at one.
    alias: [{ find: /^livekit-client$/, replacement: fileURLToPath(import.meta.resolve('livekit-client')) }],
  },
  // Every core (Vitest's default leaves one idle: a single worker on a two-core machine). The bundle
  // budget reads the finished build, so it runs after the build (vitest.budget.config.ts), not here.
  test: {
    ...testReporting('web'),
    maxWorkers: '100%',
    exclude: [...configDefaults.exclude, 'build/**/*.budget.test.ts'],
  },
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
    // The layout's build adds its files beside the app's.
    emptyOutDir: mode !== 'recording-layout',
    // Which chunks each page loads, for the bundle budget (build/page-weight.ts); one manifest per build.
    // Not in Vite's hidden .vite/: turbo's cache of dist/** leaves hidden folders out. Never served.
    manifest:
      mode === 'recording-layout' ? 'build-manifests/recording-layout.json' : 'build-manifests/app.json',
    rollupOptions: {
      input: mode === 'recording-layout' ? pages.recordingLayout : pages.app,
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
}));
