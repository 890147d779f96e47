import { type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Db } from './database';
import { migrations } from './migrations';

/** Brings the schema up to date. Throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Db, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    // A static map, not a directory scan: works the same under tsx, vitest and a bundler.
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in any schema unless told which one is ours.
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(setup)'} failed: ${detail}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
