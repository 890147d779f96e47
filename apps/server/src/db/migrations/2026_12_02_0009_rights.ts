import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Participants' rights and the organisation's safeguarding duties: access requests (tracked, answered
// with a snapshot of what was held), concerns and safeguarding reports (an open one holds the session's
// recordings), research sharing consent (append-only, per seat and decider) and research exports.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requester_user_id', 'text', (c) => c.notNull().references('users.id'))
    // self: the requester's own data; student: a child (or adult student) the requester speaks for.
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('self', 'student')`))
    .addColumn('subject_user_id', 'text')
    .addColumn('subject_student_id', 'text')
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received', 'answered')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_user_id', 'text')
    // JSON: what Assent held about the subject when the request was answered.
    .addColumn('answer', 'text')
    .execute();
  await db.schema
    .createIndex('access_requests_requester_idx')
    .on('access_requests')
    .column('requester_user_id')
    .execute();
  await db.schema.createIndex('access_requests_status_idx').on('access_requests').column('status').execute();

  await db.schema
    .createTable('concern_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    // A signed-in reporter, or the seat whose invite made the report from the call (or both).
    .addColumn('reporter_user_id', 'text')
    .addColumn('reporter_person_id', 'text')
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('reporter_role', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('safeguarding', 'conduct', 'technical', 'other')`),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('during_call', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_user_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('corrective_actions', 'text')
    .addColumn('reporter_told_at', 'text')
    .execute();
  await db.schema
    .createIndex('concern_reports_session_status_idx')
    .on('concern_reports')
    .columns(['session_id', 'status'])
    .execute();
  await db.schema.createIndex('concern_reports_status_idx').on('concern_reports').column('status').execute();

  // Destruction that a hold deferred (a withdrawal under "erase" while a report was open): done by the
  // sweeper once the hold ends. JSON with the rule or decision that asked for it.
  await db.schema.alterTable('recordings').addColumn('destroy_after_hold', 'text').execute();

  // Append-only: the latest row per (seat, decider) counts. A minor's seat needs their own yes and a
  // guardian's; refusing or withdrawing research sharing changes nothing else.
  await db.schema
    .createTable('research_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('decided_by_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('agree', 'refuse', 'withdraw')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('research_consents_session_idx')
    .on('research_consents')
    .columns(['session_id', 'person_id', 'at'])
    .execute();

  await db.schema
    .createTable('research_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // JSON arrays of the ids exported (kept so the audit can say exactly what left).
    .addColumn('session_ids', 'text', (c) => c.notNull())
    .addColumn('recording_ids', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('deletion_requests_status_idx')
    .on('deletion_requests')
    .column('status')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('deletion_requests_status_idx').execute();
  for (const table of ['research_exports', 'research_consents', 'concern_reports', 'access_requests']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('recordings').dropColumn('destroy_after_hold').execute();
}
