import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// A seat may be an `observer` (a reviewer or admin watching a live call, seen by everyone in it), and
// a seat the tutor removed from the call stays out until the tutor lets it back (`removed_at`).
const before = "role in ('tutor', 'student', 'guardian')";
const after = "role in ('tutor', 'student', 'guardian', 'observer')";

export async function up(db: Kysely<unknown>): Promise<void> {
  await changeRoleCheck(db, before, after);
  await db.schema.alterTable('people').addColumn('removed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('removed_at').execute();
  // Fails while observer seats exist: they have no role to go back to.
  await changeRoleCheck(db, after, before);
}

async function changeRoleCheck(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table people drop constraint people_role_check`.execute(db);
    await sql.raw(`alter table people add constraint people_role_check check (${to})`).execute(db);
  } else {
    await rebuildSqlitePeople(db, from, to);
  }
}

/**
 * SQLite cannot change a CHECK constraint in place: the table is rebuilt and renamed into place, the
 * steps https://www.sqlite.org/lang_altertable.html gives for "other kinds of table schema changes".
 * Kysely runs SQLite migrations outside a transaction (no transactional DDL), which is what lets foreign
 * keys be switched off here (dropping the table would otherwise cascade to the guardian links); the
 * rebuild runs in a transaction of its own and is checked with foreign_key_check before it commits.
 */
async function rebuildSqlitePeople(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  const objects = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = 'people'`.execute(db);
  const table = objects.rows.find((o) => o.type === 'table')?.sql;
  if (!table?.includes(from)) throw new Error('people has not the role check this migration expects');
  const indexes = objects.rows.flatMap((o) => (o.type === 'index' && o.sql ? [o.sql] : []));
  const rebuilt = table
    .replace(from, to)
    .replace(/^create table "?people"?/i, 'create table "people_rebuilt"');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      await sql.raw(rebuilt).execute(db);
      await sql`insert into people_rebuilt select * from people`.execute(db);
      await sql`drop table people`.execute(db);
      await sql`alter table people_rebuilt rename to people`.execute(db);
      for (const index of indexes) await sql.raw(index).execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('rebuilding people would break foreign keys');
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
