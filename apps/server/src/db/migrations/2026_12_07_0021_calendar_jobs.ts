import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Calendar mail as durable jobs: an invitation, update or cancellation (with an iCalendar attachment), or
// a reminder, one row per recipient and occurrence, due at a time. A worker claims due rows (a row lock on
// PostgreSQL, a conditional update on SQLite), sends and marks them sent; a claim left by a stopped worker
// is taken again after a while. The dedupe key makes each mail exist once (a reminder is sent once).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'invite' | 'update' | 'cancel' | 'reminder'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('recipient_user_id', 'text', (c) => c.notNull())
    // Reminders: minutes before the start, and the start they were planned for (a moved one is not sent).
    .addColumn('lead_minutes', 'integer')
    .addColumn('planned_start', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('sent_at', 'text')
    // Done without a mail: cancelled, moved, superseded, started already, or the recipient is gone.
    .addColumn('skipped_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('calendar_jobs_due_idx').on('calendar_jobs').column('due_at').execute();
  await db.schema
    .createIndex('calendar_jobs_session_idx')
    .on('calendar_jobs')
    .columns(['session_id', 'recipient_user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_jobs').execute();
}
