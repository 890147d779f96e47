/**
 * What a page makes a browser download, read from a finished build: each page is a list of modules (its
 * HTML entry and the chunks it fetches before it is usable), and its weight is every JS file those need
 * at once, following static imports (which the HTML modulepreloads) through Vite's manifest. Chunks
 * loaded only on demand (the whiteboard editor, dialogs) count only for a page that lists them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Where each build writes its manifest (vite.config.ts), inside the build's output. */
export const manifestFiles = {
  app: 'build-manifests/app.json',
  'recording-layout': 'build-manifests/recording-layout.json',
} as const;
export type BuildName = keyof typeof manifestFiles;

export function readManifest(dist: string, build: BuildName): Manifest {
  return JSON.parse(readFileSync(join(dist, manifestFiles[build]), 'utf8')) as Manifest;
}

/**
 * The manifest key of a module. A module that is also imported by another chunk is keyed by its chunk's
 * file name (`_CallView-hash.js`), so a dynamic entry is also found by its name.
 */
export function keyOf(manifest: Manifest, modulePath: string): string | undefined {
  if (manifest[modulePath]) return modulePath;
  const name = basename(modulePath).replace(/\.[^.]+$/, '');
  return Object.keys(manifest).find((key) => {
    const chunk = manifest[key];
    return (
      chunk?.src === modulePath ||
      (chunk?.isDynamicEntry && chunk.name === name && chunk.file.endsWith('.js'))
    );
  });
}

/** Every JS file the chunks at `keys` need at once: the chunks and, recursively, their static imports. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return files;
}

/** The JS files of a page, by its modules; a module missing from the build is an error, not zero bytes. */
export function pageFiles(manifest: Manifest, modules: readonly string[]): Set<string> {
  const keys = modules.map((path) => {
    const key = keyOf(manifest, path);
    if (!key) throw new Error(`${path} is not in the build's manifest`);
    return key;
  });
  return staticClosure(manifest, keys);
}

export interface Weight {
  files: number;
  raw: number;
  /** gzip at level 9, as the precompress plugin writes it. */
  gzip: number;
  /**
   * The brotli copies the build wrote, or the file itself where it wrote none (under a kilobyte): what the
   * server sends a browser that accepts brotli, the bytes on the wire.
   */
  brotli: number;
}

export function weigh(dist: string, files: Iterable<string>): Weight {
  const weight: Weight = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    const br = join(dist, `${file}.br`);
    weight.files += 1;
    weight.raw += bytes.length;
    weight.gzip += gzipSync(bytes, { level: 9 }).length;
    weight.brotli += existsSync(br) ? readFileSync(br).length : bytes.length;
  }
  return weight;
}
