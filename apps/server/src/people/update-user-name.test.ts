import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('names set through better-auth’s update-user ($name)', (database) => {
  const ctx = useTestApp(database);

  const nameOf = async (t: ReturnType<typeof ctx>, id: string) =>
    (await t.db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

  it.each([
    ['20,000 characters', 'A'.repeat(20_000)],
    ['81 characters', 'B'.repeat(81)],
    ['a line break', 'Ada\r\nBcc: everyone@example.org'],
    ['a bidi override', 'Ada \u202Egnp.exe'],
    ['a bidi isolate', 'Ada \u2066x\u2069'],
    ['a NUL', 'Ada\u0000'],
    ['a zero-width space', 'Ad\u200Ba'],
    ['only spaces', '   '],
  ])('refuses a name with %s and keeps the old one', async (_what, name) => {
    const t = ctx();
    const account = await signedInAs(t, 'guardian', 'Gina Guardian');
    const res = await asAccount(t, account, 'POST', '/api/auth/update-user', { name });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    expect(await nameOf(t, account.userId)).toBe('Gina Guardian');
  });

  it('accepts a real name, trimmed, including scripts that need joiners', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'tutor', 'Tara Tutor');
    const res = await asAccount(t, account, 'POST', '/api/auth/update-user', {
      name: '  Tara O’Neill-Nowak  ',
    });
    expect(res.status).toBe(200);
    expect(await nameOf(t, account.userId)).toBe('Tara O’Neill-Nowak');
    const persian = 'نسرین\u200Cدخت';
    expect((await asAccount(t, account, 'POST', '/api/auth/update-user', { name: persian })).status).toBe(
      200,
    );
    expect(await nameOf(t, account.userId)).toBe(persian);
  });

  it('never lets a person set their own role', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'guardian');
    const res = await asAccount(t, account, 'POST', '/api/auth/update-user', { role: 'admin' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const row = await t.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', account.userId)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('guardian');
  });
});
