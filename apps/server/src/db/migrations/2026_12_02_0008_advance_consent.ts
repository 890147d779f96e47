import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Guardian consent given ahead of a session (consent rule 3, where the policy allows it): append-only,
// a child's latest row in a session is what counts; an empty purpose list is a withdrawal of it. And
// indexes for deciding which students are a tutor's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('advance_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('student_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('guardian_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('guardian_user_id', 'text', (c) => c.notNull().references('users.id'))
    // JSON array of purpose ids.
    .addColumn('purposes', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('advance_consents_session_student_idx')
    .on('advance_consents')
    .columns(['session_id', 'student_person_id', 'at'])
    .execute();

  // Which students a tutor may pick is decided per student by who sent the invitations that named them.
  await db.schema.createIndex('invitations_student_idx').on('invitations').column('student_id').execute();
  await db.schema
    .createIndex('invitations_inviter_idx')
    .on('invitations')
    .column('invited_by_user_id')
    .execute();
  await db.schema
    .createIndex('invitations_used_by_idx')
    .on('invitations')
    .column('used_by_user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['invitations_used_by_idx', 'invitations_inviter_idx', 'invitations_student_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('advance_consents').execute();
}
