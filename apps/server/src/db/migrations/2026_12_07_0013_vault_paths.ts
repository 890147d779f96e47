import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// The vault trusts only what Assent decided: the file path Assent chose when it started an egress
// (egress's own report of a file name is kept apart and never opened), and which policy version set a
// stored recording's retention end (a shortened retention moves it earlier and deletion records cite it).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Null: Assent never started this egress (it was only reported), so nothing of it is ingested.
  await db.schema.alterTable('recording_segments').addColumn('chosen_path', 'text').execute();
  // Before this, `file_path` held Assent's path until a webhook overwrote it; only rows Assent started
  // (they carry a request) are taken over. The vault still checks each path lies in the recordings
  // directory before opening it.
  await sql`update recording_segments set chosen_path = file_path where request_id is not null`.execute(db);
  await db.schema.alterTable('recordings').addColumn('retention_policy_version', 'integer').execute();
  await sql`update recordings set retention_policy_version = policy_version where retain_until is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recordings').dropColumn('retention_policy_version').execute();
  await db.schema.alterTable('recording_segments').dropColumn('chosen_path').execute();
}
