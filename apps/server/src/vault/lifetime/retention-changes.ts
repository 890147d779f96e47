/**
 * A policy version that shortens a purpose's retention applies to the recordings already stored for it
 * (the more protective choice): their retention end moves earlier and records the version that moved it,
 * so the sweeper destroys them with a deletion record citing it. A longer retention never reaches stored
 * recordings: people consented to the shorter time. `retentionEffects` says which will happen before an
 * admin saves; `applyShorterRetention` does it in the transaction that saves the version.
 */
import type { OrganisationPolicyInput, RetentionEffect } from '@assent/shared';
import { type AuditActor, appendAudit } from '../../audit/audit-log';
import type { DbOrTrx } from '../../db/database';
import { addDays } from './retention-end';

interface PurposeChange {
  purpose: string;
  label: string;
  beforeDays: number;
  afterDays: number;
}

type Retentions = Pick<OrganisationPolicyInput, 'purposes'>['purposes'];
type RetentionDraft = { id: string; retentionDays: number; label?: string }[];

/** Purposes kept in both versions whose retention changed. */
function changedRetentions(before: Retentions, after: RetentionDraft): PurposeChange[] {
  const was = new Map(before.map((p) => [p.id, p]));
  return after.flatMap((purpose) => {
    const old = was.get(purpose.id);
    if (!old || old.retentionDays === purpose.retentionDays) return [];
    return [
      {
        purpose: purpose.id,
        label: purpose.label ?? old.label,
        beforeDays: old.retentionDays,
        afterDays: purpose.retentionDays,
      },
    ];
  });
}

/** Stored recordings of a purpose, with when their retention counts from and when it ends now. */
async function storedOf(db: DbOrTrx, purpose: string) {
  const rows = await db
    .selectFrom('recordings')
    .select(['id', 'ended_at', 'stored_at', 'created_at', 'retain_until'])
    .where('status', '=', 'stored')
    .where('purpose', '=', purpose)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: r.ended_at ?? r.stored_at ?? r.created_at,
    retainUntil: r.retain_until,
  }));
}

/** Which stored recordings a new retention of `days` would end sooner. */
const endedSooner = (rows: Awaited<ReturnType<typeof storedOf>>, days: number) =>
  rows.flatMap((row) => {
    const until = addDays(row.from, days);
    return row.retainUntil === null || until < row.retainUntil ? [{ id: row.id, until }] : [];
  });

export async function retentionEffects(
  db: DbOrTrx,
  before: Retentions,
  after: RetentionDraft,
  now: Date,
): Promise<RetentionEffect[]> {
  const effects: RetentionEffect[] = [];
  for (const change of changedRetentions(before, after)) {
    const stored = await storedOf(db, change.purpose);
    const shorter = change.afterDays < change.beforeDays;
    const sooner = shorter ? endedSooner(stored, change.afterDays) : [];
    effects.push({
      ...change,
      direction: shorter ? 'shorter' : 'longer',
      storedRecordings: stored.length,
      destroyedSooner: sooner.length,
      destroyedAtNextSweep: sooner.filter((r) => r.until <= now.toISOString()).length,
    });
  }
  return effects;
}

/**
 * Moves the retention end of stored recordings earlier for every purpose `after` shortens, citing
 * `version`, and audits what moved; call it in the transaction that saves `version`. Answers how many moved.
 */
export async function applyShorterRetention(
  trx: DbOrTrx,
  actor: AuditActor,
  before: Retentions,
  after: Retentions,
  version: number,
  now: Date,
): Promise<number> {
  let moved = 0;
  for (const change of changedRetentions(before, after)) {
    if (change.afterDays >= change.beforeDays) continue;
    const sooner = endedSooner(await storedOf(trx, change.purpose), change.afterDays);
    for (const { id, until } of sooner) {
      await trx
        .updateTable('recordings')
        .set({ retain_until: until, retention_policy_version: version })
        .where('id', '=', id)
        .where('status', '=', 'stored')
        .execute();
    }
    if (sooner.length === 0) continue;
    moved += sooner.length;
    await appendAudit(trx, {
      actor,
      action: 'recording.retention_shortened',
      target: { type: 'policy', id: String(version) },
      detail: {
        purpose: change.purpose,
        beforeDays: change.beforeDays,
        afterDays: change.afterDays,
        policyVersion: version,
        recordingIds: sooner.map((r) => r.id),
      },
      at: now,
    });
  }
  return moved;
}
