/**
 * What an invite link may do once it has expired: say no to research sharing, never agree; file a
 * concern report or a deletion request only within the policy's late window after the session; and
 * never more than the per-seat limit in a day. Each refusal has a clear code and is audited.
 */
import { type AuditPage, days, type OrganisationPolicy } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { buildSession, seatsOf } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

type Route = 'research agree' | 'research refuse' | 'concern report' | 'deletion request';

const request: Record<Route, { method: string; path: string; body: () => unknown }> = {
  'research agree': {
    method: 'PUT',
    path: '/api/call/research-consent',
    body: () => ({ decision: 'agree' }),
  },
  'research refuse': {
    method: 'PUT',
    path: '/api/call/research-consent',
    body: () => ({ decision: 'refuse' }),
  },
  'concern report': {
    method: 'POST',
    path: '/api/call/concern',
    body: () => ({ category: 'conduct', description: 'Something I want someone to look at.' }),
  },
  'deletion request': {
    method: 'POST',
    path: '/api/recording/deletion-request',
    body: () => ({ clientRequestId: crypto.randomUUID() }),
  },
};

const withLink = (t: TestApp, token: string, route: Route) =>
  t.app.request(request[route].path, {
    method: request[route].method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request[route].body()),
  });

/** Sam's link (valid for an hour) in a fresh sample session; nobody joined, so it ends when the link does. */
async function samsLink(t: TestApp) {
  const built = await buildSession(t);
  const seats = await seatsOf(t, built.created.sessionId);
  const sam = seats.find((s) => s.name === 'Sam Student');
  if (!sam) throw new Error('no Sam');
  return { sam, expiresAt: Date.parse(sam.expiresAt) };
}

async function refusals(t: TestApp) {
  const admin = await signedInAs(t, 'admin');
  const page = (await (
    await asAccount(t, admin, 'GET', '/api/admin/audit?outcome=denied')
  ).json()) as AuditPage;
  return page.entries
    .filter((e) => e.outcome === 'denied')
    .map((e) => `${e.action}:${String(e.detail?.reason)}`);
}

/** Link age × route → the answer, in time order. Ages are from the link's expiry (the session's end here). */
const rows: { link: string; after: number; route: Route; status: number; code?: string }[] = [
  { link: 'live', after: -1_000, route: 'research agree', status: 200 },
  {
    link: 'expired a minute ago',
    after: 60_000,
    route: 'research agree',
    status: 410,
    code: 'invite_expired',
  },
  { link: 'expired a minute ago', after: 60_000, route: 'research refuse', status: 200 },
  { link: 'expired three years ago', after: days(3 * 365), route: 'research refuse', status: 200 },
  {
    link: 'expired three years ago',
    after: days(3 * 365),
    route: 'research agree',
    status: 410,
    code: 'invite_expired',
  },
  { link: 'expired 29 days after the session', after: days(29), route: 'concern report', status: 201 },
  { link: 'expired 29 days after the session', after: days(29), route: 'deletion request', status: 201 },
  {
    link: 'expired 31 days after the session',
    after: days(31),
    route: 'concern report',
    status: 410,
    code: 'invite_expired',
  },
  {
    link: 'expired 31 days after the session',
    after: days(31),
    route: 'deletion request',
    status: 410,
    code: 'invite_expired',
  },
  {
    link: 'expired five years ago',
    after: days(5 * 365),
    route: 'concern report',
    status: 410,
    code: 'invite_expired',
  },
];

