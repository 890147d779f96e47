import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Sessions get a time: a start (UTC), a duration and the organiser's time zone. A weekly series is a
// rule; each of its occurrences is a session row of its own (consent, recordings, presence and rights
// never carry over), numbered within the series. Moving or cancelling one occurrence raises its
// calendar sequence, which the iCalendar mail carries as SEQUENCE.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    // An RFC 5545 recurrence rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6.
    .addColumn('rule', 'text', (c) => c.notNull())
    // The first occurrence's start as the organiser's wall clock, e.g. 2026-12-14T16:30.
    .addColumn('local_start', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();

  await db.schema.alterTable('sessions').addColumn('starts_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('duration_minutes', 'integer').execute();
  await db.schema.alterTable('sessions').addColumn('time_zone', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('series_id', 'text', (c) => c.references('session_series.id'))
    .execute();
  await db.schema.alterTable('sessions').addColumn('occurrence_index', 'integer').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('calendar_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('sessions').addColumn('cancelled_at', 'text').execute();

  await db.schema.createIndex('sessions_starts_at_idx').on('sessions').column('starts_at').execute();
  await db.schema
    .createIndex('sessions_series_occurrence_idx')
    .on('sessions')
    .columns(['series_id', 'occurrence_index'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_series_occurrence_idx').execute();
  await db.schema.dropIndex('sessions_starts_at_idx').execute();
  for (const column of [
    'cancelled_at',
    'calendar_sequence',
    'occurrence_index',
    'series_id',
    'time_zone',
    'duration_minutes',
    'starts_at',
  ]) {
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  }
  await db.schema.dropTable('session_series').execute();
}
