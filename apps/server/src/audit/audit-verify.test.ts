import type { AuditVerification } from '@assent/shared';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { testDatabases, useDatabase } from '../test-support/test-databases';
import { appendAudit, auditDenied, entryHash } from './audit-log';
import type { AuditLogTable } from './audit-tables';
import { verifyAuditChain } from './audit-verify';

type Column = Exclude<keyof AuditLogTable, 'seq'>;

async function appendEntries(db: Db, count: number) {
  for (let n = 1; n <= count; n++) {
    const entry = {
      actor: n === 1 ? { userId: null, role: null } : { userId: `user-${n}`, role: 'admin' },
      action: n % 2 ? 'auth.sign_in' : 'policy.update',
      target: n % 3 === 0 ? undefined : { type: 'user', id: `user-${n}` },
      detail: { n },
      at: new Date(Date.UTC(2026, 10, 22, 10, 0, n)),
    } as const;
    await (n === 2 ? auditDenied(db, entry) : appendAudit(db, entry));
  }
}

const rowAt = (db: Db, seq: number) =>
  db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

/** A value different from `value` that the column's constraints still accept. */
function tampered(column: Column, value: string | null): string {
  switch (column) {
    case 'outcome':
      return value === 'done' ? 'denied' : 'done';
    case 'detail':
      return '{"n":0}';
    case 'hash':
    case 'prev_hash':
      return 'f'.repeat(64);
    case 'at':
      return '2026-11-22T09:59:59.000Z';
    default:
      return `${value ?? ''}x`;
  }
}

const broken = (seq: number, reason: string): Partial<AuditVerification> => ({
  intact: false,
  brokenAt: { seq, reason },
});

async function moveEntry(db: Db, from: number, to: number) {
  await db.updateTable('audit_log').set({ seq: to }).where('seq', '=', from).execute();
}

