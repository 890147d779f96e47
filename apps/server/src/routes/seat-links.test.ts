import type { MySessionList, ReplacedLink } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession, type SessionSpec } from '../test-support/organisation';
import { errorOf, inviteTokenOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const spec: SessionSpec = {
  title: 'Algebra, week 3',
  tutorName: 'Dana Tutor',
  participants: [
    { name: 'Sam Student', role: 'student', minor: true },
    { name: 'Pat Guardian', role: 'guardian' },
    { name: 'Gus Guest', role: 'student', minor: false, guest: true },
  ],
};

/** Every use of a link: the join page's preview, joining, and a request made by the link. */
async function uses(t: TestApp, token: string) {
  const preview = await t.app.request(`/api/invites/${token}`);
  const join = await t.app.request('/api/join', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ inviteToken: token }),
  });
  const byLink = await t.app.request('/api/call/concerns', { headers: { authorization: `Bearer ${token}` } });
  return Promise.all(
    [preview, join, byLink].map(async (res) => (res.ok ? res.status : (await errorOf(res)).code)),
  );
}

async function replace(t: TestApp, by: TestAccount, sessionId: string, personId: string) {
  return asAccount(t, by, 'POST', `/api/sessions/${sessionId}/seats/${personId}/link`);
}

describe.each(testDatabases)('replacing a join link ($name)', (database) => {
  const ctx = useTestApp(database);

  it('a guardian replaces their child’s link: every earlier link stops working, the new one and the dashboard’s work', async () => {
    const t = ctx();
    const { created, guardians } = await buildSession(t, spec);
    const pat = guardians['Pat Guardian'] as TestAccount;
    const childLink = async () => {
      const list = (await (await asAccount(t, pat, 'GET', '/api/me/sessions')).json()) as MySessionList;
      return list.sessions[0]?.children[0];
    };
    const sam = await childLink();
    const old = inviteTokenOf(sam?.joinUrl ?? '');
    expect(await uses(t, old)).toEqual([200, 200, 200]);

    const res = await replace(t, pat, created.sessionId, sam?.personId ?? '');
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as ReplacedLink;
    expect(await uses(t, old)).toEqual(['link_replaced', 'link_replaced', 'link_replaced']);
    expect((await t.app.request(`/api/invites/${old}`)).status).toBe(410);
    expect(await uses(t, inviteTokenOf(fresh.url))).toEqual([200, 200, 200]);
    // The dashboard now hands out links of the new version.
    expect(await uses(t, inviteTokenOf((await childLink())?.joinUrl ?? ''))).toEqual([200, 200, 200]);

    // Replacing again retires the link made the first time.
    const again = (await (
      await replace(t, pat, created.sessionId, sam?.personId ?? '')
    ).json()) as ReplacedLink;
    expect((await uses(t, inviteTokenOf(fresh.url)))[0]).toBe('link_replaced');
    expect((await uses(t, inviteTokenOf(again.url)))[0]).toBe(200);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'seat.replace_link')
      .where('outcome', '=', 'done')
      .execute();
    expect(audited.map((a) => JSON.parse(a.detail ?? '{}').version)).toEqual([1, 2]);
  });

  it('lets a tutor replace a guest’s link in their own session only; a guardian only their child’s; admins any', async () => {
    const t = ctx();
    const { created, tutor, guardians } = await buildSession(t, spec);
    const pat = guardians['Pat Guardian'] as TestAccount;
    const seats = await t.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('session_id', '=', created.sessionId)
      .execute();
    const seat = (name: string) => seats.find((s) => s.name === name)?.id ?? '';
    const guest = created.invites.find((i) => i.name === 'Gus Guest');
    const other = await signedInAs(t, 'tutor', 'Olga Other');
    const admin = await signedInAs(t, 'admin');
    const student = await signedInAs(t, 'student');

    expect((await replace(t, tutor, created.sessionId, seat('Sam Student'))).status).toBe(403);
    expect((await replace(t, tutor, created.sessionId, seat('Dana Tutor'))).status).toBe(403);
    expect((await replace(t, other, created.sessionId, seat('Gus Guest'))).status).toBe(403);
    expect((await replace(t, pat, created.sessionId, seat('Gus Guest'))).status).toBe(403);
    expect((await replace(t, pat, created.sessionId, seat('Pat Guardian'))).status).toBe(403);
    expect((await replace(t, student, created.sessionId, seat('Sam Student'))).status).toBe(403);
    expect((await replace(t, tutor, created.sessionId, 'no-such-seat')).status).toBe(404);
    expect(
      (await t.app.request(`/api/sessions/${created.sessionId}/seats/x/link`, { method: 'POST' })).status,
    ).toBe(401);

    const guestToken = inviteTokenOf(guest?.url ?? '');
    expect((await uses(t, guestToken))[0]).toBe(200);
    const byTutor = await replace(t, tutor, created.sessionId, seat('Gus Guest'));
    expect(byTutor.status).toBe(201);
    expect(await uses(t, guestToken)).toEqual(['link_replaced', 'link_replaced', 'link_replaced']);
    expect((await replace(t, admin, created.sessionId, seat('Sam Student'))).status).toBe(201);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'seat.replace_link')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(6);
  });
});
