import type { RecordingDetail } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { logEntry, recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function consentKinds(t: TestApp, account: TestAccount, recordingId: string) {
  const res = await asAccount(t, account, 'GET', `/api/recordings/${recordingId}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const detail = (await res.json()) as RecordingDetail;
  return detail.consents.map((e) => [e.personName, e.kind]);
}

describe.each(testDatabases)("who said no, in a recording's consent log ($name)", (database) => {
  const ctx = useTestApp(database);

  it('is shown to reviewers and administrators, never to the tutor who may watch the recording', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const sam = (await seatsOf(t, rec.sessionId)).find((seat) => seat.name === 'Sam Student');
    if (!sam) throw new Error('no seat for Sam Student');
    const request = await t.db
      .selectFrom('consent_log')
      .select('request_id')
      .where('session_id', '=', rec.sessionId)
      .executeTakeFirstOrThrow();
    await logEntry(t, rec.sessionId, sam, 'withdraw', request.request_id as string, 'quality_assurance', 99);

    const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');
    expect(await consentKinds(t, reviewer, rec.recordingId)).toContainEqual(['Sam Student', 'withdraw']);
    const tutorSees = await consentKinds(t, rec.tutor, rec.recordingId);
    expect(tutorSees).toContainEqual(['Sam Student', 'consent']);
    expect(tutorSees.filter(([, kind]) => kind === 'withdraw' || kind === 'decline')).toEqual([]);
  });
});
