import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/audit-log';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

const command = fileURLToPath(new URL('./audit-verify.ts', import.meta.url));

/** Runs the command as `npm run audit:verify` does, in its own process. */
function runCommand(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', command],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

// One SQLite file is enough here: the chain checks themselves run on every database in audit-verify.test.ts.
describe('npm run audit:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assent-audit-'));
  const filename = join(dir, 'assent.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact log, 1 on a tampered one, 2 when there is no database', async () => {
    const { db } = connectDatabase({ kind: 'sqlite', filename });
    await migrateToLatest(db);
    for (const action of ['auth.sign_in', 'policy.update', 'auth.sign_out']) {
      await appendAudit(db, { actor: { userId: 'u1', role: 'admin' }, action, at: new Date() });
    }

    const intact = await runCommand(`sqlite:${filename}`);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toMatch(/^Audit log intact: 3 entries \(last entry 3, hash [0-9a-f]{64}\)$/m);

    await db.updateTable('audit_log').set({ action: 'policy.read' }).where('seq', '=', 2).execute();
    await db.destroy();
    const broken = await runCommand(`sqlite:${filename}`);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Audit log BROKEN at entry 2: hash does not match its contents');

    const missing = await runCommand(`sqlite:${join(dir, 'nothing-here.sqlite')}`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No database at');
  }, 60_000);
});
