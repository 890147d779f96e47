import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// The organisation around the accounts: its versioned recording policy, the audit log, invitations,
// families (students, their guardians, guardians' agreements), standing recording preferences, and
// who owns and attends each session.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .execute();

  // Append-only: each entry carries the hash of the one before it, so any edit or removal shows.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('done', 'denied')`))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('first_run', 'staff', 'family', 'student')`),
    )
    // Only a hash: a database copy must not hand out working links.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_user_id', 'text', (c) => c.references('users.id'))
    // A student's own sign-in: the enrolled student it is for (students refer to invitations, so no FK here).
    .addColumn('student_id', 'text')
    .execute();

  await db.schema
    .createTable('students')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('minor', 'integer', (c) => c.notNull())
    // Set when the student has a sign-in of their own.
    .addColumn('user_id', 'text', (c) => c.unique().references('users.id'))
    // The family enrolment that named this child before a guardian registered.
    .addColumn('invitation_id', 'text', (c) => c.references('invitations.id'))
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guardianships')
    .addColumn('guardian_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guardianships_pk', ['guardian_user_id', 'student_id'])
    .execute();
  await db.schema.createIndex('guardianships_student_idx').on('guardianships').column('student_id').execute();

  // Kept for ever: what a guardian agreed to (policy version) and when, with the over-18 confirmation.
  await db.schema
    .createTable('guardian_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('policy_version', 'integer', (c) => c.notNull().references('policy_versions.version'))
    .addColumn('adult_confirmed', 'integer', (c) => c.notNull().check(sql`adult_confirmed = 1`))
    .addColumn('agreed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guardian_agreements_user_idx')
    .on('guardian_agreements')
    .column('user_id')
    .execute();

  // Append-only: the current preference is a student's latest row.
  await db.schema
    .createTable('recording_preference_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
    .addColumn('do_not_record', 'integer', (c) => c.notNull())
    .addColumn('changed_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recording_preference_changes_student_idx')
    .on('recording_preference_changes')
    .columns(['student_id', 'at'])
    .execute();

  // Sessions created before accounts have no owner; their people no account or enrolled student.
  // No foreign keys on added columns: SQLite could never drop them again (see down).
  await db.schema.alterTable('sessions').addColumn('owner_user_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('user_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('student_id', 'text').execute();
  await db.schema.createIndex('sessions_owner_idx').on('sessions').column('owner_user_id').execute();
  await db.schema.createIndex('people_user_idx').on('people').column('user_id').execute();
  await db.schema.createIndex('people_student_idx').on('people').column('student_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['people_student_idx', 'people_user_idx', 'sessions_owner_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('people').dropColumn('student_id').execute();
  await db.schema.alterTable('people').dropColumn('user_id').execute();
  await db.schema.alterTable('sessions').dropColumn('owner_user_id').execute();
  for (const table of [
    'recording_preference_changes',
    'guardian_agreements',
    'guardianships',
    'students',
    'invitations',
    'audit_log',
    'policy_versions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
