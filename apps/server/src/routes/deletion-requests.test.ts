import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type {
  AdminDeletionRequestList,
  DeletionDecisionResult,
  DeletionRequestReceipt,
  MyDeletionRequestList,
} from '@assent/shared';
import { days } from '@assent/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { seatsOf } from '../test-support/organisation';
import {
  fakeMp4,
  finishedEgress,
  logEntry,
  type RecordedSession,
  recordedSession,
} from '../test-support/recordings';
import { buildTestApp, errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { type TestDatabase, testDatabases } from '../test-support/test-databases';
import { blobPath } from '../vault/ingest';

const ask = (t: TestApp, who: TestAccount, recordingId: string, reason?: string) =>
  asAccount(t, who, 'POST', `/api/recordings/${recordingId}/deletion-request`, reason ? { reason } : {});

const decide = (t: TestApp, admin: TestAccount, id: string, decision: 'approve' | 'refuse', reason: string) =>
  asAccount(t, admin, 'POST', `/api/admin/deletion-requests/${id}/decision`, { decision, reason });

async function askedBy(t: TestApp, who: TestAccount, recordingId: string): Promise<DeletionRequestReceipt> {
  const res = await ask(t, who, recordingId, 'I did not want this kept');
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as DeletionRequestReceipt;
}

async function recordingState(t: TestApp, id: string) {
  const row = await t.db.selectFrom('recordings').select('status').where('id', '=', id).executeTakeFirst();
  const key = await t.db
    .selectFrom('recording_keys')
    .select('recording_id')
    .where('recording_id', '=', id)
    .executeTakeFirst();
  return { status: row?.status, key: key !== undefined, blob: existsSync(blobPath(t.vault.files, id)) };
}

const stored = { status: 'stored', key: true, blob: true };
const destroyed = { status: 'destroyed', key: false, blob: false };

async function auditActions(t: TestApp, prefix: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'target_id'])
    .where('action', 'like', `${prefix}%`)
    .orderBy('seq')
    .execute();
  return rows;
}

const mine = async (t: TestApp, who: TestAccount) =>
  ((await (await asAccount(t, who, 'GET', '/api/me/deletion-requests')).json()) as MyDeletionRequestList)
    .requests;

