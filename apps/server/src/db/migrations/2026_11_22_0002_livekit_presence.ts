import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('room_name', 'text')
    .addColumn('participant_identity', 'text')
    .addColumn('occurred_at', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  // No foreign key to sessions: LiveKit may report rooms we never created, and those must be kept too.
  await db.schema
    .createTable('participant_presence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text')
    .addColumn('room_name', 'text', (c) => c.notNull())
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('known', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text')
    .addColumn('left_at', 'text')
    .execute();

  await db.schema
    .createIndex('participant_presence_room_identity_idx')
    .on('participant_presence')
    .columns(['room_name', 'identity'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('participant_presence').execute();
  await db.schema.dropTable('webhook_events').execute();
}
