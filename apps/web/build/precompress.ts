/**
 * A Vite plugin that writes a `.br` and a `.gz` beside every built text file, once, at build time: the
 * server then sends the smaller copy the browser accepts (content negotiation) without compressing on
 * each request. Brotli at its highest quality, since it is paid once per build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
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
      async handler() {
        await compressTree(outDir);
      },
    },
  };
}

/** The files under `dir` worth compressing that lack a current compressed copy. */
function filesToCompress(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      filesToCompress(path, found);
      continue;
    }
    if (!compressible.test(entry.name)) continue;
    const stats = statSync(path);
    if (stats.size < minBytes || isCurrent(`${path}.br`, stats.mtimeMs)) continue;
    found.push(path);
  }
  return found;
}

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/**
 * Writes the compressed copies for every file under `dir` that lacks a current one. Node's zlib runs
 * them on its thread pool, so every core compresses at once (brotli at its highest quality is most of
 * a build's time on one core); the bytes are the same as one at a time. Biggest first, so no large
 * file is left to finish alone at the end.
 */
export async function compressTree(dir: string): Promise<void> {
  const files = filesToCompress(dir)
    .map((path) => ({ path, source: readFileSync(path) }))
    .sort((a, b) => b.source.length - a.source.length);
  await Promise.all(
    files.map(async ({ path, source }) => {
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzip(source, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    }),
  );
}

function isCurrent(path: string, sourceMtimeMs: number): boolean {
  try {
    return statSync(path).mtimeMs >= sourceMtimeMs;
  } catch {
    return false;
  }
}
