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
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
// The same walk through Vite's manifest as the bundle budget in `npm test`.
import { keyOf, type Manifest, staticClosure } from '../../../apps/web/build/page-weight';

/** The call page's modules: loaded before the call shows (the entry, the call, its state parser). */
const callPage = ['index.html', 'src/call/CallView.tsx', 'src/call/room-state-schema.ts'];
/** Loaded only when someone opens the whiteboard. */
const onDemand = { whiteboard: ['src/board/LiveBoard.tsx'] };

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
