import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// The recording vault: each finished egress file becomes a recording (encrypted on arrival), its data
// key (wrapped; deleting the row is the crypto-shredding), the audited playback views, and the
// deletion records kept after a recording is destroyed, and participants' requests for early deletion.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('egress_id', 'text', (c) => c.notNull().unique())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('request_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The policy the request was made (and consented to) under: its retention and viewers apply.
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    // pending: egress's plaintext waits to be encrypted; stored: in the vault; destroyed: key and blob gone;
    // lost: egress finished without a file.
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'stored', 'destroyed', 'lost')`),
    )
    .addColumn('plaintext_path', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('cipher_bytes', 'bigint')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('retain_until', 'text')
    .addColumn('ingest_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ingest_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text')
    .addColumn('plaintext_removed_at', 'text')
    .addColumn('destroyed_at', 'text')
    .execute();
  await db.schema.createIndex('recordings_session_idx').on('recordings').column('session_id').execute();
  await db.schema
    .createIndex('recordings_status_retain_idx')
    .on('recordings')
    .columns(['status', 'retain_until'])
    .execute();

  // One row per stored recording; no foreign key so a shredded key leaves nothing pointing at it.
  await db.schema
    .createTable('recording_keys')
    .addColumn('recording_id', 'text', (c) => c.primaryKey())
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('wrapped_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recording_keys_kek_idx').on('recording_keys').column('kek_id').execute();

  // One audited playback; the range requests of that playback carry its id.
  await db.schema
    .createTable('recording_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Kept after destruction: what was destroyed, when, why and by whom. Never media, never a key.
  await db.schema
    .createTable('deletion_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recording_id', 'text', (c) => c.notNull().unique())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('session_title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text')
    .addColumn('destroyed_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('retention', 'withdrawal', 'decision')`),
    )
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('decided_by_user_id', 'text')
    .execute();

  // A participant's request that recordings be deleted early (Hearken: decided case by case). Received
  // here, from the call after a withdrawal or from the recordings page; an admin decides it.
  await db.schema
    .createTable('deletion_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    // Null: every recording of the session made before the request.
    .addColumn('recording_id', 'text')
    .addColumn('requester_person_id', 'text')
    .addColumn('requester_user_id', 'text')
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('withdrawal', 'recordings_page')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'approved', 'refused')`))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decision_reason', 'text')
    .execute();
  await db.schema
    .createIndex('deletion_requests_session_idx')
    .on('deletion_requests')
    .column('session_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'deletion_requests',
    'deletion_records',
    'recording_views',
    'recording_keys',
    'recordings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
