/**
 * The one writer of the audit log. Every entry is written inside the transaction of the change it
 * records (so a rolled-back change leaves no entry and a committed one always has its entry), and
 * holds the SHA-256 of the previous entry, so removing or editing any entry breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { AuditAction, AuditDeniedDetail, AuditDetail } from '@assent/shared';
import { PostgresAdapter, sql } from 'kysely';
import type { DbOrTrx } from '../db/database';

export const genesisHash = '0'.repeat(64);

export interface AuditActor {
  userId: string | null;
  role: string | null;
}

export interface AuditTarget {
  type: string;
  id: string;
}

/** An action's detail: required where its schema has required fields, optional otherwise. */
type DetailOf<A extends AuditAction> =
  Record<never, never> extends AuditDetail<A> ? { detail?: AuditDetail<A> } : { detail: AuditDetail<A> };

/**
 * Who did what to which thing; `detail` is kept as JSON and must hold no secrets or media. The action is
 * one of the shared `AuditAction` vocabulary and its detail the one `auditDetailSchemas` gives it.
 * Refusals are written with `auditDenied`.
 */
export type AuditEntryInput = {
  [A in AuditAction]: {
    actor: AuditActor;
    action: A;
    target?: AuditTarget | undefined;
    outcome?: 'done';
    at: Date;
  } & DetailOf<A>;
}[AuditAction];

/** A refused attempt: the action that was refused, and why (see `AuditDeniedDetail`). */
export interface AuditDenial {
  /** Only `userId` and `role` are kept, so an `Actor` may be passed as it is. */
  actor: AuditActor;
  action: AuditAction;
  target?: AuditTarget | undefined;
  detail: AuditDeniedDetail;
  at: Date;
}

type EntryToWrite = Omit<AuditDenial, 'detail'> & {
  outcome: 'done' | 'denied';
  detail?: Record<string, unknown> | undefined;
};

export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'done' | 'denied';
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The hash an entry must carry: over every field and the previous entry's hash, in a fixed order. */
export function entryHash(entry: Omit<AuditEntry, 'hash' | 'detail'> & { detail: string }): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actorUserId,
    entry.actorRole,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.outcome,
    entry.detail,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one entry. Call it with the transaction that makes the change; outside a transaction pass
 * the database and it commits on its own.
 */
export function appendAudit(db: DbOrTrx, input: AuditEntryInput): Promise<AuditEntry> {
  return writeEntry(db, { ...input, outcome: 'done' });
}

/**
 * Appends the refusal of an attempt (outcome `denied`). A refusal changes nothing, so pass the database
 * and it commits on its own: the entry stays even though the request fails.
 */
export function auditDenied(db: DbOrTrx, denial: AuditDenial): Promise<AuditEntry> {
  const { userId, role } = denial.actor;
  return writeEntry(db, { ...denial, actor: { userId, role }, outcome: 'denied' });
}

async function writeEntry(db: DbOrTrx, input: EntryToWrite): Promise<AuditEntry> {
  if (!db.isTransaction) return db.transaction().execute((trx) => writeEntry(trx, input));
  // PostgreSQL: one writer at a time, or two transactions would both extend the same last entry.
  // SQLite already runs one write transaction at a time.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`lock table audit_log in exclusive mode`.execute(db);
  }
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const detail = JSON.stringify(input.detail ?? {});
  const unsigned = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: input.at.toISOString(),
    actorUserId: input.actor.userId,
    actorRole: input.actor.role,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    outcome: input.outcome,
    detail,
    prevHash: last?.hash ?? genesisHash,
  };
  const hash = entryHash(unsigned);
  await db
    .insertInto('audit_log')
    .values({
      seq: unsigned.seq,
      at: unsigned.at,
      actor_user_id: unsigned.actorUserId,
      actor_role: unsigned.actorRole,
      action: unsigned.action,
      target_type: unsigned.targetType,
      target_id: unsigned.targetId,
      outcome: unsigned.outcome,
      detail,
      prev_hash: unsigned.prevHash,
      hash,
    })
    .execute();
  return { ...unsigned, detail: input.detail ?? {}, hash };
}
