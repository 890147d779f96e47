import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { asAccount, signedInAs } from '../test-support/accounts';
import { testEnv, useTestApp } from '../test-support/test-app';
import { type OpenDatabase, testDatabases } from '../test-support/test-databases';
import { createAuth } from './auth';

describe.each(testDatabases)('accounts on $name', (database) => {
  const t = useTestApp(database);

  it('signs in through better-auth and the session names the account and its role', async () => {
    const admin = await signedInAs(t(), 'admin', 'Ada Admin');
    const res = await asAccount(t(), admin, 'GET', '/api/auth/get-session');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { name: string; role: string } };
    expect(body.user).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    const audit = await t().db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((e) => e.action)).toEqual(['auth.sign_in']);
  });
});

describe.each(testDatabases)("better-auth's own schema check on $name", (database) => {
  let open: OpenDatabase | undefined;
  beforeAll(async () => {
    open = await database.open();
  });
  afterAll(async () => {
    await open?.close();
  });

  it('finds our migrated tables as better-auth expects them, and names a column that is missing', async () => {
    if (!open) throw new Error('test database did not open');
    const { db, migrating } = open;
    const config = loadConfig(testEnv);
    // A fresh instance each time: a check's verdict is kept by the instance that made it.
    const check = async () =>
      (await createAuth({ db, config, now: () => new Date() }).$context).checkSchema?.();
    // It reads the catalog, so it takes turns with other files' schema changes (see test-databases.ts).
    await migrating(() => expect(check()).resolves.toBeUndefined());
    await migrating(() => sql`alter table auth_sessions drop column ip_address`.execute(db));
    await migrating(() => expect(check()).rejects.toThrow(/ip_address/));
  });
});