describe.each(testDatabases)('what an expired invite link may still do ($name)', (database) => {
  const ctx = useTestApp(database);

  it('answers each row of link age × route, in time order on one link, auditing every refusal', async () => {
    const t = ctx();
    const { sam, expiresAt } = await samsLink(t);
    const answers: string[] = [];
    for (const { link, after, route } of rows) {
      t.clock.now = new Date(expiresAt + after);
      const res = await withLink(t, sam.token, route);
      answers.push(`${link}: ${route} → ${res.status}${res.ok ? '' : ` ${(await errorOf(res)).code}`}`);
    }
    expect(answers).toEqual(
      rows.map((r) => `${r.link}: ${r.route} → ${r.status}${r.code ? ` ${r.code}` : ''}`),
    );
    expect(await refusals(t)).toEqual(
      expect.arrayContaining([
        'research.consent:link_expired',
        'concern.report:link_too_old',
        'deletion_request.receive:link_too_old',
      ]),
    );
    expect(await refusals(t)).toHaveLength(rows.filter((r) => r.code).length);
  });

  it('takes the late window from the policy', async () => {
    const t = ctx();
    const { sam, expiresAt } = await samsLink(t);
    const admin = await signedInAs(t, 'admin');
    const current = (await (await t.app.request('/api/policy')).json()) as OrganisationPolicy;
    expect(current.policy.lateRequestDays).toBe(30);
    const saved = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
      ...current.policy,
      lateRequestDays: 60,
      basedOnVersion: current.version,
    });
    expect(saved.status).toBe(200);
    t.clock.now = new Date(expiresAt + days(45));
    expect((await withLink(t, sam.token, 'concern report')).status).toBe(201);
    t.clock.now = new Date(expiresAt + days(61));
    expect((await withLink(t, sam.token, 'concern report')).status).toBe(410);
  });

  it('counts the window from when the session ended, not when the link expired', async () => {
    const t = ctx();
    const { sam, expiresAt } = await samsLink(t);
    // Sam stayed in the call for two days past the link's expiry (a call can outlive its link).
    const left = new Date(expiresAt + days(2)).toISOString();
    await t.db
      .insertInto('participant_presence')
      .values({
        id: 'evt_sam',
        session_id: (
          await t.db
            .selectFrom('people')
            .select('session_id')
            .where('id', '=', sam.personId)
            .executeTakeFirstOrThrow()
        ).session_id,
        room_name: 'room',
        identity: sam.identity,
        person_id: sam.personId,
        known: 1,
        kind: 'STANDARD',
        joined_at: new Date(expiresAt - 1000).toISOString(),
        left_at: left,
      })
      .execute();
    t.clock.now = new Date(expiresAt + days(31));
    expect((await withLink(t, sam.token, 'deletion request')).status).toBe(201);
  });

  it('takes 5 concern reports a day from one seat by link, then answers 429 (audited) until a day has passed', async () => {
    const t = ctx();
    const { sam, expiresAt } = await samsLink(t);
    t.clock.now = new Date(expiresAt - 30 * 60_000);
    for (let i = 0; i < 5; i++) expect((await withLink(t, sam.token, 'concern report')).status).toBe(201);
    const sixth = await withLink(t, sam.token, 'concern report');
    expect(sixth.status).toBe(429);
    expect(await errorOf(sixth)).toMatchObject({ code: 'rate_limited' });
    expect(await t.db.selectFrom('concern_reports').select('id').execute()).toHaveLength(5);
    expect(await refusals(t)).toEqual(['concern.report:rate_limited']);
    t.clock.now = new Date(t.clock.now.getTime() + days(1) + 1000);
    expect((await withLink(t, sam.token, 'concern report')).status).toBe(201);
  });

  it('takes 3 deletion requests a day from one seat by link, then answers 429 (audited)', async () => {
    const t = ctx();
    const { sam, expiresAt } = await samsLink(t);
    t.clock.now = new Date(expiresAt + days(2));
    for (let i = 0; i < 3; i++) {
      expect((await withLink(t, sam.token, 'deletion request')).status).toBe(201);
      // Decided, so the next one is a new request rather than the same open one again.
      await t.db.updateTable('deletion_requests').set({ status: 'refused' }).execute();
    }
    const fourth = await withLink(t, sam.token, 'deletion request');
    expect(fourth.status).toBe(429);
    expect(await errorOf(fourth)).toMatchObject({ code: 'rate_limited' });
    expect(await refusals(t)).toEqual(['deletion_request.receive:rate_limited']);
  });
});
