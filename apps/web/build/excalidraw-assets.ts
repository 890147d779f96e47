/**
 * A Vite plugin that serves the whiteboard editor's fonts from our own origin: the build copies them from
 * the package into `excalidraw/` (the page sets `window.EXCALIDRAW_ASSET_PATH` to it), and the dev server
 * serves them from the package. Without them Excalidraw would fetch its fonts from a CDN.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Excalidraw adds a CDN (esm.sh) after our address to each font's sources; the browser may try it, and
 * the Content-Security-Policy then reports it. The build points that fallback at our own copy as well.
 */
const cdnFallback = /`https:\/\/esm\.sh\/\$\{[\s\S]*?\}\/dist\/prod\/`/g;

const prefix = '/excalidraw/';

function packageFonts(): string {
  const entry = fileURLToPath(import.meta.resolve('@excalidraw/excalidraw'));
  // dist/prod/index.js (or dist/dev/index.js): the fonts sit beside it in dist/prod/fonts.
  return join(dirname(entry), '..', 'prod', 'fonts');
}

export function excalidrawAssets(): Plugin {
  let outDir = '';
  return {
    name: 'assent:excalidraw-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    transform(code, id) {
      if (!id.includes('/@excalidraw/excalidraw/') || !code.includes('esm.sh')) return null;
      // An absolute address: Excalidraw resolves each font against it with `new URL`.
      return {
        code: code.replace(cdnFallback, `(window.location.origin+${JSON.stringify(prefix)})`),
        map: null,
      };
    },
    configureServer(server) {
      const fonts = packageFonts();
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(`${prefix}fonts/`)) return next();
        const file = normalize(join(fonts, decodeURIComponent(path.slice(`${prefix}fonts/`.length))));
        if (!file.startsWith(fonts) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('content-type', 'font/woff2');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle: {
      sequential: true,
      handler() {
        cpSync(packageFonts(), join(outDir, 'excalidraw', 'fonts'), { recursive: true });
      },
    },
  };
}
