/** A guardian's consent in advance, where the policy allows it, counts for their child in the call. */
import type { AdvanceConsentResponse, MySessionList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession, sampleSpec, seatsOf } from '../test-support/organisation';
import {
  answer,
  joinRoom,
  type RecordingSession,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function allowAdvanceConsent(t: TestApp, allowed: boolean) {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    {
      ...current.policy,
      advanceGuardianConsent: allowed,
      basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1,
    },
    t.clock.now,
  );
}

async function sampleWithPat(t: TestApp): Promise<RecordingSession & { pat: TestAccount }> {
  const { created, guardians } = await buildSession(t, sampleSpec);
  const seats = await seatsOf(t, created.sessionId);
  const everyone = seats.map((seat) => ({
    personId: seat.personId,
    role: seat.role,
    token: seat.token,
    identity: seat.identity,
  }));
  const [tutor, student, guardian] = everyone;
  const pat = guardians['Pat Guardian'];
  if (!tutor || !student || !guardian || !pat) throw new Error('sample session has three people');
  const { room_name } = await t.db
    .selectFrom('sessions')
    .select('room_name')
    .where('id', '=', created.sessionId)
    .executeTakeFirstOrThrow();
  return { sessionId: created.sessionId, roomName: room_name, tutor, student, guardian, everyone, pat };
}

const giveAdvance = (t: TestApp, account: TestAccount, s: RecordingSession, purposes: string[]) =>
  asAccount(t, account, 'PUT', `/api/sessions/${s.sessionId}/advance-consent`, {
    studentPersonId: s.student.personId,
    purposes,
  });

describe.each(testDatabases)('advance guardian consent ($name)', (database) => {
  const ctx = useTestApp(database);

  it('is refused while the policy asks guardians to consent in the call', async () => {
    const t = ctx();
    const s = await sampleWithPat(t);
    const res = await giveAdvance(t, s.pat, s, ['quality_assurance']);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('advance_consent_not_allowed');
    expect(await t.db.selectFrom('advance_consents').selectAll().execute()).toEqual([]);
  });

  it('counts for the child when the guardian is not in the call, for that purpose only; withdrawing it stops the recording', async () => {
    const t = ctx();
    await allowAdvanceConsent(t, true);
    const s = await sampleWithPat(t);
    const res = await giveAdvance(t, s.pat, s, ['quality_assurance']);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as AdvanceConsentResponse).purposes).toEqual(['quality_assurance']);
    const mine = (await (await asAccount(t, s.pat, 'GET', '/api/me/sessions')).json()) as MySessionList;
    expect(mine.sessions[0]?.children[0]).toMatchObject({
      personId: s.student.personId,
      advanceConsent: ['quality_assurance'],
    });

    // Tutor and child in the call, the guardian not: a safeguarding request needs the guardian…
    for (const person of [s.tutor, s.student]) await joinRoom(t, s, person.identity);
    const other = await requestRecording(t, s, 'safeguarding');
    for (const person of [s.tutor, s.student]) await answer(t, 'consent', person, other);
    await t.consent.idle();
    expect(t.egress.running()).toEqual([]);
    await answer(t, 'cancel', s.tutor, other);

    // …a quality-assurance request is covered by the advance consent.
    const qa = await requestRecording(t, s, 'quality_assurance');
    for (const person of [s.tutor, s.student]) await answer(t, 'consent', person, qa);
    await t.consent.idle();
    const [egressId] = t.egress.running();
    expect(egressId).toBeDefined();

    // Withdrawing the advance consent ends it at once.
    expect((await giveAdvance(t, s.pat, s, [])).status).toBe(200);
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    expect((await stateOf(t, s)).state.status).not.toBe('recording');
  });

  it('is refused to anyone but a guardian of that child in that session, and audited', async () => {
    const t = ctx();
    await allowAdvanceConsent(t, true);
    const s = await sampleWithPat(t);
    const stranger = await signedInAs(t, 'guardian', 'Lee Stranger');
    const res = await giveAdvance(t, stranger, s, ['quality_assurance']);
    expect(res.status).toBe(403);
    const bad = await giveAdvance(t, s.pat, s, ['not_a_purpose']);
    expect(bad.status).toBe(400);
    expect(await t.db.selectFrom('advance_consents').selectAll().execute()).toEqual([]);
    const denied = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'action'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ actor_user_id: stranger.userId, action: 'session.advance_consent' }]);
  });
});
