import type {
  AuditPage,
  ConcernReceipt,
  OrganisationPolicyInput,
  RecordingList,
  SafeguardingReportDetail,
} from '@assent/shared';
import { days } from '@assent/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { logEntry, type RecordedSession, recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { findRecording } from '../vault/recording-repository';

async function changePolicy(
  t: TestApp,
  change: (policy: OrganisationPolicyInput) => OrganisationPolicyInput,
) {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    { ...change(current.policy), basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1 },
    t.clock.now,
  );
}

/** Pat, the guardian of Sam who was in the call, reports the recorded session. */
async function reported(t: TestApp, rec: RecordedSession): Promise<string> {
  const res = await asAccount(t, rec.guardian, 'POST', `/api/sessions/${rec.sessionId}/concerns`, {
    category: 'safeguarding',
    description: 'Sam came away upset.',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as ConcernReceipt).id;
}

async function close(t: TestApp, reportId: string) {
  const admin = await signedInAs(t, 'admin');
  const res = await asAccount(t, admin, 'POST', `/api/safeguarding/reports/${reportId}/close`, {
    outcome: 'No further action.',
    correctiveActions: '',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as SafeguardingReportDetail;
}

const statusOf = async (t: TestApp, id: string) =>
  (await t.db.selectFrom('recordings').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

async function auditActions(t: TestApp, prefix: string) {
  const admin = await signedInAs(t, 'admin');
  const res = await asAccount(t, admin, 'GET', `/api/admin/audit?actionPrefix=${prefix}`);
  return ((await res.json()) as AuditPage).entries;
}

describe.each(testDatabases)('holds on reported sessions ($name)', (database) => {
  const ctx = useTestApp(database);
  afterEach(async () => {
    await ctx().db.deleteFrom('concern_reports').execute();
  });

  it('keeps a held recording past its retention, and the first sweep after closing destroys it', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const reportId = await reported(t, rec);
    const pastRetention = () => new Date(t.clock.now.getTime() + days(91));

    const held = await t.vault.sweep(pastRetention());
    expect(held).toMatchObject({ expired: 0, held: 1 });
    expect(await statusOf(t, rec.recordingId)).toBe('stored');
    // Even a sweep that missed the report (made while it ran) is refused inside the destruction itself.
    const recording = await findRecording(t.db, rec.recordingId);
    if (!recording) throw new Error('no recording');
    expect(await t.vault.destroy(recording, { reason: 'retention', detail: 'Retention ended' })).toBe(false);
    expect(await statusOf(t, rec.recordingId)).toBe('stored');
    const reviewer = await signedInAs(t, 'reviewer');
    const detail = (await (
      await asAccount(t, reviewer, 'GET', `/api/safeguarding/reports/${reportId}`)
    ).json()) as SafeguardingReportDetail;
    expect(detail.recordingsOnHold).toBe(1);
    expect(detail.recordings).toEqual([
      expect.objectContaining({ id: rec.recordingId, status: 'stored', onHold: true }),
    ]);

    const closed = await close(t, reportId);
    expect(closed.recordings[0]?.onHold).toBe(false);
    const after = await t.vault.sweep(pastRetention());
    expect(after).toMatchObject({ expired: 1, held: 0 });
    expect(await statusOf(t, rec.recordingId)).toBe('destroyed');
    const record = await t.db.selectFrom('deletion_records').selectAll().executeTakeFirstOrThrow();
    expect(record.reason).toBe('retention');
  });

  it('under "erase", a withdrawal while a report is open defers the destruction until it is closed', async () => {
    const t = ctx();
    await changePolicy(t, (p) => ({ ...p, withdrawalRule: 'erase' }));
    const rec = await recordedSession(t);
    const reportId = await reported(t, rec);
    const sam = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Sam Student');
    if (!sam) throw new Error('no Sam');
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await logEntry(t, rec.sessionId, sam, 'withdraw', 'req_later', 'quality_assurance', 40);

    expect(await t.vault.afterWithdrawal(rec.sessionId)).toBe(0);
    expect((await t.vault.sweep()).erasedAfterWithdrawal).toBe(0);
    const row = await t.db
      .selectFrom('recordings')
      .select(['status', 'destroy_after_hold'])
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('stored');
    expect(JSON.parse(row.destroy_after_hold ?? '{}')).toMatchObject({
      reason: 'withdrawal',
      rule: 'erase',
      withdrawal: { personName: 'Sam Student' },
    });
    // Deferred once, however many sweeps pass meanwhile.
    const deferred = await auditActions(t, 'recording.hold_deferred');
    expect(deferred).toHaveLength(1);
    expect(deferred[0]?.detail).toMatchObject({ reason: 'withdrawal', reportIds: [reportId] });

    await close(t, reportId);
    const swept = await t.vault.sweep();
    expect(swept.erasedAfterWithdrawal + swept.destroyedAfterHold).toBe(1);
    expect(await statusOf(t, rec.recordingId)).toBe('destroyed');
    const record = await t.db.selectFrom('deletion_records').selectAll().executeTakeFirstOrThrow();
    expect(record.reason).toBe('withdrawal');
    expect(record.detail).toMatch(
      /^Sam Student withdrew consent .* Kept until the report about the session was closed$/,
    );
  });

  it('lets a reviewer who is no viewer of the purpose watch a reported session while the report is open', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    await changePolicy(t, (p) => ({
      ...p,
      purposes: p.purposes.map((purpose) => ({ ...purpose, viewerRoles: ['tutor', 'admin'] })),
    }));
    const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');
    const list = async (account: TestAccount) =>
      ((await (await asAccount(t, account, 'GET', '/api/recordings')).json()) as RecordingList).recordings;
    const play = (account: TestAccount) =>
      asAccount(t, account, 'POST', `/api/recordings/${rec.recordingId}/playback`, {});

    expect(await list(reviewer)).toEqual([]);
    expect((await play(reviewer)).status).toBe(404);

    const reportId = await reported(t, rec);
    expect(await list(reviewer)).toEqual([
      expect.objectContaining({ id: rec.recordingId, access: 'investigation', onHold: true }),
    ]);
    // The tutor being looked into is not told by their own list.
    expect(await list(rec.tutor)).toEqual([
      expect.objectContaining({ access: 'own_session', onHold: false }),
    ]);
    expect((await play(reviewer)).status).toBe(200);
    const views = await auditActions(t, 'recording.view');
    const investigation = views.filter((e) => e.outcome === 'done');
    expect(investigation).toHaveLength(1);
    expect(investigation[0]?.detail).toMatchObject({ access: 'investigation', reportIds: [reportId] });

    await close(t, reportId);
    expect(await list(reviewer)).toEqual([]);
    expect((await play(reviewer)).status).toBe(404);
  });
});
