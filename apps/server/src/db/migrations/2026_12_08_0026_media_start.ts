import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// When a recording's file really begins. Egress's own start (`started_at`) is when it began its work:
// a room composite then opens the layout page in its browser and only starts the file once the page says
// START_RECORDING, seconds later. Egress reports the file's start apart (its FileInfo `started_at`, set
// when its pipeline starts playing, sent with the EGRESS_ACTIVE update and the final one). Transcript
// lines are placed on the wall clock from it. Null for files egress never reported a start for (older
// rows): their `started_at` is used, as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recording_segments').addColumn('media_started_at', 'text').execute();
  await db.schema.alterTable('recordings').addColumn('media_started_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recordings').dropColumn('media_started_at').execute();
  await db.schema.alterTable('recording_segments').dropColumn('media_started_at').execute();
}
