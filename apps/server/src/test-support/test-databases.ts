/**
 * The databases every server test runs against: SQLite in memory always, and PostgreSQL too when
 * TEST_DATABASE_URL is set (each test file gets its own schema, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { connectDatabase } from '../db/connect';
import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';

export interface OpenDatabase {
  db: Db;
  close(): Promise<void>;
  /** Runs schema changes (migrations) while no other test file changes a schema (see `takingTurns`). */
  migrating<T>(work: () => Promise<T>): Promise<T>;
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenDatabase>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open() {
    const { db } = connectDatabase({ kind: 'sqlite', filename: ':memory:' });
    await migrateToLatest(db);
    return { db, close: () => db.destroy(), migrating: (work) => work() };
  },
};

/**
 * Test files run in parallel workers on one PostgreSQL database, each in its own schema. Kysely's migrator
 * looks for its tables through a catalog-wide introspection (every schema's columns), which fails with
 * "schema … does not exist" or "column … does not exist" when another file drops or alters its schema at
 * that moment. So schema changes take turns, under one advisory lock; queries and data never wait.
 */
const schemaChangeLock = 1_918_190_019;

async function takingTurns<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('select pg_advisory_lock($1)', [schemaChangeLock]);
  try {
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [schemaChangeLock]);
  }
}

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const migrating = <T>(work: () => Promise<T>) => takingTurns(admin, work);
      await admin.query(`create schema ${schema}`);
      const { db } = connectDatabase({ kind: 'postgres', url }, { schema });
      await migrating(() => migrateToLatest(db, { schema }));
      return {
        db,
        migrating,
        async close() {
          await db.destroy();
          await migrating(() => admin.query(`drop schema ${schema} cascade`));
          await admin.end();
        },
      };
    },
  };
}

const postgresUrl = process.env.TEST_DATABASE_URL;
export const testDatabases: TestDatabase[] = postgresUrl ? [sqlite, postgres(postgresUrl)] : [sqlite];

const tablesChildFirst = [
  'transcript_keys',
  'transcripts',
  'talk_intervals',
  'talk_observations',
  'seat_link_versions',
  'student_tutors',
  'pending_enrolments',
  'research_exports',
  'research_consents',
  'concern_reports',
  'chat_messages',
  'session_boards',
  'access_requests',
  'deletion_requests',
  'deletion_records',
  'recording_views',
  'recording_keys',
  'recordings',
  'recording_segments',
  'advance_consents',
  'consent_log',
  'session_consent',
  'participant_presence',
  'webhook_events',
  'calendar_jobs',
  'guardian_links',
  'people',
  'sessions',
  'session_series',
  'recording_preference_changes',
  'guardian_agreements',
  'guardianships',
  'students',
  'invitations',
  'audit_log',
  'policy_reviews',
  'policy_versions',
  'auth_rate_limits',
  'auth_attempts',
  'security_event_budgets',
  'passkeys',
  'auth_verifications',
  'auth_accounts',
  'auth_sessions',
  'users',
] as const;

/** Empties every table, so each test starts from a freshly migrated, empty database. */
export async function clearTables(db: Db): Promise<void> {
  for (const table of tablesChildFirst) await db.deleteFrom(table).execute();
}

export async function countRows(db: Db, table: (typeof tablesChildFirst)[number]): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a string (bigint).
  return Number(row.n);
}

/** A migrated database per file, emptied before each test, for tests that need no app around it. */
export function useDatabase(database: TestDatabase): () => Db {
  let open: OpenDatabase | undefined;
  beforeAll(async () => {
    open = await database.open();
  });
  afterAll(async () => {
    await open?.close();
  });
  beforeEach(async () => {
    if (open) await clearTables(open.db);
  });
  return () => {
    if (!open) throw new Error('test database did not open');
    return open.db;
  };
}
