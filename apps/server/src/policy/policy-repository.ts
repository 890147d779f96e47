/**
 * Saved versions of the organisation's recording policy. A version is never changed once written; the
 * highest is in force. Rows become `OrganisationPolicy` here, and a stored body that does not parse as a
 * policy is an error, never a policy with holes in it.
 */
import { noticeVersionOf, type OrganisationPolicy, OrganisationPolicyInput } from '@assent/shared';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { PolicyVersionsTable } from './policy-tables';

export interface PolicyVersionRecord {
  policy: OrganisationPolicy;
  /** The saving account's current name; null for the defaults or an account that is gone. */
  createdByName: string | null;
}

/**
 * Fields added to the policy after versions were saved, with what those versions meant: sessions took
 * adult guests before the policy could say otherwise.
 */
const addedLater = { adultGuestsAllowed: true } as const;

function toPolicy(row: Selectable<PolicyVersionsTable>): OrganisationPolicy {
  const version = Number(row.version);
  const body = OrganisationPolicyInput.safeParse({ ...addedLater, ...JSON.parse(row.body) });
  if (!body.success) throw new Error(`policy version ${version} is not a valid policy`);
  return {
    version,
    noticeVersion: noticeVersionOf(version),
    createdAt: row.created_at,
    createdBy: row.created_by_user_id,
    policy: body.data,
  };
}

/** The number of the version in force, or undefined before the first is written. */
export async function latestPolicyVersion(db: DbOrTrx): Promise<number | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return row?.version == null ? undefined : Number(row.version);
}

/** One saved version, or undefined if there is no such version. */
export async function policyVersion(db: DbOrTrx, version: number): Promise<OrganisationPolicy | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toPolicy(row) : undefined;
}

/** The version in force, or undefined on a database where none has been written yet. */
export async function currentPolicy(db: DbOrTrx): Promise<OrganisationPolicy | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toPolicy(row) : undefined;
}

/** Every version, newest first, with who saved it. */
export async function listPolicyVersions(db: DbOrTrx): Promise<PolicyVersionRecord[]> {
  const rows = await db
    .selectFrom('policy_versions')
    .leftJoin('users', 'users.id', 'policy_versions.created_by_user_id')
    .selectAll('policy_versions')
    .select('users.name as created_by_name')
    .orderBy('policy_versions.version', 'desc')
    .execute();
  return rows.map((row) => ({ policy: toPolicy(row), createdByName: row.created_by_name ?? null }));
}

/**
 * Writes a new version unless that version number is taken already (another writer got there first);
 * answers whether this call wrote it.
 */
export async function insertPolicyVersion(
  trx: DbOrTrx,
  version: { version: number; policy: OrganisationPolicyInput; createdAt: string; createdBy: string | null },
): Promise<boolean> {
  const result = await trx
    .insertInto('policy_versions')
    .values({
      version: version.version,
      body: JSON.stringify(version.policy),
      created_at: version.createdAt,
      created_by_user_id: version.createdBy,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
