import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { countRows, testDatabases, useDatabase } from '../test-support/test-databases';
import { type AuditEntryInput, appendAudit, auditDenied, entryHash, genesisHash } from './audit-log';
import { toStoredAuditEntry } from './audit-repository';
import { verifyAuditChain } from './audit-verify';

const at = new Date('2026-11-22T10:00:00.000Z');

const entry = (
  n: number,
  action: 'session.read' | 'policy.update' = n % 2 ? 'session.read' : 'policy.update',
): AuditEntryInput => ({
  actor: { userId: `user-${n % 3}`, role: n % 2 ? 'tutor' : 'admin' },
  action,
  target: n % 4 === 0 ? undefined : { type: 'session', id: `s${n}` },
  detail: { n },
  at: new Date(at.getTime() + n * 1000),
});

async function rowsOf(db: Db) {
  return db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

describe.each(testDatabases)('the audit log writer ($name)', (database) => {
  const currentDb = useDatabase(database);

  it('numbers entries 1, 2, 3… and chains each to the hash of the one before', async () => {
    const db = currentDb();
    for (let n = 1; n <= 5; n++) await appendAudit(db, entry(n));
    const rows = await rowsOf(db);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(genesisHash);
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
      expect(row.hash).toBe(entryHash(toStoredAuditEntry(row)));
    }
    expect(rows[3]).toMatchObject({ target_type: null, target_id: null, outcome: 'done', detail: '{"n":4}' });
    expect(await verifyAuditChain(db)).toEqual({
      intact: true,
      entries: 5,
      lastSeq: 5,
      lastHash: rows[4]?.hash,
    });
  });

  it('calls an empty log intact', async () => {
    expect(await verifyAuditChain(currentDb())).toEqual({
      intact: true,
      entries: 0,
      lastSeq: null,
      lastHash: null,
    });
  });

  it('leaves no entry when the transaction it was written in rolls back', async () => {
    const db = currentDb();
    const failed = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('policy_versions')
        .values({ version: 1, body: '{}', created_at: at.toISOString(), created_by_user_id: null })
        .execute();
      await appendAudit(trx, entry(1, 'policy.update'));
      throw new Error('the change failed after its entry was written');
    });
    await expect(failed).rejects.toThrow('the change failed');
    expect(await countRows(db, 'audit_log')).toBe(0);
    expect(await countRows(db, 'policy_versions')).toBe(0);

    const next = await appendAudit(db, entry(2));
    expect(next).toMatchObject({ seq: 1, prevHash: genesisHash });
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it('keeps the chain gap-free and intact under 30 concurrent transactions', async () => {
    const db = currentDb();
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        db.transaction().execute(async (trx) => {
          // Some work of its own first, so the transactions really overlap on PostgreSQL's pool.
          await trx.selectFrom('users').select('id').execute();
          await appendAudit(trx, entry(n));
        }),
      ),
    );
    const rows = await rowsOf(db);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.detail)).size).toBe(30);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, entries: 30, lastSeq: 30 });
  });
  it('writes a refusal as denied, with only the actor’s account and role, committed on its own', async () => {
    const db = currentDb();
    const actor = { userId: 'user-1', role: 'tutor', name: 'Dana Tutor', email: 'dana@example.org' };
    const refusal = auditDenied(db, {
      actor,
      action: 'recording.view',
      target: { type: 'recording', id: 'rec_1' },
      detail: { reason: 'not_allowed' },
      at,
    }).then(() => {
      throw new Error('403');
    });
    await expect(refusal).rejects.toThrow('403');
    expect(await rowsOf(db)).toEqual([
      expect.objectContaining({
        seq: expect.anything(),
        actor_user_id: 'user-1',
        actor_role: 'tutor',
        action: 'recording.view',
        target_type: 'recording',
        target_id: 'rec_1',
        outcome: 'denied',
        detail: '{"reason":"not_allowed"}',
      }),
    ]);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
