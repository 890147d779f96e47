import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Transcripts of stored recordings (everyone consented), made by a worker on this server as a durable
// job: one row per recording, claimed like calendar mail (a row lock on PostgreSQL, a conditional update
// on SQLite). The text is encrypted in the vault under its own data key, wrapped like a recording's; only
// counts stay in the clear. A transcript follows its recording's consent (erase rule, approved deletion
// requests, holds) and has its own retention class.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('transcripts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recording_id', 'text', (c) => c.notNull().unique().references('recordings.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    // 'queued' | 'running' | 'ready' | 'failed' | 'destroyed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .addColumn('destroyed_at', 'text')
    // The model that made it (its directory's name) and what it cost.
    .addColumn('model', 'text')
    .addColumn('audio_seconds', 'real')
    .addColumn('transcribe_ms', 'integer')
    // The vault file holding the ciphertext, and its size.
    .addColumn('blob_name', 'text')
    .addColumn('cipher_bytes', 'integer')
    // Words in all, and learners' (students') words, for the word-based share.
    .addColumn('word_count', 'integer')
    .addColumn('learner_word_count', 'integer')
    .addColumn('retain_until', 'text')
    // JSON: a destruction deferred by a safeguarding hold, as for recordings.
    .addColumn('destroy_after_hold', 'text')
    .execute();
  await db.schema.createIndex('transcripts_status_idx').on('transcripts').column('status').execute();
  await db.schema.createIndex('transcripts_session_idx').on('transcripts').column('session_id').execute();
  await db.schema
    .createTable('transcript_keys')
    .addColumn('transcript_id', 'text', (c) => c.primaryKey())
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('wrapped_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transcript_keys_kek_idx').on('transcript_keys').column('kek_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('transcript_keys').execute();
  await db.schema.dropTable('transcripts').execute();
}
