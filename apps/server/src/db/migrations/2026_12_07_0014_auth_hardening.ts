import type { Kysely } from 'kysely';

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Attempts counted per account (failed sign-ins, password reset mails), so one account cannot be
// guessed at from many addresses; and per-source budgets for security audit entries, so an attacker
// probing with bad tokens or passwords cannot flood the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'sign_in_failure' | 'password_reset'
    .addColumn('kind', 'text', (c) => c.notNull())
    // The lower-cased email address the attempt named (whether or not an account has it).
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_attempts_account_idx')
    .on('auth_attempts')
    .columns(['account_key', 'kind', 'at'])
    .execute();

  await db.schema
    .createTable('security_event_budgets')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('written', 'integer', (c) => c.notNull())
    .addColumn('suppressed', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('security_event_budgets').execute();
  await db.schema.dropIndex('auth_attempts_account_idx').execute();
  await db.schema.dropTable('auth_attempts').execute();
}
