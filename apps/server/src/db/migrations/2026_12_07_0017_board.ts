import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// The session's shared whiteboard: one row per session, made when the board is first opened. The
// elements are the editor's own JSON, merged by the server; the picture (PNG) is the newest a browser
// rendered. Once the session ends the row is the saved board (`saved_at`), kept with the chat log.
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('session_boards')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id'))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elements', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('image', bytes)
    .addColumn('image_revision', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session_boards').execute();
}
