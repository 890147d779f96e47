/**
 * Re-agreement that means something: a new policy version asks guardians to agree again only when it
 * changes what they agree to (agreement text, organisation name and contact, the generated facts), and
 * until one of a child's guardians has, the server refuses the child's seat; the guardian's page
 * (`/api/me`, `/api/me/students`) says the same as the join gate.
 */
import type { MeResponse, SavePolicyRequest, StudentList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession, seatsOf } from '../test-support/organisation';
import { errorOf, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function changePolicy(
  t: TestApp,
  change: (p: SavePolicyRequest) => SavePolicyRequest,
): Promise<number> {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  const res = await asAccount(
    t,
    admin,
    'PUT',
    '/api/admin/policy',
    change({ ...current.policy, basedOnVersion: current.version }),
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { version: number }).version;
}

async function guardianPage(t: TestApp, guardian: TestAccount) {
  const me = (await (await asAccount(t, guardian, 'GET', '/api/me')).json()) as MeResponse;
  const list = (await (await asAccount(t, guardian, 'GET', '/api/me/students')).json()) as StudentList;
  return { agreement: me.agreement, students: list.students };
}

describe.each(testDatabases)('re-agreement ($name)', (database) => {
  const ctx = useTestApp(database);

  it('asks again only when what guardians agree to changed, and holds the child back until then', async () => {
    const t = ctx();
    const built = await buildSession(t);
    const pat = built.guardians['Pat Guardian'] as TestAccount;
    const samSeat = (await seatsOf(t, built.created.sessionId)).find((s) => s.name === 'Sam Student');
    const join = () => postJson(t.app, '/api/join', { inviteToken: samSeat?.token });
    const preview = () => t.app.request(`/api/invites/${samSeat?.token}`);
    expect((await join()).status).toBe(200);

    // Only the cool-down after a no and guests: nothing a guardian agreed to changed.
    const v2 = await changePolicy(t, (p) => ({ ...p, askAgainAfterMinutes: 20, adultGuestsAllowed: false }));
    let page = await guardianPage(t, pat);
    expect(page.agreement).toMatchObject({ agreedVersion: 1, currentVersion: v2, covers: true });
    expect(page.students).toMatchObject([{ name: 'Sam Student', enrolled: true }]);
    expect((await join()).status).toBe(200);

    // A purpose kept longer: the facts guardians agreed to changed.
    const v3 = await changePolicy(t, (p) => ({
      ...p,
      purposes: p.purposes.map((purpose, i) => (i === 0 ? { ...purpose, retentionDays: 400 } : purpose)),
    }));
    page = await guardianPage(t, pat);
    expect(page.agreement).toMatchObject({ agreedVersion: 1, currentVersion: v3, covers: false });
    expect(page.students).toMatchObject([
      { name: 'Sam Student', enrolled: false, guardians: [{ name: 'Pat Guardian', agreed: false }] },
    ]);
    for (const res of [await join(), await preview()]) {
      expect(res.status).toBe(403);
      const error = await errorOf(res);
      expect(error.code).toBe('guardian_agreement_missing');
      expect(error.message).toContain(
        'Sam Student can join once a parent or guardian has agreed to the updated',
      );
    }
    // The guardian's session page says the same: no join link for Sam's seat, and why.
    const mine = await asAccount(t, pat, 'GET', `/api/sessions/${built.created.sessionId}`);
    expect(JSON.stringify(await mine.json())).toContain(
      'Sam Student can join once a parent or guardian has agreed to the updated',
    );

    // The organisation's contact is part of what guardians read: a change asks again too.
    const agreed = await asAccount(t, pat, 'POST', '/api/me/agreement', {
      policyVersion: v3,
      adultConfirmed: true,
    });
    expect(agreed.status).toBe(201);
    expect((await join()).status).toBe(200);
    expect((await guardianPage(t, pat)).students).toMatchObject([{ enrolled: true }]);
    await changePolicy(t, (p) => ({ ...p, organisationContact: 'office@example.org' }));
    expect((await guardianPage(t, pat)).agreement).toMatchObject({ agreedVersion: v3, covers: false });
    expect((await join()).status).toBe(403);
  });
});
