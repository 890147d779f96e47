/**
 * Talk time's life, as the chat log's: a session's speaking intervals are destroyed once the policy's
 * talk-time retention has passed since the session ended (its last observation's end), unless an open
 * concern or safeguarding report holds the session. Talk time is its own data class: a recording's
 * destruction never touches it. Each destruction leaves a deletion record and an audit entry, written in
 * the same transaction; the observation rows stay, with `destroyed_at` set, as the record that it existed.
 */
import { addDays } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { Db, DbOrTrx } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import type { PolicyBook } from '../policy/policy-book';
import type { DataClassSweep, DataClassSweeper } from '../vault/vault';

export interface TalkLifetimeDeps {
  db: Db;
  policies: Pick<PolicyBook, 'current'>;
  /** Sessions an open concern or safeguarding report holds (the vault's holds, handed in by composeCore). */
  heldSessionIds: (db: DbOrTrx) => Promise<Set<string>>;
}

/** The deletion record's `purpose` for talk time (deletion records name a data class there). */
export const talkTimeDataClass = 'talk_time';

export async function destroyExpiredTalkTime(deps: TalkLifetimeDeps, at: Date): Promise<DataClassSweep> {
  const current = await deps.policies.current();
  const days = current.policy.talkTimeRetentionDays;
  const cutoff = addDays(at, -days).toISOString();
  const observed = await deps.db
    .selectFrom('talk_observations')
    .select((eb) => [
      'session_id',
      eb.fn.max('ended_at').as('ended_at'),
      eb.fn.min('started_at').as('started_at'),
      eb.fn.count<string | number>('id').as('observations'),
      eb.fn.count<string | number>('ended_at').as('ended'),
    ])
    .where('destroyed_at', 'is', null)
    .groupBy('session_id')
    .execute();
  // Only sessions whose every observation has ended, the last of them before the cutoff.
  const expired = observed.filter(
    (row) =>
      Number(row.observations) === Number(row.ended) &&
      row.ended_at !== null &&
      String(row.ended_at) <= cutoff,
  );
  const held = await deps.heldSessionIds(deps.db);
  const result: DataClassSweep = { destroyed: 0, held: 0 };
  for (const row of expired) {
    if (held.has(row.session_id)) {
      result.held += 1;
      continue;
    }
    const endedAt = String(row.ended_at);
    const destroyedAt = at.toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('talk_intervals')
        .where('session_id', '=', row.session_id)
        .executeTakeFirst();
      const stretches = Number(deleted.numDeletedRows);
      await trx
        .updateTable('talk_observations')
        .set({ destroyed_at: destroyedAt })
        .where('session_id', '=', row.session_id)
        .where('destroyed_at', 'is', null)
        .execute();
      const session = await trx
        .selectFrom('sessions')
        .select('title')
        .where('id', '=', row.session_id)
        .executeTakeFirst();
      await trx
        .insertInto('deletion_records')
        .values({
          id: newDeletionRecordId(),
          // Deletion records name what they destroyed by a unique id: the session's talk time at that time.
          recording_id: `talktime:${row.session_id}:${destroyedAt}`,
          session_id: row.session_id,
          session_title: session?.title ?? '',
          purpose: talkTimeDataClass,
          recorded_at: String(row.started_at),
          destroyed_at: destroyedAt,
          reason: 'retention',
          detail: `Talk time's retention (${days} days after the session ended on ${endedAt.slice(0, 10)}) ended (policy version ${current.version}): ${stretches} ${stretches === 1 ? 'stretch' : 'stretches'} of speaking destroyed`,
          decided_by_user_id: null,
        })
        .execute();
      await appendAudit(trx, {
        actor: systemActor,
        action: 'talk_time.destroyed',
        target: { type: 'session', id: row.session_id },
        detail: { sessionId: row.session_id, reason: 'retention', stretches },
        at,
      });
      result.destroyed += 1;
    });
  }
  return result;
}

export function talkTimeSweeper(deps: TalkLifetimeDeps): DataClassSweeper {
  return {
    dataClass: talkTimeDataClass,
    plural: 'talk-time records',
    sweep: (at) => destroyExpiredTalkTime(deps, at),
  };
}
