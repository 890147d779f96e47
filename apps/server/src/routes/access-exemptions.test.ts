/**
 * The safeguarding exemptions of access answers: a guardian's answer about their child leaves out the
 * child's own concern reports (a child may report their family), and nobody's answer shows who watched
 * a recording to investigate a report while that report is open. The admin sees what was left out.
 */
import type { AccessAnswer, AccessRequest, AdminAccessRequestDetail } from '@assent/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/audit-log';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function compiled(t: TestApp, requester: TestAccount, subject: unknown) {
  const request = (await (
    await asAccount(t, requester, 'POST', '/api/me/access-requests', { subject })
  ).json()) as AccessRequest;
  const admin = await signedInAs(t, 'admin');
  expect((await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`)).status).toBe(
    200,
  );
  const draft = (await (
    await asAccount(t, admin, 'GET', `/api/admin/access-requests/${request.id}`)
  ).json()) as AdminAccessRequestDetail;
  expect((await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/release`)).status).toBe(
    200,
  );
  const { answer } = (await (
    await asAccount(t, requester, 'GET', `/api/me/access-requests/${request.id}`)
  ).json()) as { answer: AccessAnswer };
  return { draft, answer };
}

const reportWithLink = (t: TestApp, token: string) =>
  t.app.request('/api/call/concern', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ category: 'safeguarding', description: 'Something at home worries me.' }),
  });

describe.each(testDatabases)('access answers and safeguarding ($name)', (database) => {
  const ctx = useTestApp(database);
  afterEach(async () => {
    await ctx().db.deleteFrom('access_requests').execute();
  });

  it('leaves a child’s own concern reports out of their guardian’s answer, and tells the admin', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const sam = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Sam Student');
    expect((await reportWithLink(t, sam?.token ?? '')).status).toBe(201);
    const studentId = rec.built.studentIds['Sam Student'] as string;

    const { draft, answer } = await compiled(t, rec.guardian, { kind: 'student', studentId });
    expect(answer.concernReports).toEqual([]);
    expect(answer.audit.filter((e) => e.action.startsWith('concern.'))).toEqual([]);
    expect(JSON.stringify(answer)).not.toContain('concern.report');
    expect(draft.withheld).toMatchObject({ concernReports: 1, investigationViews: 0 });
  });

  it('keeps a person’s own reports in their own answer', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const report = await asAccount(t, rec.guardian, 'POST', `/api/sessions/${rec.sessionId}/concerns`, {
      category: 'conduct',
      description: 'The tutor was late again.',
    });
    expect(report.status).toBe(201);
    const { draft, answer } = await compiled(t, rec.guardian, { kind: 'self' });
    expect(answer.concernReports).toHaveLength(1);
    expect(draft.withheld).toEqual({ concernReports: 0, investigationViews: 0, auditEntries: 0 });
  });

  it('leaves investigation views out of the tutor’s own answer while the report is open, not after', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const report = await asAccount(t, rec.guardian, 'POST', `/api/sessions/${rec.sessionId}/concerns`, {
      category: 'safeguarding',
      description: 'Something the tutor said worried us.',
    });
    expect(report.status).toBe(201);
    const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');
    // The reviewer watched it to investigate (the basis the recordings list hides from the tutor).
    const at = t.clock.now;
    await t.db
      .insertInto('recording_views')
      .values({
        id: 'view_investigation',
        recording_id: rec.recordingId,
        user_id: reviewer.userId,
        access: 'investigation',
        created_at: at.toISOString(),
        expires_at: new Date(at.getTime() + 3600_000).toISOString(),
      })
      .execute();
    await appendAudit(t.db, {
      actor: { userId: reviewer.userId, role: 'reviewer' },
      action: 'recording.view',
      target: { type: 'recording', id: rec.recordingId },
      detail: {
        sessionId: rec.sessionId,
        purpose: 'quality_assurance',
        purposeLabel: 'Quality assurance',
        access: 'investigation',
        viewId: 'view_investigation',
      },
      at,
    });

    const open = await compiled(t, rec.tutor, { kind: 'self' });
    expect(open.answer.recordings.map((r) => r.id)).toEqual([rec.recordingId]);
    expect(open.answer.views.filter((v) => v.access === 'investigation')).toEqual([]);
    expect(open.answer.audit.filter((e) => e.actorName === 'Rhea Reviewer')).toEqual([]);
    expect(open.draft.withheld).toMatchObject({ investigationViews: 1, auditEntries: 1 });

    await t.db.updateTable('concern_reports').set({ status: 'closed' }).execute();
    const closed = await compiled(t, rec.tutor, { kind: 'self' });
    expect(closed.answer.views.map((v) => [v.viewerName, v.access])).toEqual([
      ['Rhea Reviewer', 'investigation'],
    ]);
    expect(closed.draft.withheld).toMatchObject({ investigationViews: 0 });
  });
});