describe.each(testDatabases)('verifying the audit chain ($name)', (database) => {
  const currentDb = useDatabase(database);

  it('finds an edit to any field of any entry, at that entry', async () => {
    const db = currentDb();
    await appendEntries(db, 4);
    const columns: Column[] = [
      'at',
      'actor_user_id',
      'actor_role',
      'action',
      'target_type',
      'target_id',
      'outcome',
      'detail',
      'prev_hash',
      'hash',
    ];
    for (let seq = 1; seq <= 4; seq++) {
      for (const column of columns) {
        const original = await rowAt(db, seq);
        const set = { [column]: tampered(column, original[column]) };
        await db.updateTable('audit_log').set(set).where('seq', '=', seq).execute();
        expect(await verifyAuditChain(db), `${column} of entry ${seq}`).toMatchObject(
          broken(seq, 'hash does not match its contents'),
        );
        await db
          .updateTable('audit_log')
          .set({ [column]: original[column] })
          .where('seq', '=', seq)
          .execute();
      }
    }
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, entries: 4 });
  });

  it('finds an edited entry whose own hash was recomputed, at the entry after it', async () => {
    const db = currentDb();
    await appendEntries(db, 4);
    const row = await rowAt(db, 2);
    const forged = {
      seq: 2,
      at: row.at,
      actorUserId: row.actor_user_id,
      actorRole: row.actor_role,
      action: 'auth.sign_in',
      targetType: row.target_type,
      targetId: row.target_id,
      outcome: 'done' as const,
      detail: row.detail,
      prevHash: row.prev_hash,
    };
    await db
      .updateTable('audit_log')
      .set({ action: forged.action, outcome: forged.outcome, hash: entryHash(forged) })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject(broken(3, 'previous hash does not match entry 2'));
  });

  it('finds a renumbered, a deleted or a swapped entry, at the right seq', async () => {
    const db = currentDb();
    await appendEntries(db, 5);
    await moveEntry(db, 2, 99);
    expect(await verifyAuditChain(db)).toMatchObject(broken(2, 'entry 2 is missing'));
    await moveEntry(db, 99, 2);

    // Swap entries 2 and 4, then the neighbours 4 and 5.
    await moveEntry(db, 2, 100);
    await moveEntry(db, 4, 2);
    await moveEntry(db, 100, 4);
    expect(await verifyAuditChain(db)).toMatchObject(broken(2, 'hash does not match its contents'));
    await moveEntry(db, 4, 100);
    await moveEntry(db, 2, 4);
    await moveEntry(db, 100, 2);
    expect((await verifyAuditChain(db)).intact).toBe(true);
    await moveEntry(db, 4, 100);
    await moveEntry(db, 5, 4);
    await moveEntry(db, 100, 5);
    expect(await verifyAuditChain(db)).toMatchObject(broken(4, 'hash does not match its contents'));
    await moveEntry(db, 5, 100);
    await moveEntry(db, 4, 5);
    await moveEntry(db, 100, 4);

    const last = await verifyAuditChain(db);
    expect(last).toMatchObject({ intact: true, entries: 5, lastSeq: 5 });
    await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ...broken(3, 'entry 3 is missing'), entries: 4 });
    await db.deleteFrom('audit_log').where('seq', '=', 1).execute();
    expect(await verifyAuditChain(db)).toMatchObject(broken(1, 'entry 1 is missing'));
  });

  it('shows a cut-off tail only through the last hash kept elsewhere', async () => {
    const db = currentDb();
    await appendEntries(db, 3);
    const before = await verifyAuditChain(db);
    await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    const after = await verifyAuditChain(db);
    expect(after).toMatchObject({ intact: true, entries: 2, lastSeq: 2 });
    expect(after.lastHash).not.toBe(before.lastHash);
  });

  it('finds a first entry that does not start from the genesis hash, or a row before it', async () => {
    const db = currentDb();
    await appendEntries(db, 2);
    const first = await rowAt(db, 1);
    const resigned = {
      seq: 1,
      at: first.at,
      actorUserId: first.actor_user_id,
      actorRole: first.actor_role,
      action: first.action,
      targetType: first.target_type,
      targetId: first.target_id,
      outcome: first.outcome,
      detail: first.detail,
      prevHash: 'a'.repeat(64),
    };
    await db
      .updateTable('audit_log')
      .set({ prev_hash: resigned.prevHash, hash: entryHash(resigned) })
      .where('seq', '=', 1)
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject(broken(1, 'previous hash is not the start of the log'));
    await db
      .updateTable('audit_log')
      .set({ prev_hash: first.prev_hash, hash: first.hash })
      .where('seq', '=', 1)
      .execute();

    await db
      .insertInto('audit_log')
      .values({ ...first, seq: 0, hash: 'b'.repeat(64) })
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject({
      ...broken(0, 'entry 0 is out of sequence'),
      entries: 3,
    });
  });

  it('reads the log in pages and finds a break on a page boundary', async () => {
    const db = currentDb();
    await appendEntries(db, 10);
    let largestResult = 0;
    let queries = 0;
    const measure: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        queries += 1;
        largestResult = Math.max(largestResult, args.result.rows.length);
        return args.result;
      },
    };
    const measured = db.withPlugin(measure);
    expect(await verifyAuditChain(measured, { pageSize: 3 })).toMatchObject({ intact: true, entries: 10 });
    expect(largestResult).toBe(3);
    expect(queries).toBe(4);
    for (const pageSize of [1, 5, 10, 500]) {
      expect(await verifyAuditChain(db, { pageSize })).toMatchObject({ intact: true, entries: 10 });
    }

    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect(await verifyAuditChain(db, { pageSize: 3 })).toEqual({
      intact: false,
      entries: 9,
      lastSeq: 10,
      lastHash: (await rowAt(db, 10)).hash,
      brokenAt: { seq: 4, reason: 'entry 4 is missing' },
    });
  });
});
