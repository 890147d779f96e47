/**
 * Consent without pressure: in the call nobody but the person themselves learns who declined or
 * withdrew (not from the log route, the published room state or its private messages), and after a no
 * the tutor may ask again only once the policy's cool-down has passed.
 */
import { randomUUID } from 'node:crypto';
import type { ConsentLogResponse, LiveRecordingState, SavePolicyRequest } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import {
  answer,
  command,
  createRecordingSession,
  get,
  joinRoom,
  type RecordingSession,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const minute = 60_000;

async function publishedState(t: TestApp, s: RecordingSession): Promise<LiveRecordingState> {
  await t.consent.idle();
  return JSON.parse(t.roomService.metadata.get(s.roomName) ?? 'null') as LiveRecordingState;
}

async function logAs(t: TestApp, token: string): Promise<ConsentLogResponse> {
  return (await (await get(t, 'log', token)).json()) as ConsentLogResponse;
}

const ask = (t: TestApp, s: RecordingSession) =>
  command(t, 'request', s.tutor.token, { clientRequestId: randomUUID(), purpose: 'quality_assurance' });

async function inCall(t: TestApp): Promise<RecordingSession> {
  const s = await createRecordingSession(t);
  for (const person of s.everyone) await joinRoom(t, s, person.identity);
  return s;
}

describe.each(testDatabases)('consent without pressure ($name)', (database) => {
  const ctx = useTestApp(database);

  it('shows the tutor counts, never who declined or withdrew; each person sees their own answers', async () => {
    const t = ctx();
    const s = await inCall(t);
    const first = await requestRecording(t, s);
    for (const person of [s.tutor, s.guardian]) {
      expect((await answer(t, 'consent', person, first)).status).toBe(200);
    }
    expect((await answer(t, 'decline', s.student, first)).status).toBe(200);

    const tutorLog = await logAs(t, s.tutor.token);
    // The tutor's own request and consent, nobody else's answer by name.
    expect(tutorLog.entries.map((e) => e.kind)).toEqual(['request', 'consent']);
    expect(new Set(tutorLog.entries.map((e) => e.role))).toEqual(new Set(['tutor']));
    expect(tutorLog.counts).toEqual([
      { requestId: first, purpose: 'quality_assurance', consented: 1, declined: 1, withdrawn: 0 },
    ]);
    const studentLog = await logAs(t, s.student.token);
    expect(studentLog.entries.map((e) => [e.role, e.kind])).toEqual([['student', 'decline']]);
    expect(studentLog.counts).toEqual([]);
    const guardianLog = await logAs(t, s.guardian.token);
    expect(guardianLog.entries.map((e) => [e.role, e.kind])).toEqual([['guardian', 'consent']]);

    // What everyone in the room can read names nobody: no person id, seat identity or answer by person.
    const published = JSON.stringify(await publishedState(t, s));
    for (const person of s.everyone) {
      expect(published).not.toContain(person.personId);
      expect(published).not.toContain(person.identity);
    }
    expect((await publishedState(t, s)).banner).toBe('Not recording — a participant declined');
    // Each private message goes to its own person only, and says only their own decision.
    const state = await stateOf(t, s, s.guardian);
    expect(state.myDecision).toBe('consented');
  });

  it('refuses asking again until the cool-down has passed, says how long, and publishes when', async () => {
    const t = ctx();
    const s = await inCall(t);
    const first = await requestRecording(t, s);
    expect((await publishedState(t, s)).askAgainAt).toBeNull();
    expect((await answer(t, 'consent', s.guardian, first)).status).toBe(200);
    expect((await answer(t, 'withdraw', s.guardian, first)).status).toBe(200);
    const saidNoAt = t.clock.now.getTime();
    const until = new Date(saidNoAt + 10 * minute).toISOString();
    expect((await publishedState(t, s)).askAgainAt).toBe(until);
    expect((await stateOf(t, s, s.guardian)).state.askAgainAt).toBe(until);

    t.clock.now = new Date(saidNoAt + 3 * minute);
    const refused = await ask(t, s);
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe('request_cooling_down');
    expect(error.message).toContain('You can ask again in 7 minutes');
    expect(error.message).toContain(`at ${until.slice(11, 16)} UTC`);
    expect((await stateOf(t, s)).state.request?.requestId).toBe(first);

    t.clock.now = new Date(saidNoAt + 10 * minute);
    expect((await ask(t, s)).status).toBe(200);
    expect((await publishedState(t, s)).askAgainAt).toBeNull();
  });

  it("starts no cool-down for the tutor's own no, and follows the policy's minutes (0: none)", async () => {
    const t = ctx();
    const s = await inCall(t);
    const first = await requestRecording(t, s);
    expect((await answer(t, 'decline', s.tutor, first)).status).toBe(200);
    const second = await requestRecording(t, s);

    const admin = await signedInAs(t, 'admin');
    const current = await t.consent.policies.current();
    const edit: SavePolicyRequest = {
      ...current.policy,
      askAgainAfterMinutes: 0,
      basedOnVersion: current.version,
    };
    expect((await asAccount(t, admin, 'PUT', '/api/admin/policy', edit)).status).toBe(200);
    expect((await answer(t, 'decline', s.student, second)).status).toBe(200);
    expect((await ask(t, s)).status).toBe(200);
  });
});
