/**
 * Imports run one way: a folder may load only folders in a lower rank, never one above it or one beside it
 * in its own rank. The ranks are the map in ARCHITECTURE.md; a new folder needs a place here first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportEdge, importGraph, runtimeSpecifiers } from './test-support/import-graph';

/** Lowest first. A unit is a folder under src/ (or a sub-folder of rights/), or a file at the top. */
const ranks: readonly (readonly string[])[] = [
  ['logger.ts', 'opaque-ids.ts', 'polling-loop.ts', 'db'],
  ['http', 'mail'],
  ['audit'],
  ['livekit'],
  ['people'],
  ['policy'],
  ['presence', 'invites', 'calendar'],
  ['vault', 'insights'],
  ['sessions', 'board', 'transcripts'],
  ['consent', 'enrolment', 'chat'],
  [
    'call',
    'insights-read',
    'rights',
    'rights/access',
    'rights/concerns',
    'rights/deletion',
    'rights/research',
  ],
  ['middleware'],
  ['routes'],
  ['web-static.ts', 'config.ts', 'compose-core.ts'],
  ['app.ts'],
  ['index.ts', 'commands'],
];

/** Files that hold keys or ciphertext; only the vault itself may load them. */
const vaultInternals = /^vault\/crypto\//;

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Every TypeScript file under `dir`, installed packages and test output left out. */
function typescriptUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'test-results', 'dist'].includes(entry.name) ? [] : typescriptUnder(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return file;
  if (parts[0] === 'rights' && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0] as string;
}

function rankOf(unit: string): number {
  return ranks.findIndex((rank) => rank.includes(unit));
}

/** Each edge that loads a unit of the same or a higher rank, or a file no rank names. */
function wrongWay(edges: readonly ImportEdge[]): string[] {
  const wrong: string[] = [];
  for (const { from, to } of edges) {
    const [a, b] = [unitOf(from), unitOf(to)];
    if (a === b) continue;
    const [ra, rb] = [rankOf(a), rankOf(b)];
    if (ra < 0 || rb < 0) wrong.push(`${from} -> ${to} (${ra < 0 ? a : b} has no rank)`);
    else if (rb >= ra) wrong.push(`${from} -> ${to} (${a} is not above ${b})`);
  }
  return wrong;
}

describe('server imports', () => {
  const edges = importGraph(root);

  it('reads the real graph', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'routes/consent.ts', to: 'consent/consent-repository.ts' });
  });

  it('run one way: no folder loads a folder above it or beside it', () => {
    expect(wrongWay(edges)).toEqual([]);
  });

  it('keep the cipher and the key store inside the vault', () => {
    const leaks = edges.filter(({ from, to }) => vaultInternals.test(to) && !from.startsWith('vault/'));
    expect(leaks).toEqual([]);
  });

  // The stack's scripts and the journeys read recordings through the vault's face too. Benchmarks under
  // bench/ may load the cipher: measuring it (throughput, seek latency) is their job, as testing it is
  // the vault's own tests'.
  it('keep the cipher and the key store from the scripts and the end-to-end journeys', () => {
    const leaks = ['scripts', 'e2e']
      .flatMap((dir) => typescriptUnder(join(repoRoot, dir)))
      .filter((file) => /from '[^']*vault\/crypto\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(leaks).toEqual([]);
  });

  it('would catch an upward or sideways import', () => {
    expect(
      wrongWay([
        { from: 'vault/ingest.ts', to: 'rights/concerns/concern-review.ts' },
        { from: 'consent/x.ts', to: 'enrolment/y.ts' },
        { from: 'routes/consent.ts', to: 'consent/consent-service.ts' },
        { from: 'newfolder/a.ts', to: 'db/database.ts' },
      ]),
    ).toEqual([
      'vault/ingest.ts -> rights/concerns/concern-review.ts (vault is not above rights/concerns)',
      'consent/x.ts -> enrolment/y.ts (consent is not above enrolment)',
      'newfolder/a.ts -> db/database.ts (newfolder has no rank)',
    ]);
  });

  it('counts only what loads at run time', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B } from './b';",
      "import { c } from './c';",
      "export { d } from './d';",
      "export type { E } from './e';",
      "const f = () => import('./f');",
      "import 'node:fs';",
    ].join('\n');
    expect(runtimeSpecifiers(source)).toEqual(['./c', './d', './f']);
  });
});
