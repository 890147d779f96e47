import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Access that ends: an account an admin disabled (refused sign-in, its join links refused), an
// invitation an admin withdrew before it was used, and the address on record for a student's own
// sign-in (an adult student's sign-in goes only there).
export async function up(db: Kysely<unknown>): Promise<void> {
  // ISO-8601 UTC text like our other timestamps; null while the account may sign in.
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('revoked_at', 'text').execute();
  await db.schema.alterTable('students').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('students').dropColumn('email').execute();
  await db.schema.alterTable('invitations').dropColumn('revoked_at').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
