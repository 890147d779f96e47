/**
 * A playback view is not a licence: every media request re-runs the access decision, so a view stops
 * streaming the moment access ends (policy narrowed, report closed, playback window over), not hours later.
 */
import { type ConcernReceipt, days, type OrganisationPolicyInput, type PlaybackGrant } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { type RecordedSession, recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const hourMs = 3_600_000;

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

async function play(t: TestApp, account: TestAccount, recordingId: string): Promise<PlaybackGrant> {
  const res = await asAccount(t, account, 'POST', `/api/recordings/${recordingId}/playback`, {});
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PlaybackGrant;
}

const media = (t: TestApp, account: TestAccount, url: string) =>
  t.app.request(url, { headers: { cookie: account.cookie, range: 'bytes=0-99' } });

async function reported(t: TestApp, rec: RecordedSession): Promise<string> {
  const res = await asAccount(t, rec.guardian, 'POST', `/api/sessions/${rec.sessionId}/concerns`, {
    category: 'safeguarding',
    description: 'Sam came away upset.',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as ConcernReceipt).id;
}

async function deniedMedia(t: TestApp, recordingId: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['detail'])
    .where('action', '=', 'recording.media')
    .where('outcome', '=', 'denied')
    .where('target_id', '=', recordingId)
    .execute();
  return rows.map((r) => (JSON.parse(String(r.detail)) as { reason: string }).reason);
}

describe.each(testDatabases)('playback re-checked on every media request ($name)', (database) => {
  const ctx = useTestApp(database);

  it('stops a reviewer’s running view as soon as the policy no longer lists reviewers for the purpose', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const reviewer = await signedInAs(t, 'reviewer');
    const { mediaUrl } = await play(t, reviewer, rec.recordingId);
    expect((await media(t, reviewer, mediaUrl)).status).toBe(206);

    await changePolicy(t, (p) => ({
      ...p,
      purposes: p.purposes.map((purpose) => ({ ...purpose, viewerRoles: ['admin'] })),
    }));
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect((await media(t, reviewer, mediaUrl)).status).toBe(404);
    expect(await deniedMedia(t, rec.recordingId)).toEqual(['access_ended']);
  });

  it('stops a guardian’s view when the participant playback window ends, though the view itself is young', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    // An hour before the 90-day window closes, the guardian presses play.
    t.clock.now = new Date(t.clock.now.getTime() + days(90) - hourMs);
    const { mediaUrl } = await play(t, rec.guardian, rec.recordingId);
    expect((await media(t, rec.guardian, mediaUrl)).status).toBe(206);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * hourMs);
    expect((await media(t, rec.guardian, mediaUrl)).status).toBe(404);
    expect(await deniedMedia(t, rec.recordingId)).toEqual(['access_ended']);
  });

  it('stops an investigation view when the report is closed', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    await changePolicy(t, (p) => ({
      ...p,
      purposes: p.purposes.map((purpose) => ({ ...purpose, viewerRoles: ['tutor', 'admin'] })),
    }));
    const reviewer = await signedInAs(t, 'reviewer');
    const reportId = await reported(t, rec);
    const { mediaUrl } = await play(t, reviewer, rec.recordingId);
    expect((await media(t, reviewer, mediaUrl)).status).toBe(206);

    const admin = await signedInAs(t, 'admin');
    const closed = await asAccount(t, admin, 'POST', `/api/safeguarding/reports/${reportId}/close`, {
      outcome: 'No further action.',
      correctiveActions: '',
    });
    expect(closed.status).toBe(200);
    expect((await media(t, reviewer, mediaUrl)).status).toBe(404);
  });
});
