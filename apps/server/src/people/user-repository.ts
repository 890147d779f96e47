/**
 * Accounts as the rest of the server sees them. better-auth owns these tables' formats: native
 * timestamps and booleans on PostgreSQL, ISO text and 0/1 on SQLite, so writes go through `authValue`.
 */
import type { AccountRole } from '@assent/shared';
import { PostgresAdapter } from 'kysely';
import type { DbOrTrx } from '../db/database';

export interface User {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  createdAt: string;
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: string | null;
}

const isoOf = (value: string | Date) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

const toUser = (row: {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  created_at: string | Date;
  disabled_at: string | null;
}): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  createdAt: isoOf(row.created_at),
  disabledAt: row.disabled_at,
});

function authValues(db: DbOrTrx, at: Date) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return { time: pg ? at : at.toISOString(), yes: pg ? true : 1 };
}

/** Creates an account that signs in with `passwordHash` (made by better-auth's own hasher). */
export async function insertUserWithPassword(
  db: DbOrTrx,
  user: { id: string; name: string; email: string; role: AccountRole },
  passwordHash: string,
  at: Date,
): Promise<void> {
  const { time, yes } = authValues(db, at);
  await db
    .insertInto('users')
    .values({ ...user, email_verified: yes, image: null, created_at: time, updated_at: time })
    .execute();
  await db
    .insertInto('auth_accounts')
    .values({
      id: crypto.randomUUID(),
      account_id: user.id,
      provider_id: 'credential',
      user_id: user.id,
      access_token: null,
      refresh_token: null,
      id_token: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      scope: null,
      password: passwordHash,
      created_at: time,
      updated_at: time,
    })
    .execute();
}

export async function findUser(db: DbOrTrx, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'created_at', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function emailTaken(db: DbOrTrx, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function adminExists(db: DbOrTrx): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listUsers(db: DbOrTrx): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'created_at', 'disabled_at'])
    .orderBy('name')
    .execute();
  return rows.map(toUser);
}
