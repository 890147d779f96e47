import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// An access answer is compiled as a draft an admin reads, then released to the requester: the release
// is recorded (when, by whom), and what the draft left out (safeguarding exemptions) is noted for the
// admins only. Answers released before this step existed were shown at once, so they count as released.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('access_requests').addColumn('released_at', 'text').execute();
  await db.schema.alterTable('access_requests').addColumn('released_by_user_id', 'text').execute();
  // JSON: counts of what the answer leaves out and why, for the admin who releases it.
  await db.schema.alterTable('access_requests').addColumn('withheld', 'text').execute();
  await sql`update access_requests set released_at = answered_at, released_by_user_id = answered_by_user_id
    where status = 'answered'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['withheld', 'released_by_user_id', 'released_at']) {
    await db.schema.alterTable('access_requests').dropColumn(column).execute();
  }
}
