import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// An administrator's word that they read a version of the recording policy (and its agreement text) and
// keep it as it is: the first-run checklist's "reviewed" for an organisation happy with the defaults.
// Once per admin and version; the audit log holds the same fact in its chain.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_reviews')
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('reviewed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_reviews_pk', ['policy_version', 'reviewed_by_user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_reviews').execute();
}
