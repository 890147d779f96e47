/** `npm test`'s PostgreSQL: a cluster of the run's own, never the machine's, gone when the run ends. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Runs bash with lib.sh loaded; resolves with what it printed and how it ended. */
function shell(
  script: string,
  env: NodeJS.ProcessEnv = {},
  onLine?: (line: string, kill: () => void) => void,
) {
  const child = spawn('bash', ['-c', `source scripts/lib.sh\n${script}`], {
    cwd: root,
    env: { ...process.env, TEST_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (data: Buffer) => {
    out += data.toString();
    for (const line of data.toString().split('\n').filter(Boolean))
      onLine?.(line, () => child.kill('SIGTERM'));
  });
  child.stderr.on('data', (data: Buffer) => {
    err += data.toString();
  });
  return new Promise<{ out: string; err: string; code: number | null }>((resolve) =>
    child.once('exit', (code) => resolve({ out, err, code })),
  );
}

const socketDirOf = (url: string) => new URL(url).searchParams.get('host') ?? '';

describe('the throwaway PostgreSQL of npm test', () => {
  it('runs in a temporary directory on a socket of its own with a generated password, removed on failure', async () => {
    const run = await shell(`
      use_throwaway_postgres
      echo "url=$TEST_DATABASE_URL"
      psql "$TEST_DATABASE_URL" -qAt -c "select current_database() || ' ' || current_setting('listen_addresses')"
      exit 3
    `);
    expect(run.code, run.err).toBe(3);
    const url = /url=(\S+)/.exec(run.out)?.[1] ?? '';
    const parsed = new URL(url);
    expect(parsed.username).toBe('assent');
    expect(parsed.password).not.toBe('assent');
    expect(parsed.password.length).toBeGreaterThanOrEqual(24);
    // Reached through its own socket only: no TCP port, so never the machine's cluster on 5432.
    expect(run.out).toContain('assent_test \n');
    expect(socketDirOf(url)).toMatch(/assent-pg\./);
    expect(existsSync(socketDirOf(url))).toBe(false);
  });

  it('is stopped and removed when the run is interrupted', async () => {
    let url = '';
    const run = await shell(
      `
      use_throwaway_postgres
      echo "url=$TEST_DATABASE_URL"
      sleep 60 & wait $!
    `,
      {},
      (line, kill) => {
        if (!line.startsWith('url=')) return;
        url = line.slice(4);
        expect(existsSync(join(socketDirOf(url), 'data', 'postmaster.pid'))).toBe(true);
        kill();
      },
    );
    expect(run.code, run.err).toBe(143);
    expect(url).not.toBe('');
    expect(existsSync(socketDirOf(url))).toBe(false);
  });

  it('uses the database TEST_DATABASE_URL names instead, and starts nothing', async () => {
    const named = 'postgres://someone:secret@db.example.org:5433/tests';
    const run = await shell(
      'use_throwaway_postgres; echo "url=$TEST_DATABASE_URL"; declare -p ASSENT_PG_DIR 2>/dev/null || echo no-cluster',
      {
        TEST_DATABASE_URL: named,
      },
    );
    expect(run.out).toContain(`url=${named}\n`);
    expect(run.out).toContain('no-cluster\n');
  });
});
