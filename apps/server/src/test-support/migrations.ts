/** Migration tests: a database stopped at one migration, seeded the old way, then taken to the latest. */
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../db/migrations/index';
import type { OpenDatabase, TestDatabase } from './test-databases';

export interface MigratedDatabase extends OpenDatabase {
  /** Runs every migration after the one it stopped at; throws if one fails. */
  toLatest(): Promise<void>;
}

/** A fresh test database with every migration after `name` undone (PostgreSQL: in the test's schema). */
export async function migratedTo(database: TestDatabase, name: string): Promise<MigratedDatabase> {
  const open = await database.open();
  try {
    const { db } = open;
    const schema =
      database.name === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
        : undefined;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const down = await open.migrating(() => migrator.migrateTo(name));
    if (down.error) throw down.error;
    return {
      ...open,
      async toLatest() {
        const up = await open.migrating(() => migrator.migrateToLatest());
        if (up.error) throw up.error;
      },
    };
  } catch (error) {
    await open.close();
    throw error;
  }
}
