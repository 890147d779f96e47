import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per session: the consent machine's state as JSON. The row is what a transition locks.
  await db.schema
    .createTable('session_consent')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('state', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into session_consent (session_id, state, version, updated_at)
    select id, null, 0, created_at from sessions`.execute(db);

  // Append-only: the application never updates or deletes these rows (rule 6).
  await db.schema
    .createTable('consent_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('restrict'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('request', 'consent', 'decline', 'withdraw', 'cancel')`),
    )
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'text', (c) => c.notNull())
    .addColumn('client_request_id', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consent_log_person_client_request_uq')
    .on('consent_log')
    .columns(['person_id', 'client_request_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('consent_log_session_seq_idx')
    .on('consent_log')
    .columns(['session_id', 'seq'])
    .execute();

  await db.schema
    .createTable('recording_segments')
    .addColumn('egress_id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('restrict'))
    .addColumn('request_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('file_path', 'text')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recording_segments_session_idx')
    .on('recording_segments')
    .column('session_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recording_segments').execute();
  await db.schema.dropTable('consent_log').execute();
  await db.schema.dropTable('session_consent').execute();
}
