import { rmSync } from 'node:fs';
import type {
  AuditPage,
  ConcernReceipt,
  MyConcernReportList,
  SafeguardingReportDetail,
  SafeguardingReportList,
} from '@assent/shared';
import { days } from '@assent/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { buildSession, seatsOf } from '../test-support/organisation';
import { markPresent } from '../test-support/recordings';
import {
  buildTestApp,
  createSampleSession,
  errorOf,
  inviteTokenOf,
  type TestApp,
  useTestApp,
} from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const concern = { category: 'conduct', description: 'The tutor shouted at my child.' } as const;

function reportFromCall(t: TestApp, token: string | undefined, body: unknown) {
  return t.app.request('/api/call/concern', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function auditOf(t: TestApp, action: string) {
  const admin = await signedInAs(t, 'admin');
  const res = await asAccount(t, admin, 'GET', `/api/admin/audit?actionPrefix=${action}`);
  return ((await res.json()) as AuditPage).entries;
}

async function reportAs(t: TestApp, account: TestAccount, sessionId: string, body: unknown = concern) {
  return asAccount(t, account, 'POST', `/api/sessions/${sessionId}/concerns`, body);
}

/** The sample session (Dana tutoring Sam, Pat his guardian) with the seats LiveKit saw. */
async function sessionWithPresence(t: TestApp, present: string[]) {
  const built = await buildSession(t);
  const sessionId = built.created.sessionId;
  for (const seat of await seatsOf(t, sessionId)) {
    if (present.includes(seat.name)) await markPresent(t, sessionId, seat.personId);
  }
  return { sessionId, tutor: built.tutor, guardian: built.guardians['Pat Guardian'] as TestAccount };
}

describe.each(testDatabases)('concerns and safeguarding reports ($name)', (database) => {
  const ctx = useTestApp(database);
  // The shared clean-up does not know this table yet; its rows would keep their sessions alive.
  afterEach(async () => {
    await ctx().db.deleteFrom('concern_reports').execute();
  });

  it('takes a report from the call by invite, tells the room nothing and audits it without the words', async () => {
    const t = ctx();
    const session = await createSampleSession(t);
    const sam = session.invites.find((i) => i.name === 'Sam Student');
    const metadataBefore = t.roomService.metadataLog.length;
    const messagesBefore = t.roomService.privateMessages.length;

    const res = await reportFromCall(t, inviteTokenOf(sam?.url ?? ''), concern);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as ConcernReceipt;
    expect(receipt.receivedAt).toBe(t.clock.now.toISOString());

    expect(t.roomService.metadataLog).toHaveLength(metadataBefore);
    expect(t.roomService.privateMessages).toHaveLength(messagesBefore);
    const row = await t.db.selectFrom('concern_reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: receipt.id,
      session_id: session.sessionId,
      reporter_name: 'Sam Student',
      reporter_role: 'student',
      reporter_user_id: null,
      during_call: 1,
      status: 'open',
      description: concern.description,
    });
    const entries = await auditOf(t, 'concern.report');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toEqual({
      sessionId: session.sessionId,
      duringCall: true,
      category: 'conduct',
    });
    expect(JSON.stringify(entries[0])).not.toContain('shouted');
  });

  it('tells someone who reported from the call without an account, by their link, once it is handled', async () => {
    const t = ctx();
    const session = await createSampleSession(t);
    const token = inviteTokenOf(session.invites.find((i) => i.name === 'Sam Student')?.url ?? '');
    const other = inviteTokenOf(session.invites.find((i) => i.name === 'Dana Tutor')?.url ?? '');
    const receipt = (await (await reportFromCall(t, token, concern)).json()) as ConcernReceipt;
    const theirs = async (bearer: string) =>
      (await (
        await t.app.request('/api/call/concerns', { headers: { authorization: `Bearer ${bearer}` } })
      ).json()) as MyConcernReportList;
    expect((await theirs(token)).reports.map((r) => [r.id, r.status])).toEqual([[receipt.id, 'received']]);
    // Nobody else in the session learns of it through their own link.
    expect((await theirs(other)).reports).toEqual([]);

    const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');
    await asAccount(t, reviewer, 'POST', `/api/safeguarding/reports/${receipt.id}/close`, {
      outcome: 'Spoke with the family.',
      correctiveActions: '',
    });
    const handled = await theirs(token);
    expect(handled.reports[0]).toMatchObject({ status: 'handled', handledAt: t.clock.now.toISOString() });
    expect(JSON.stringify(handled)).not.toContain('Spoke with');
    expect((await t.app.request('/api/call/concerns')).status).toBe(401);
  });

  it('refuses a missing token and a bad body from the call, writing nothing', async () => {
    const t = ctx();
    const session = await createSampleSession(t);
    const token = inviteTokenOf(session.invites[0]?.url ?? '');
    expect((await reportFromCall(t, undefined, concern)).status).toBe(401);
    expect((await reportFromCall(t, `${token}x`, concern)).status).toBe(401);
    const empty = await reportFromCall(t, token, { category: 'conduct', description: '   ' });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).code).toBe('validation_failed');
    expect((await reportFromCall(t, token, { category: 'gossip', description: 'x' })).status).toBe(400);
    expect(await t.db.selectFrom('concern_reports').selectAll().execute()).toEqual([]);
  });

  it('takes a report after the session from an attendee and from the guardian of a child who attended', async () => {
    const t = ctx();
    const { sessionId, tutor, guardian } = await sessionWithPresence(t, ['Dana Tutor', 'Sam Student']);
    const byTutor = await reportAs(t, tutor, sessionId, {
      category: 'technical',
      description: 'Sound broke',
    });
    expect(byTutor.status).toBe(201);
    const byGuardian = await reportAs(t, guardian, sessionId);
    expect(byGuardian.status).toBe(201);

    const rows = await t.db
      .selectFrom('concern_reports')
      .select(['reporter_name', 'reporter_role', 'during_call', 'reporter_person_id'])
      .orderBy('reporter_name')
      .execute();
    expect(rows.map((r) => [r.reporter_name, r.reporter_role, Number(r.during_call)])).toEqual([
      ['Dana Tutor', 'tutor', 0],
      ['Pat Guardian', 'guardian', 0],
    ]);
    expect(rows.every((r) => r.reporter_person_id !== null)).toBe(true);

    const mine = (await (
      await asAccount(t, guardian, 'GET', '/api/me/concerns')
    ).json()) as MyConcernReportList;
    expect(mine.reports).toEqual([
      expect.objectContaining({ sessionTitle: 'Algebra, week 3', status: 'received', handledAt: null }),
    ]);
  });

  it('refuses someone who was not in the call with not_attended, audited, and a missing session with 404', async () => {
    const t = ctx();
    const { sessionId, tutor, guardian } = await sessionWithPresence(t, ['Dana Tutor']);
    const res = await reportAs(t, guardian, sessionId);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual({
      code: 'not_attended',
      message: 'You can report a concern only about a session you were in.',
    });
    const stranger = await signedInAs(t, 'reviewer');
    expect((await reportAs(t, stranger, sessionId)).status).toBe(403);
    expect((await reportAs(t, tutor, 'ses_missing')).status).toBe(404);
    expect(await t.db.selectFrom('concern_reports').selectAll().execute()).toEqual([]);
    const denied = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'target_id'])
      .where('outcome', '=', 'denied')
      .orderBy('seq')
      .execute();
    expect(denied).toEqual([
      { action: 'session.report_concern', actor_user_id: guardian.userId, target_id: sessionId },
      { action: 'session.report_concern', actor_user_id: stranger.userId, target_id: sessionId },
    ]);
  });

  it('lets the safeguarding staff list, read and close a report; the reporter sees it handled', async () => {
    const t = ctx();
    const { sessionId, tutor, guardian } = await sessionWithPresence(t, ['Dana Tutor', 'Sam Student']);
    const first = (await (await reportAs(t, guardian, sessionId)).json()) as ConcernReceipt;
    t.clock.now = new Date(t.clock.now.getTime() + days(3));
    await reportAs(t, tutor, sessionId, { category: 'safeguarding', description: 'Sam seemed scared' });
    const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');

    const list = (await (
      await asAccount(t, reviewer, 'GET', '/api/safeguarding/reports')
    ).json()) as SafeguardingReportList;
    expect(list.reports.map((r) => [r.reporterName, r.reporterRole, r.openDays, r.status])).toEqual([
      ['Pat Guardian', 'guardian', 3, 'open'],
      ['Dana Tutor', 'tutor', 0, 'open'],
    ]);
    expect(list.reports[0]).toMatchObject({ sessionTitle: 'Algebra, week 3', duringCall: false });

    const detail = (await (
      await asAccount(t, reviewer, 'GET', `/api/safeguarding/reports/${first.id}`)
    ).json()) as SafeguardingReportDetail;
    expect(detail).toMatchObject({
      description: concern.description,
      category: 'conduct',
      status: 'open',
      session: { id: sessionId, title: 'Algebra, week 3' },
      recordings: [],
    });
    expect(detail.session.people.map((p) => [p.name, p.role])).toEqual([
      ['Dana Tutor', 'tutor'],
      ['Sam Student', 'student'],
      ['Pat Guardian', 'guardian'],
    ]);
    expect(detail.otherReports.map((r) => [r.reporterName, r.category])).toEqual([
      ['Dana Tutor', 'safeguarding'],
    ]);

    const close = await asAccount(t, reviewer, 'POST', `/api/safeguarding/reports/${first.id}/close`, {
      outcome: 'Spoke with the tutor and the family.',
      correctiveActions: 'Tutor reminded of the code of conduct.',
    });
    expect(close.status).toBe(200);
    expect((await close.json()) as SafeguardingReportDetail).toMatchObject({
      status: 'closed',
      closedByName: 'Rhea Reviewer',
      closedAt: t.clock.now.toISOString(),
      reporterToldAt: t.clock.now.toISOString(),
      outcome: 'Spoke with the tutor and the family.',
      openDays: 3,
    });
    const again = await asAccount(t, reviewer, 'POST', `/api/safeguarding/reports/${first.id}/close`, {
      outcome: 'Twice',
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already_decided');

    const mine = (await (
      await asAccount(t, guardian, 'GET', '/api/me/concerns')
    ).json()) as MyConcernReportList;
    expect(mine.reports[0]).toMatchObject({ status: 'handled', handledAt: t.clock.now.toISOString() });
    expect(JSON.stringify(mine)).not.toContain('code of conduct');
    const closed = await auditOf(t, 'concern.close');
    expect(closed.map((e) => [e.actorUserId, e.targetId])).toEqual([[reviewer.userId, first.id]]);
  });

  it('refuses the list and the reports to tutors, guardians and students, and a close without an outcome', async () => {
    const t = ctx();
    const { sessionId, tutor, guardian } = await sessionWithPresence(t, ['Dana Tutor']);
    const receipt = (await (await reportAs(t, tutor, sessionId)).json()) as ConcernReceipt;
    const student = await signedInAs(t, 'student');
    for (const account of [tutor, guardian, student]) {
      expect((await asAccount(t, account, 'GET', '/api/safeguarding/reports')).status).toBe(403);
      expect((await asAccount(t, account, 'GET', `/api/safeguarding/reports/${receipt.id}`)).status).toBe(
        403,
      );
    }
    const admin = await signedInAs(t, 'admin');
    const bad = await asAccount(t, admin, 'POST', `/api/safeguarding/reports/${receipt.id}/close`, {
      outcome: ' ',
    });
    expect(bad.status).toBe(400);
    const row = await t.db.selectFrom('concern_reports').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });

  it('mails the reporter that their report was handled, never what was found', async () => {
    const catcher = await startMailCatcher();
    const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
    try {
      const { sessionId, guardian } = await sessionWithPresence(t, ['Sam Student']);
      const receipt = (await (await reportAs(t, guardian, sessionId)).json()) as ConcernReceipt;
      const admin = await signedInAs(t, 'admin');
      const res = await asAccount(t, admin, 'POST', `/api/safeguarding/reports/${receipt.id}/close`, {
        outcome: 'Confidential finding',
        correctiveActions: '',
      });
      expect(res.status).toBe(200);
      const mail = catcher.received.find((m) => m.to.includes(guardian.email));
      expect(mail?.raw).toContain('Your report about Algebra, week 3 was handled');
      expect(mail?.raw).not.toContain('Confidential finding');
    } finally {
      await t.db.deleteFrom('concern_reports').execute();
      await t.vault.idle();
      rmSync(t.config.vault.dir, { recursive: true, force: true });
      await catcher.close();
    }
  });
});
