import { type Kysely, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which students a guardian may consent for (rule 3). A guardian with no rows is guardian of nobody.
  await db.schema
    .createTable('guardian_links')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('guardian_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('student_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('guardian_links_pk', ['guardian_person_id', 'student_person_id'])
    .execute();
  await db.schema
    .createIndex('guardian_links_session_idx')
    .on('guardian_links')
    .column('session_id')
    .execute();

  // Sessions created before links existed made every guardian the guardian of every student.
  await sql`insert into guardian_links (session_id, guardian_person_id, student_person_id)
    select g.session_id, g.id, s.id
    from people g
    join people s on s.session_id = g.session_id and s.role = 'student'
    where g.role = 'guardian'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guardian_links').execute();
}
