/**
 * `npm run bench:weight -w @assent/bench`: what the call page makes a browser download before the call
 * shows, in gzip bytes. Builds the web app (or the one `BENCH_WEB_DIR` names, e.g. an older checkout, so
 * two builds compare in one run) with Vite's manifest, then sums every JS file the call needs at once:
 * the app's entry, the call view and the room-state parser it loads beside it, each with everything they
 * import statically. Chunks loaded only on demand (the whiteboard editor) are reported on their own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isDynamicEntry?: boolean;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The call page's modules: loaded before the call shows (the entry, the call, its state parser). */
const callPage = ['index.html', 'src/call/CallView.tsx', 'src/call/room-state-schema.ts'];
/** Loaded only when someone opens the whiteboard. */
const onDemand = { whiteboard: ['src/board/LiveBoard.tsx'] };

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

/** Every JS file `keys` need at once: the chunks and, recursively, their static imports. */
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

function weigh(dist: string, files: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

function build(webDir: string): { dist: string; manifest: Manifest } {
  const dist = mkdtempSync(join(tmpdir(), 'assent-weight-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--manifest', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: webDir,
      stdio: 'inherit',
    },
  );
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return { dist, manifest };
}

const webDir = resolve(
  process.env.BENCH_WEB_DIR ?? fileURLToPath(new URL('../../../apps/web', import.meta.url)),
);
const { dist, manifest } = build(webDir);
try {
  const keys = (paths: readonly string[]) => {
    const found = paths.map((path) => keyOf(manifest, path));
    const missing = paths.filter((_, i) => !found[i]);
    if (missing.length > 0) throw new Error(`not in the build's manifest: ${missing.join(', ')}`);
    return found as string[];
  };
  const call = staticClosure(manifest, keys(callPage));
  const callWeight = weigh(dist, call);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const rows: Record<string, { files: number; raw: string; gzip: string }> = {
    'call page (entry + call + state parser)': {
      files: call.size,
      raw: kb(callWeight.raw),
      gzip: kb(callWeight.gzip),
    },
  };
  const extra: Record<string, number> = {};
  for (const [name, paths] of Object.entries(onDemand)) {
    if (!paths.every((path) => keyOf(manifest, path))) continue;
    const more = [...staticClosure(manifest, keys(paths))].filter((file) => !call.has(file));
    const w = weigh(dist, more);
    extra[name] = w.gzip;
    rows[`+ ${name}, on demand`] = { files: more.length, raw: kb(w.raw), gzip: kb(w.gzip) };
  }
  console.table(rows);
  const dir = fileURLToPath(new URL('../../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const file = `${dir}page-weight-${at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ at, webDir, callPage: callWeight, onDemandGzip: extra }, null, 2)}\n`,
  );
  console.log(`written to bench/results/${file.slice(dir.length)}`);
} finally {
  rmSync(dist, { recursive: true, force: true });
}
