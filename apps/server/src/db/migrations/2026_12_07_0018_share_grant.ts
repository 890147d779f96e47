import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// When the tutor let this seat share its screen (null: not let, or stopped). Kept on the seat so the
// permission outlives a reload: each new LiveKit token carries it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('may_share_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('may_share_at').execute();
}
