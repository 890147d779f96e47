import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

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
