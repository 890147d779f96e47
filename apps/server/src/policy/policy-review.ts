/**
 * An administrator marks the recording policy in force (with its agreement text) as reviewed: their word
 * that they read it and keep it as it is. Saving a version is a review too; this is for an organisation
 * that keeps the defaults. Written once per admin and version, audited in the same transaction.
 */
import { type AuditActor, appendAudit } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import { latestPolicyVersion } from './policy-repository';

/** Records the review of the version in force; answers its number. A second review of it changes nothing. */
export async function markPolicyReviewed(
  db: DbOrTrx,
  actor: AuditActor & { userId: string },
  now: Date,
): Promise<number> {
  const run = async (trx: DbOrTrx) => {
    const version = await latestPolicyVersion(trx);
    if (version === undefined) throw new AppError(409, 'conflict', 'There is no policy to review yet.');
    const written = await trx
      .insertInto('policy_reviews')
      .values({ policy_version: version, reviewed_by_user_id: actor.userId, reviewed_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['policy_version', 'reviewed_by_user_id']).doNothing())
      .executeTakeFirst();
    if (Number(written.numInsertedOrUpdatedRows ?? 0) > 0) {
      await appendAudit(trx, {
        actor,
        action: 'policy.review',
        target: { type: 'policy', id: String(version) },
        detail: { version },
        at: now,
      });
    }
    return version;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Whether an administrator saved a version of the policy or marked one as reviewed. */
export async function policyWasReviewed(db: DbOrTrx): Promise<boolean> {
  const saved = await db
    .selectFrom('policy_versions')
    .select('version')
    .where('created_by_user_id', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (saved) return true;
  const reviewed = await db.selectFrom('policy_reviews').select('policy_version').limit(1).executeTakeFirst();
  return reviewed !== undefined;
}
