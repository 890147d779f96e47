import { type LiveRecordingState, MyConsentTopic } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { signedInAs } from '../test-support/accounts';
import {
  answer,
  createRecordingSession,
  joinRoom,
  leaveRoom,
  recordWithEveryone,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { fakeMp4, finishedEgress } from '../test-support/recordings';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('consent service ($name)', (database) => {
  const ctx = useTestApp(database);

  it('has the withdrawal committed before the egress is told to stop (rule 6)', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId } = await recordWithEveryone(t, s);
    const seen: string[] = [];
    t.egress.onStop = async (id) => {
      // A fresh read: on PostgreSQL another pooled connection sees only committed rows.
      const row = await t.db
        .selectFrom('consent_log')
        .select('kind')
        .where('person_id', '=', s.student.personId)
        .where('kind', '=', 'withdraw')
        .executeTakeFirst();
      seen.push(`${id}:${row?.kind ?? 'missing'}`);
    };
    const { requestId } = (await stateOf(t, s)).state.request ?? { requestId: '' };
    const res = await answer(t, 'withdraw', s.student, requestId);
    expect(res.status).toBe(200);
    await t.consent.idle();
    expect(seen).toEqual([`${egressId}:withdraw`]);
  });

  it('stops the recording when someone joins during it (fail closed), and an unknown participant too', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId } = await recordWithEveryone(t, s);
    await joinRoom(t, s, 'p_stranger');
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    expect((await stateOf(t, s)).state.banner).not.toMatch(/^Recording —/);
  });

  it('does not count the hidden recorder as a participant', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await recordWithEveryone(t, s);
    await joinRoom(t, s, 'EG_recorder', true);
    await t.consent.idle();
    expect(t.egress.stops).toEqual([]);
    expect((await stateOf(t, s)).state).toMatchObject({ status: 'recording', consented: 3, required: 3 });
  });

  it('tells the truth when the egress cannot start: retries, then "could not start"', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    t.egress.failStarts = 10;
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) await answer(t, 'consent', person, requestId);
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(3);
    const { state } = await stateOf(t, s);
    expect(state.status).toBe('failed');
    expect(state.banner).toBe('Not recording — the recorder could not start');
  });

  it('starts exactly one egress when everyone consents at once', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    const results = await Promise.all(s.everyone.map((person) => answer(t, 'consent', person, requestId)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(1);
    const versions = await t.db.selectFrom('consent_log').select('seq').orderBy('seq').execute();
    expect(new Set(versions.map((v) => v.seq)).size).toBe(versions.length);
  });

  it('serialises concurrent transitions: no lost update among many at once', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const identities = Array.from({ length: 12 }, (_, i) => `p_guest_${i}`);
    await Promise.all(identities.map((identity) => joinRoom(t, s, identity)));
    const stored = await t.consent.read(s.sessionId);
    expect(Object.keys(stored?.state.participants ?? {}).sort()).toEqual([...identities].sort());
    expect(stored?.version).toBe(12);
  });

  it('publishes counts as room metadata and each decision only to its owner', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.student, requestId);
    await t.consent.idle();
    const metadata = JSON.parse(t.roomService.metadata.get(s.roomName) ?? '{}') as LiveRecordingState;
    expect(metadata).toMatchObject({
      version: 1,
      status: 'waiting',
      banner: 'Waiting for consent (0 of 3) — Not recording',
      request: { requestId, purpose: 'quality_assurance' },
      consented: 0,
      required: 3,
    });
    // SECURITY: who decided what never reaches anyone but that person (rule 4: never show who).
    expect(JSON.stringify(metadata)).not.toContain(s.student.personId);
    const lastTo = (identity: string) =>
      t.roomService.privateMessages.filter((m) => m.identity === identity).at(-1);
    expect(lastTo(s.student.identity)).toEqual({
      roomName: s.roomName,
      identity: s.student.identity,
      topic: MyConsentTopic,
      payload: JSON.stringify({ requestId, decision: 'consented' }),
    });
    expect(JSON.parse(lastTo(s.tutor.identity)?.payload ?? '{}')).toEqual({ requestId, decision: 'pending' });
    const studentDecision = /"decision":"consented"/;
    const toOthers = t.roomService.privateMessages.filter((m) => m.identity !== s.student.identity);
    expect(toOthers.some((m) => studentDecision.test(m.payload))).toBe(false);
  });

  it('survives publishing failures: the room does not exist yet', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    const res = await answer(t, 'consent', s.student, requestId);
    expect(res.status).toBe(200);
    await t.consent.idle();
    expect(t.roomService.metadata.size).toBe(0);
  });

  it('stops when the last participant leaves', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId } = await recordWithEveryone(t, s);
    for (const person of s.everyone) await leaveRoom(t, s, person.identity);
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
  });

  it('runs a withdrawal’s effects itself: the stop and the "erase" rule, whoever applies it', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const current = await t.consent.policies.current();
    await savePolicy(
      t.db,
      { userId: admin.userId, role: 'admin' },
      { ...current.policy, withdrawalRule: 'erase', basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1 },
      t.clock.now,
    );
    const s = await createRecordingSession(t);
    const { requestId, egressId } = await recordWithEveryone(t, s);
    // An earlier part of this request's recording is already in the vault.
    await finishedEgress(t, s.sessionId, requestId, fakeMp4(5000));
    expect(await t.vault.collect()).toBe(1);
    const stored = await t.consent.read(s.sessionId);
    const request = stored?.state.request;
    if (!request) throw new Error('no request');

    // Not through the route: a second caller of the service gets the same effects.
    await t.consent.apply(
      s.sessionId,
      { type: 'withdraw', requestId, personId: s.student.personId },
      {
        decide: () => ({
          personId: s.student.personId,
          personName: 'Sam Student',
          role: 'student',
          kind: 'withdraw',
          requestId,
          purpose: request.purpose,
          noticeVersion: request.noticeVersion,
          clientRequestId: 'direct-withdrawal',
          userAgent: null,
        }),
      },
    );
    await t.consent.idle();
    await t.vault.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    const rows = await t.db.selectFrom('recordings').select('status').execute();
    expect(rows.map((r) => r.status)).toEqual(['destroyed']);
    const records = await t.db.selectFrom('deletion_records').select('reason').execute();
    expect(records.map((r) => r.reason)).toEqual(['withdrawal']);
  });
});
