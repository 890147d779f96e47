import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// A chat message erased under the policy's "erase" withdrawal rule: its text is gone (emptied), the row
// stays, marked when, so the conversation's shape still reads ("Message erased at the sender's request").
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('erased_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').dropColumn('erased_at').execute();
}
