import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Talk time, measured by the server from LiveKit's speaker updates (sound levels, never audio): one row
// per stretch a seat spoke (`ended_at` null while it goes on), and one row per time the observer watched a
// room (a restart adds another). Talk time is its own data class with its own retention.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('talk_intervals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('talk_intervals_session_idx')
    .on('talk_intervals')
    .columns(['session_id', 'started_at'])
    .execute();
  await db.schema
    .createTable('talk_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('room_name', 'text', (c) => c.notNull())
    .addColumn('observer_identity', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    // Set when retention (or a decision) destroyed this session's talk time; the row stays as the record.
    .addColumn('destroyed_at', 'text')
    .execute();
  await db.schema
    .createIndex('talk_observations_session_idx')
    .on('talk_observations')
    .column('session_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('talk_observations').execute();
  await db.schema.dropTable('talk_intervals').execute();
}