/** A second recording of the session, made now (after anything asked before). */
async function anotherRecording(t: TestApp, rec: RecordedSession): Promise<string> {
  const requestId = `req_${randomUUID()}`;
  // A recording is made for a request the consent log holds: its purpose is what the vault keeps it for.
  const tutorSeat = (await seatsOf(t, rec.sessionId)).find((s) => s.role === 'tutor');
  if (tutorSeat) await logEntry(t, rec.sessionId, tutorSeat, 'request', requestId, 'quality_assurance', 100);
  await finishedEgress(t, rec.sessionId, requestId, fakeMp4(4_000));
  await t.vault.collect();
  const row = await t.db
    .selectFrom('recordings')
    .select('id')
    .where('session_id', '=', rec.sessionId)
    .where('id', '!=', rec.recordingId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes the audit entry of an approval fail, as a fault in the middle of the decision would. */
async function failApprovals(t: TestApp, database: TestDatabase) {
  if (database.name === 'sqlite') {
    await sql`create trigger fail_approval before insert on audit_log
      when new.action = 'deletion_request.approve'
      begin select raise(abort, 'injected failure'); end`.execute(t.db);
    return () => sql`drop trigger fail_approval`.execute(t.db);
  }
  await sql`create function fail_approval() returns trigger language plpgsql as $$
    begin
      if new.action = 'deletion_request.approve' then raise exception 'injected failure'; end if;
      return new;
    end $$`.execute(t.db);
  await sql`create trigger fail_approval before insert on audit_log
    for each row execute function fail_approval()`.execute(t.db);
  return async () => {
    await sql`drop trigger fail_approval on audit_log`.execute(t.db);
    await sql`drop function fail_approval()`.execute(t.db);
  };
}

async function openReport(t: TestApp, sessionId: string) {
  const id = `rep_${randomUUID()}`;
  await t.db
    .insertInto('concern_reports')
    .values({
      id,
      session_id: sessionId,
      reporter_user_id: null,
      reporter_person_id: null,
      reporter_name: 'Sam Student',
      reporter_role: 'student',
      category: 'safeguarding',
      description: 'Something worried me',
      during_call: 0,
      status: 'open',
      created_at: t.clock.now.toISOString(),
      closed_at: null,
      closed_by_user_id: null,
      outcome: null,
      corrective_actions: null,
      reporter_told_at: null,
    })
    .execute();
  // Reports are not emptied between tests here, so each test removes its own.
  return () => t.db.deleteFrom('concern_reports').where('id', '=', id).execute();
}

describe.each(testDatabases)('deletion requests ($name)', (database) => {
  const ctx = useTestApp(database);

  it('takes a request from an attendee once, audited, and shows it to them and to admins', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const first = await askedBy(t, rec.tutor, rec.recordingId);
    expect(first).toMatchObject({ status: 'open', receivedAt: t.clock.now.toISOString() });
    const again = await ask(t, rec.tutor, rec.recordingId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as DeletionRequestReceipt).id).toBe(first.id);

    const row = await t.db.selectFrom('deletion_requests').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      recording_id: rec.recordingId,
      requester_user_id: rec.tutor.userId,
      origin: 'recordings_page',
      reason: 'I did not want this kept',
    });
    expect(await auditActions(t, 'deletion_request')).toEqual([
      { action: 'deletion_request.create', outcome: 'done', target_id: rec.recordingId },
    ]);
    expect(await mine(t, rec.tutor)).toMatchObject([
      { id: first.id, sessionTitle: 'Algebra, week 3', recordingId: rec.recordingId, status: 'open' },
    ]);
    expect(await mine(t, rec.guardian)).toEqual([]);

    t.clock.now = new Date(t.clock.now.getTime() + days(3));
    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const list = (await (
      await asAccount(t, admin, 'GET', '/api/admin/deletion-requests')
    ).json()) as AdminDeletionRequestList;
    expect(list.requests).toMatchObject([
      {
        id: first.id,
        requesterName: 'Dana Tutor',
        requesterRole: 'tutor',
        origin: 'recordings_page',
        openDays: 3,
        onHold: false,
        recordings: [{ id: rec.recordingId, purposeLabel: 'Quality assurance', status: 'stored' }],
      },
    ]);
  });

  it('lets a guardian ask for a recording their child attended without them', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const patSeat = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Pat Guardian');
    await t.db
      .deleteFrom('participant_presence')
      .where('person_id', '=', patSeat?.personId ?? '')
      .execute();
    await askedBy(t, rec.guardian, rec.recordingId);
    expect(await mine(t, rec.guardian)).toHaveLength(1);
  });

  it('answers 404 alike to a non-attendee and for a missing recording, auditing both, writing nothing', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const stranger = await signedInAs(t, 'guardian', 'Hugo Stranger');
    const refused = await ask(t, stranger, rec.recordingId, 'Not mine');
    expect(refused.status).toBe(404);
    expect((await errorOf(refused)).code).toBe('not_found');
    expect((await ask(t, stranger, 'rec_missing')).status).toBe(404);
    const reviewer = await signedInAs(t, 'reviewer');
    expect((await ask(t, reviewer, rec.recordingId)).status).toBe(404);
    expect(await t.db.selectFrom('deletion_requests').selectAll().execute()).toEqual([]);
    expect(await auditActions(t, 'recording.request_deletion')).toEqual([
      { action: 'recording.request_deletion', outcome: 'denied', target_id: rec.recordingId },
      { action: 'recording.request_deletion', outcome: 'denied', target_id: 'rec_missing' },
      { action: 'recording.request_deletion', outcome: 'denied', target_id: rec.recordingId },
    ]);
  });

  it('approval destroys exactly the covered recording, with a deletion record citing the request', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const other = await recordedSession(t);
    const request = await askedBy(t, rec.guardian, rec.recordingId);
    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const res = await decide(t, admin, request.id, 'approve', 'Recorded by mistake, no reason to keep it');
    expect(res.status, await res.clone().text()).toBe(200);
    const result = (await res.json()) as DeletionDecisionResult;
    expect(result).toMatchObject({
      destroyed: 1,
      requesterMailed: false,
      request: { status: 'approved', decidedByName: 'Ada Admin', recordings: [{ status: 'destroyed' }] },
    });

    expect(await recordingState(t, rec.recordingId)).toEqual(destroyed);
    expect(await recordingState(t, other.recordingId)).toEqual(stored);
    const record = await t.db.selectFrom('deletion_records').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      recording_id: rec.recordingId,
      reason: 'decision',
      decided_by_user_id: admin.userId,
      detail: `Deletion request of Pat Guardian (${request.receivedAt.slice(0, 10)}) approved: Recorded by mistake, no reason to keep it`,
    });
    expect((await auditActions(t, 'deletion_request.approve'))[0]).toMatchObject({ target_id: request.id });
    expect(await mine(t, rec.guardian)).toMatchObject([
      { status: 'approved', decisionReason: 'Recorded by mistake, no reason to keep it' },
    ]);
    const verified = await asAccount(t, admin, 'GET', '/api/admin/audit/verify');
    expect(((await verified.json()) as { intact: boolean }).intact).toBe(true);
  });

  it('a request from the call covers only the recordings made before it', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const patSeat = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Pat Guardian');
    const fromCall = await t.app.request('/api/recording/deletion-request', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${patSeat?.token}` },
      body: JSON.stringify({ clientRequestId: randomUUID() }),
    });
    expect(fromCall.status).toBe(201);
    t.clock.now = new Date(t.clock.now.getTime() + 10 * 60_000);
    const later = await anotherRecording(t, rec);

    const [request] = await mine(t, rec.guardian);
    expect(request).toMatchObject({ origin: 'withdrawal', recordingId: null });
    const admin = await signedInAs(t, 'admin');
    const res = await decide(t, admin, request?.id ?? '', 'approve', 'Approved as asked after withdrawing');
    expect(((await res.json()) as DeletionDecisionResult).destroyed).toBe(1);
    expect(await recordingState(t, rec.recordingId)).toEqual(destroyed);
    expect(await recordingState(t, later)).toEqual(stored);
  });

  it('refusal keeps the recording and tells the requester why; a second decision and non-admins are refused', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const request = await askedBy(t, rec.tutor, rec.recordingId);
    const admin = await signedInAs(t, 'admin');
    const reviewer = await signedInAs(t, 'reviewer');
    const forbidden = await decide(t, reviewer, request.id, 'approve', 'I would like to approve it');
    expect(forbidden.status).toBe(403);
    expect(await auditActions(t, 'deletion_requests.manage')).toEqual([
      { action: 'deletion_requests.manage', outcome: 'denied', target_id: request.id },
    ]);

    const short = await decide(t, admin, request.id, 'refuse', 'no');
    expect(short.status).toBe(400);
    const refused = await decide(t, admin, request.id, 'refuse', 'Needed for the safeguarding review');
    expect(refused.status).toBe(200);
    expect(await recordingState(t, rec.recordingId)).toEqual(stored);
    expect(await mine(t, rec.tutor)).toMatchObject([
      { status: 'refused', decisionReason: 'Needed for the safeguarding review' },
    ]);
    expect((await auditActions(t, 'deletion_request.refuse'))[0]).toMatchObject({ target_id: request.id });

    const twice = await decide(t, admin, request.id, 'approve', 'Changed my mind about it');
    expect(twice.status).toBe(409);
    expect((await errorOf(twice)).code).toBe('already_decided');
    expect(await recordingState(t, rec.recordingId)).toEqual(stored);
    expect((await decide(t, admin, 'dreq_missing', 'refuse', 'Nothing to decide here')).status).toBe(404);
  });

  it('will not approve while a safeguarding report about the session is open, but may refuse', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const request = await askedBy(t, rec.tutor, rec.recordingId);
    const admin = await signedInAs(t, 'admin');
    const closeReport = await openReport(t, rec.sessionId);
    try {
      const list = (await (
        await asAccount(t, admin, 'GET', '/api/admin/deletion-requests')
      ).json()) as AdminDeletionRequestList;
      expect(list.requests[0]?.onHold).toBe(true);
      const held = await decide(t, admin, request.id, 'approve', 'Approve it despite the report');
      expect(held.status).toBe(409);
      expect(await errorOf(held)).toMatchObject({
        code: 'recording_on_hold',
        message: 'A safeguarding report about this session is open; decide after it is closed.',
      });
      expect(await recordingState(t, rec.recordingId)).toEqual(stored);
      expect(await t.db.selectFrom('deletion_records').selectAll().execute()).toEqual([]);
      expect((await mine(t, rec.tutor))[0]?.status).toBe('open');
      const refused = await decide(t, admin, request.id, 'refuse', 'Kept for the investigation');
      expect(refused.status).toBe(200);
    } finally {
      await closeReport();
    }
  });

  it('a failure in the middle of an approval leaves the request open and the recording stored', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const request = await askedBy(t, rec.tutor, rec.recordingId);
    const admin = await signedInAs(t, 'admin');
    const restore = await failApprovals(t, database);
    try {
      const res = await decide(t, admin, request.id, 'approve', 'Approve, but the audit fails');
      expect(res.status).toBe(500);
    } finally {
      await restore();
    }
    expect(await recordingState(t, rec.recordingId)).toEqual(stored);
    expect(await t.db.selectFrom('deletion_records').selectAll().execute()).toEqual([]);
    expect((await mine(t, rec.tutor))[0]).toMatchObject({ status: 'open', decidedAt: null });
    const retry = await decide(t, admin, request.id, 'approve', 'Approve, now that it works');
    expect(retry.status).toBe(200);
    expect(await recordingState(t, rec.recordingId)).toEqual(destroyed);
  });

  it('mails the requester the decision and its reason when mail is set up', async () => {
    const catcher = await startMailCatcher();
    const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
    try {
      const rec = await recordedSession(t);
      const request = await askedBy(t, rec.guardian, rec.recordingId);
      const admin = await signedInAs(t, 'admin');
      const res = await decide(t, admin, request.id, 'refuse', 'We must keep it for the review');
      expect(((await res.json()) as DeletionDecisionResult).requesterMailed).toBe(true);
      const mail = catcher.received.find((m) => m.to.includes(rec.guardian.email));
      // Quoted-printable soft line breaks undone.
      const text = mail?.raw.replace(/=\r?\n/g, '');
      expect(text).toContain('Your deletion request was refused');
      expect(text).toContain('Their reason: We must keep it for the review');
      expect(text).toContain('http://assent.test/requests');
    } finally {
      await t.vault.idle();
      rmSync(t.config.vault.dir, { recursive: true, force: true });
      await catcher.close();
    }
  });
});
