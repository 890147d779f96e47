/** Opens the database DATABASE_URL names: a SQLite file (or memory) or a PostgreSQL pool. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Database, Db } from './database';

export interface Connection {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** PostgreSQL schema the tables live in (first of search_path); undefined on SQLite. */
  schema: string | undefined;
}

export interface ConnectOptions {
  /** PostgreSQL only: put every table in this schema (tests use one per file). */
  schema?: string;
}

/**
 * Kysely prepares every query afresh; preparing costs more than running our small queries, and the
 * same few shapes repeat, so keep the prepared statements. Safe because better-sqlite3 runs each
 * statement to completion synchronously and we never stream (a streamed statement stays busy).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= limit) statements.delete(statements.keys().next().value ?? '');
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export function connectDatabase(config: DatabaseConfig, options: ConnectOptions = {}): Connection {
  if (config.kind === 'sqlite') {
    if (config.filename !== ':memory:') mkdirSync(dirname(config.filename), { recursive: true });
    const sqlite = new SqliteDatabase(config.filename);
    // WAL lets readers proceed during a write; SQLite leaves foreign keys off unless asked.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten, not just unlinked: a shredded recording key must not linger in free pages.
    sqlite.pragma('secure_delete = ON');
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
      kind: 'sqlite',
      schema: undefined,
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    kind: 'postgres',
    schema: options.schema,
  };
}
