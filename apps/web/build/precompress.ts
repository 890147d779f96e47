/**
 * A Vite plugin that writes a `.br` and a `.gz` beside every built text file, once, at build time: the
 * server then sends the smaller copy the browser accepts (content negotiation) without compressing on
 * each request. Brotli at its highest quality, since it is paid once per build.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: scripts, styles, pages and data (source maps are fetched by developers only). */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const minBytes = 1024;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'assent:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        compressTree(outDir);
      },
    },
  };
}

/** Writes the compressed copies for every file under `dir` that lacks a current one. */
export function compressTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      compressTree(path);
      continue;
    }
    if (!compressible.test(entry.name)) continue;
    const stats = statSync(path);
    if (stats.size < minBytes || isCurrent(`${path}.br`, stats.mtimeMs)) continue;
    const source = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
    );
    writeFileSync(`${path}.gz`, gzipSync(source, { level: constants.Z_BEST_COMPRESSION }));
  }
}

function isCurrent(path: string, sourceMtimeMs: number): boolean {
  try {
    return statSync(path).mtimeMs >= sourceMtimeMs;
  } catch {
    return false;
  }
}
