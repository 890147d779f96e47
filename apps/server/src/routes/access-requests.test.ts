import { rmSync } from 'node:fs';
import type {
  AccessRequest,
  AccessRequestDetail,
  AccessRequestList,
  AdminAccessRequest,
  AdminAccessRequestDetail,
  AdminAccessRequestList,
  CreateSessionResponse,
} from '@assent/shared';
import { days } from '@assent/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { agreedGuardian, enrolStudent } from '../test-support/organisation';
import { recordedSession } from '../test-support/recordings';
import { buildTestApp, errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

// Lets one test make the audit writer fail for one action, to show the change it belongs to rolls back.
const failing = vi.hoisted(() => ({ action: null as string | null }));
vi.mock('../audit/audit-log', async (importOriginal) => {
  const original = await importOriginal<typeof import('../audit/audit-log')>();
  return {
    ...original,
    appendAudit: (
      db: Parameters<typeof original.appendAudit>[0],
      input: Parameters<typeof original.appendAudit>[1],
    ) => {
      if (input.action === failing.action) throw new Error('the audit log is unavailable');
      return original.appendAudit(db, input);
    },
  };
});

async function ask(t: TestApp, account: TestAccount, subject: unknown) {
  return asAccount(t, account, 'POST', '/api/me/access-requests', { subject });
}

async function auditActions(t: TestApp, targetId: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_user_id'])
    .where('target_id', '=', targetId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

/** A stored recording of `sessionId` (no file: only what the answer reads). */
async function storedRecordingOf(t: TestApp, sessionId: string, id: string) {
  const at = t.clock.now.toISOString();
  await t.db
    .insertInto('recordings')
    .values({
      id,
      egress_id: `EG_${id}`,
      session_id: sessionId,
      request_id: null,
      purpose: 'quality_assurance',
      policy_version: 1,
      status: 'stored',
      plaintext_path: null,
      size_bytes: 10,
      cipher_bytes: 10,
      started_at: at,
      ended_at: at,
      retain_until: new Date(t.clock.now.getTime() + days(90)).toISOString(),
      ingest_error: null,
      created_at: at,
      stored_at: at,
      plaintext_removed_at: null,
      destroyed_at: null,
      destroy_after_hold: null,
    })
    .execute();
}

describe.each(testDatabases)('access requests ($name)', (database) => {
  const ctx = useTestApp(database);
  // clearTables (test-databases.ts) does not know the rights tables yet; this table points at users.
  afterEach(async () => {
    await ctx().db.deleteFrom('access_requests').execute();
  });

  it('takes a guardian’s request for their child, answers it with what is held, and serves the archive', async () => {
    const catcher = await startMailCatcher();
    const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
    try {
      const rec = await recordedSession(t);
      const sam = rec.built.studentIds['Sam Student'] as string;
      // Sam had a seat in a later session but never joined it; its recording is not Sam's.
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const res = await asAccount(t, rec.tutor, 'POST', '/api/sessions', {
        title: 'Geometry',
        studentIds: [sam],
      });
      const geometry = ((await res.json()) as CreateSessionResponse).sessionId;
      await storedRecordingOf(t, geometry, 'rec_geometry');
      // And a recording of a session Sam had no seat in at all.
      const other = await recordedSession(t);

      const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');
      const watched = await asAccount(t, reviewer, 'POST', `/api/recordings/${rec.recordingId}/playback`, {});
      expect(watched.status).toBe(200);

      const created = await ask(t, rec.guardian, { kind: 'student', studentId: sam });
      expect(created.status).toBe(201);
      const request = (await created.json()) as AccessRequest;
      expect(request).toMatchObject({
        subjectKind: 'student',
        subjectName: 'Sam Student',
        status: 'received',
      });
      const again = await ask(t, rec.guardian, { kind: 'student', studentId: sam });
      expect(again.status).toBe(200);
      expect(((await again.json()) as AccessRequest).id).toBe(request.id);

      const mine = (await (
        await asAccount(t, rec.guardian, 'GET', '/api/me/access-requests')
      ).json()) as AccessRequestList;
      expect(mine.requests.map((r) => r.id)).toEqual([request.id]);
      const waiting = await asAccount(t, rec.guardian, 'GET', `/api/me/access-requests/${request.id}`);
      expect(((await waiting.json()) as AccessRequestDetail).answer).toBeNull();
      const early = await asAccount(t, rec.guardian, 'GET', `/api/me/access-requests/${request.id}/archive`);
      expect(early.status).toBe(409);
      expect((await errorOf(early)).code).toBe('conflict');

      t.clock.now = new Date(t.clock.now.getTime() + days(3) + 3600_000);
      const admin = await signedInAs(t, 'admin', 'Ada Admin');
      const open = (await (
        await asAccount(t, admin, 'GET', '/api/admin/access-requests')
      ).json()) as AdminAccessRequestList;
      expect(open.requests).toEqual([
        expect.objectContaining({
          id: request.id,
          requesterName: 'Pat Guardian',
          subjectName: 'Sam Student',
          status: 'received',
          openDays: 3,
          answeredByName: null,
        }),
      ]);

      const answered = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`);
      expect(answered.status, await answered.clone().text()).toBe(200);
      expect((await answered.json()) as AdminAccessRequest).toMatchObject({
        stage: 'draft',
        status: 'received',
      });
      const twice = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`);
      expect(twice.status).toBe(409);
      expect((await errorOf(twice)).code).toBe('already_decided');
      // A compiled answer is a draft: the requester sees nothing of it, and is not mailed, until it is released.
      const drafted = (await (
        await asAccount(t, rec.guardian, 'GET', `/api/me/access-requests/${request.id}`)
      ).json()) as AccessRequestDetail;
      expect(drafted).toMatchObject({ status: 'received', answeredAt: null, answer: null });
      expect(
        (await asAccount(t, rec.guardian, 'GET', `/api/me/access-requests/${request.id}/archive`)).status,
      ).toBe(409);
      expect(catcher.received).toHaveLength(0);
      const draft = (await (
        await asAccount(t, admin, 'GET', `/api/admin/access-requests/${request.id}`)
      ).json()) as AdminAccessRequestDetail;
      expect(draft).toMatchObject({ stage: 'draft', releasedAt: null });
      expect(draft.answer?.recordings.map((r) => r.id)).toEqual([rec.recordingId]);
      expect(draft.withheld).toEqual({ concernReports: 0, investigationViews: 0, auditEntries: 0 });
      const released = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/release`);
      expect(released.status).toBe(200);
      expect((await released.json()) as AdminAccessRequest).toMatchObject({
        stage: 'released',
        status: 'answered',
        releasedByName: 'Ada Admin',
      });
      const releasedTwice = await asAccount(
        t,
        admin,
        'POST',
        `/api/admin/access-requests/${request.id}/release`,
      );
      expect(releasedTwice.status).toBe(409);
      expect((await errorOf(releasedTwice)).code).toBe('already_decided');
      await vi.waitFor(() => expect(catcher.received).toHaveLength(1));
      expect(catcher.received[0]?.raw).toContain('Subject: Your request for your data has been answered');
      expect(catcher.linkSentTo(rec.guardian.email)).toBe(`http://assent.test/requests/access/${request.id}`);

      const after = (await (
        await asAccount(t, admin, 'GET', '/api/admin/access-requests')
      ).json()) as AdminAccessRequestList;
      expect(after.requests[0]).toMatchObject({
        status: 'answered',
        stage: 'released',
        openDays: 3,
        answeredByName: 'Ada Admin',
      });

      const detail = (await (
        await asAccount(t, rec.guardian, 'GET', `/api/me/access-requests/${request.id}`)
      ).json()) as AccessRequestDetail;
      const answer = detail.answer;
      if (!answer) throw new Error('no answer');
      expect(answer.subject).toMatchObject({
        kind: 'student',
        name: 'Sam Student',
        studentId: sam,
        userId: null,
      });
      expect(answer.account).toBeNull();
      expect(answer.student).toMatchObject({ name: 'Sam Student', minor: true });
      expect(answer.guardianships).toEqual([
        expect.objectContaining({ name: 'Pat Guardian', relation: 'guardian' }),
      ]);
      expect(answer.sessions.map((s) => [s.title, s.joined])).toEqual([
        ['Algebra, week 3', true],
        ['Geometry', false],
      ]);
      expect(answer.consents.log.map((e) => [e.personName, e.kind, e.byGuardian])).toEqual([
        ['Sam Student', 'consent', false],
        ['Pat Guardian', 'consent', true],
      ]);
      expect(answer.recordings.map((r) => r.id)).toEqual([rec.recordingId]);
      expect(answer.recordings[0]).toMatchObject({ status: 'stored', access: null, whyNot: 'no_sign_in' });
      expect(JSON.stringify(answer)).not.toContain(other.recordingId);
      expect(answer.views).toEqual([
        expect.objectContaining({
          recordingId: rec.recordingId,
          viewerName: 'Rhea Reviewer',
          access: 'purpose_viewer',
        }),
      ]);
      expect(answer.audit.some((a) => a.action === 'recording.view' && a.targetId === rec.recordingId)).toBe(
        true,
      );

      const archive = await asAccount(
        t,
        rec.guardian,
        'GET',
        `/api/me/access-requests/${request.id}/archive`,
      );
      expect(archive.status).toBe(200);
      expect(archive.headers.get('content-type')).toBe('application/zip');
      expect(archive.headers.get('cache-control')).toBe('no-store');
      expect(archive.headers.get('content-disposition')).toBe(
        `attachment; filename="assent-data-${request.id}.zip"`,
      );
      const files = unzipSync(new Uint8Array(await archive.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual([
        'README.txt',
        'answer.json',
        'audit.csv',
        'consents.csv',
        'deletions.csv',
        'recording-views.csv',
        'recordings.csv',
        'sessions.csv',
        'talk-time.csv',
        'transcript-lines.csv',
        'transcripts.csv',
      ]);
      const text = (name: string) => strFromU8(files[name] as Uint8Array);
      expect(text('README.txt')).toContain('Everything Assent held about Sam Student');
      expect(JSON.parse(text('answer.json'))).toEqual(answer);
      expect(answer).toEqual(draft.answer);
      expect(text('consents.csv')).toContain('consent_log,"Algebra, week 3",Sam Student,student,consent');
      expect(text('recordings.csv')).toContain(
        `${rec.recordingId},"Algebra, week 3",Quality assurance,stored`,
      );
      expect(text('recording-views.csv')).toContain('Rhea Reviewer,reviewer,purpose_viewer');
      expect(text('sessions.csv')).toContain('Geometry');
      expect(text('sessions.csv')).toContain('"invited, never joined"');

      expect(await auditActions(t, request.id)).toEqual([
        'access_request.create:done',
        'access_request.answer:done',
        'access_request.review:done',
        'access_request.release:done',
        'access_request.download:done',
      ]);
    } finally {
      await catcher.close();
      await t.vault.idle();
      rmSync(t.config.vault.dir, { recursive: true, force: true });
    }
  });

  it('tells a participant which recordings they may watch under the policy, and until when', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const created = (await (await ask(t, rec.guardian, { kind: 'self' })).json()) as AccessRequest;
    expect(created.subjectName).toBe('Pat Guardian');
    const admin = await signedInAs(t, 'admin');
    // Mail is off in this app: the answer stands all the same.
    expect(
      (await asAccount(t, admin, 'POST', `/api/admin/access-requests/${created.id}/answer`)).status,
    ).toBe(200);
    expect(
      (await asAccount(t, admin, 'POST', `/api/admin/access-requests/${created.id}/release`)).status,
    ).toBe(200);
    const { answer } = (await (
      await asAccount(t, rec.guardian, 'GET', `/api/me/access-requests/${created.id}`)
    ).json()) as AccessRequestDetail;
    expect(answer?.account).toMatchObject({
      name: 'Pat Guardian',
      role: 'guardian',
      email: rec.guardian.email,
    });
    expect(answer?.guardianships).toEqual([
      expect.objectContaining({ name: 'Sam Student', relation: 'child' }),
    ]);
    expect(answer?.agreements).toHaveLength(1);
    expect(answer?.recordings).toEqual([
      expect.objectContaining({
        id: rec.recordingId,
        access: 'attended',
        whyNot: null,
        playableUntil: new Date(t.clock.now.getTime() + days(90)).toISOString(),
      }),
    ]);
    expect(answer?.consents.log.map((e) => [e.personName, e.byGuardian])).toEqual([['Pat Guardian', false]]);
  });

  it('answers someone else’s request as missing, and audits the refusal', async () => {
    const t = ctx();
    const pat = await agreedGuardian(t, 'Pat Guardian');
    const stranger = await signedInAs(t, 'tutor', 'Theo Tutor');
    const request = (await (await ask(t, pat, { kind: 'self' })).json()) as AccessRequest;
    for (const path of [
      `/api/me/access-requests/${request.id}`,
      `/api/me/access-requests/${request.id}/archive`,
    ]) {
      const res = await asAccount(t, stranger, 'GET', path);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('not_found');
    }
    const missing = await asAccount(t, stranger, 'GET', '/api/me/access-requests/areq_nothing');
    expect(missing.status).toBe(404);
    expect(await auditActions(t, request.id)).toEqual([
      'access_request.create:done',
      'access_request.read:denied',
      'access_request.download:denied',
    ]);
    const theirs = (await (
      await asAccount(t, stranger, 'GET', '/api/me/access-requests')
    ).json()) as AccessRequestList;
    expect(theirs.requests).toEqual([]);
  });

  it('lets only an admin answer, and changes nothing when someone else tries', async () => {
    const t = ctx();
    const pat = await agreedGuardian(t, 'Pat Guardian');
    const request = (await (await ask(t, pat, { kind: 'self' })).json()) as AccessRequest;
    for (const role of ['reviewer', 'tutor', 'guardian', 'student'] as const) {
      const caller = role === 'guardian' ? pat : await signedInAs(t, role);
      const res = await asAccount(t, caller, 'POST', `/api/admin/access-requests/${request.id}/answer`);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
      for (const [method, path] of [
        ['GET', `/api/admin/access-requests/${request.id}`],
        ['POST', `/api/admin/access-requests/${request.id}/release`],
      ] as const) {
        expect((await asAccount(t, caller, method, path)).status).toBe(403);
      }
      expect((await asAccount(t, caller, 'GET', '/api/admin/access-requests')).status).toBe(403);
    }
    const row = await t.db.selectFrom('access_requests').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'received', answer: null, answered_at: null });
    expect((await auditActions(t, request.id)).filter((a) => a.endsWith(':denied'))).toHaveLength(12);
    const admin = await signedInAs(t, 'admin');
    const missing = await asAccount(t, admin, 'POST', '/api/admin/access-requests/areq_nothing/answer');
    expect(missing.status).toBe(404);
  });

  it('lets a guardian ask for their own child only, and an adult student for themselves', async () => {
    const t = ctx();
    const pat = await agreedGuardian(t, 'Pat Guardian');
    const hugo = await agreedGuardian(t, 'Hugo Guardian');
    const sam = await enrolStudent(t, 'Sam', true, [pat]);
    const tom = await enrolStudent(t, 'Tom', true, [hugo]);
    expect((await ask(t, pat, { kind: 'student', studentId: sam })).status).toBe(201);

    const refused = await ask(t, pat, { kind: 'student', studentId: tom });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('forbidden');
    const denial = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'student.request_access')
      .executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ outcome: 'denied', actor_user_id: pat.userId, target_id: tom });

    const unknown = await ask(t, pat, { kind: 'student', studentId: 'no-such-student' });
    expect(unknown.status).toBe(404);
    const bad = await ask(t, pat, { kind: 'everyone' });
    expect(bad.status).toBe(400);

    const cleo = await signedInAs(t, 'student', 'Cleo Adult');
    const cleoId = await enrolStudent(t, 'Cleo Adult', false, []);
    await t.db.updateTable('students').set({ user_id: cleo.userId }).where('id', '=', cleoId).execute();
    expect((await ask(t, cleo, { kind: 'student', studentId: cleoId })).status).toBe(201);
    expect((await ask(t, cleo, { kind: 'student', studentId: sam })).status).toBe(403);
    const requests = await t.db
      .selectFrom('access_requests')
      .select('subject_name')
      .orderBy('created_at')
      .execute();
    expect(requests.map((r) => r.subject_name).sort()).toEqual(['Cleo Adult', 'Sam']);
  });

  it('answers atomically: if the audit entry cannot be written, the request stays unanswered', async () => {
    const t = ctx();
    const pat = await agreedGuardian(t, 'Pat Guardian');
    const request = (await (await ask(t, pat, { kind: 'self' })).json()) as AccessRequest;
    const admin = await signedInAs(t, 'admin');
    failing.action = 'access_request.answer';
    try {
      const res = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`);
      expect(res.status).toBe(500);
    } finally {
      failing.action = null;
    }
    const row = await t.db.selectFrom('access_requests').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'received',
      answer: null,
      answered_at: null,
      answered_by_user_id: null,
    });
    expect(await auditActions(t, request.id)).toEqual(['access_request.create:done']);
    const retried = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`);
    expect(retried.status).toBe(200);
  });

  it('keeps the release when the mail to the requester cannot be sent', async () => {
    const t = buildTestApp(ctx().db, { SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const pat = await agreedGuardian(t, 'Pat Guardian');
      const request = (await (await ask(t, pat, { kind: 'self' })).json()) as AccessRequest;
      const admin = await signedInAs(t, 'admin');
      const res = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`);
      expect(res.status).toBe(200);
      const released = await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/release`);
      expect(released.status).toBe(200);
      const row = await t.db.selectFrom('access_requests').selectAll().executeTakeFirstOrThrow();
      expect(row.status).toBe('answered');
      expect(row.released_at).not.toBeNull();
    } finally {
      rmSync(t.config.vault.dir, { recursive: true, force: true });
    }
  });
});
