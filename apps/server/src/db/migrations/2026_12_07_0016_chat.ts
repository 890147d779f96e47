import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// The in-call chat log: every message sent through the server, with the sender's name and role as they
// were at sending. A message the tutor removes is kept (marked removed) for reviewers. A concern report
// may name the chat message it is about.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('sender_person_id', 'text', (c) => c.notNull())
    .addColumn('sender_identity', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by_person_id', 'text')
    .execute();
  await db.schema
    .createIndex('chat_messages_session_idx')
    .on('chat_messages')
    .columns(['session_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('chat_messages_sender_idx')
    .on('chat_messages')
    .columns(['sender_person_id', 'sent_at'])
    .execute();
  await db.schema.alterTable('concern_reports').addColumn('chat_message_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('concern_reports').dropColumn('chat_message_id').execute();
  await db.schema.dropIndex('chat_messages_sender_idx').execute();
  await db.schema.dropIndex('chat_messages_session_idx').execute();
  await db.schema.dropTable('chat_messages').execute();
}
