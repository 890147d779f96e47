import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Families that grow: a child a tutor or admin asks to enrol with a guardian who already has an account
// (nothing is made in the guardian's name until they confirm); the tutor a student was moved to (which
// overrides the tutor their enrolment made); and the version of each seat's join link, raised when the
// link is replaced so every earlier link for the seat stops working.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guardian_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('child_name', 'text', (c) => c.notNull())
    .addColumn('minor', 'integer', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('student_id', 'text', (c) => c.references('students.id'))
    .execute();
  await db.schema
    .createIndex('pending_enrolments_guardian_idx')
    .on('pending_enrolments')
    .columns(['guardian_user_id', 'status'])
    .execute();
  await db.schema
    .createTable('student_tutors')
    .addColumn('student_id', 'text', (c) => c.primaryKey().references('students.id'))
    .addColumn('tutor_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('assigned_by_user_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('seat_link_versions')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('replaced_by_user_id', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('seat_link_versions').execute();
  await db.schema.dropTable('student_tutors').execute();
  await db.schema.dropIndex('pending_enrolments_guardian_idx').execute();
  await db.schema.dropTable('pending_enrolments').execute();
}
