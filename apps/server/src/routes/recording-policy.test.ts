/** The consent flow under the organisation's policy: versions, what a prompt states, standing "do not record". */
import { randomUUID } from 'node:crypto';
import type {
  ConsentCommandResponse,
  LiveRecordingState,
  OrganisationPolicy,
  RecordingOptions,
  SavePolicyRequest,
} from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { legacyRecordingNotice } from '../policy/recording-notice';
import { currentRecordingPreference } from '../policy/recording-preferences';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { enrolledBy, enrolStudent, seatsOf } from '../test-support/organisation';
import {
  answer,
  command,
  createRecordingSession,
  joinRoom,
  type RecordingSession,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

const v1Viewers =
  'Your tutor, reviewers (quality and safeguarding) and administrators; the student and their guardians for 90 days';
const v2Notice =
  'Recordings are made only with everyone’s agreement and kept no longer than their purpose needs.';

async function policyOf(t: TestApp): Promise<OrganisationPolicy> {
  return (await (await t.app.request('/api/policy')).json()) as OrganisationPolicy;
}

/** The admin keeps safeguarding recordings 30 days for reviewers only, ends playback, adds tutor coaching. */
async function saveVersion2(t: TestApp, admin: TestAccount): Promise<void> {
  const v1 = await policyOf(t);
  const edit: SavePolicyRequest = {
    ...v1.policy,
    purposes: [
      ...v1.policy.purposes
        .filter((p) => p.id !== 'student_playback')
        .map((p) =>
          p.id === 'safeguarding' ? { ...p, retentionDays: 30, viewerRoles: ['reviewer' as const] } : p,
        ),
      { id: 'tutor_coaching', label: 'Coaching for your tutor', retentionDays: 365, viewerRoles: ['tutor'] },
    ],
    participantPlaybackDays: null,
    noticeText: v2Notice,
    basedOnVersion: v1.version,
  };
  const res = await asAccount(t, admin, 'PUT', '/api/admin/policy', edit);
  expect(res.status, await res.clone().text()).toBe(200);
}

async function publishedState(t: TestApp, s: RecordingSession): Promise<LiveRecordingState> {
  await t.consent.idle();
  return JSON.parse(t.roomService.metadata.get(s.roomName) ?? 'null') as LiveRecordingState;
}

describe.each(testDatabases)('recording under the organisation policy ($name)', (database) => {
  const ctx = useTestApp(database);

  it('keeps a request to the version it was made under; the next request uses the new version', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const v1 = await policyOf(t);
    const first = await requestRecording(t, s, 'safeguarding');
    const underV1 = {
      requestId: first,
      purpose: 'safeguarding',
      purposeLabel: 'Safeguarding',
      retentionDays: 90,
      viewers: v1Viewers,
      noticeVersion: 'policy-1',
      noticeText: v1.policy.noticeText,
    };
    expect((await publishedState(t, s)).request).toMatchObject(underV1);

    await saveVersion2(t, await signedInAs(t, 'admin'));
    // Answers to the open request, and what everyone is shown, still follow version 1.
    const consented = await answer(t, 'consent', s.student, first);
    expect(((await consented.json()) as ConsentCommandResponse).state.request).toMatchObject(underV1);
    expect((await publishedState(t, s)).request).toMatchObject(underV1);
    expect((await stateOf(t, s, s.guardian)).state.request).toMatchObject(underV1);

    const options = (await (await t.app.request('/api/recording/options')).json()) as RecordingOptions;
    expect(options.notice).toEqual({ version: 'policy-2', text: v2Notice });
    expect(options.purposes).toEqual([
      { id: 'quality_assurance', label: 'Quality assurance', retentionDays: 90, viewers: expect.any(String) },
      {
        id: 'safeguarding',
        label: 'Safeguarding',
        retentionDays: 30,
        viewers: 'Reviewers (quality and safeguarding) only',
      },
      {
        id: 'tutor_coaching',
        label: 'Coaching for your tutor',
        retentionDays: 365,
        viewers: 'Your tutor only',
      },
    ]);

    const second = await requestRecording(t, s, 'safeguarding');
    const underV2 = {
      requestId: second,
      retentionDays: 30,
      viewers: 'Reviewers (quality and safeguarding) only',
      noticeVersion: 'policy-2',
      noticeText: v2Notice,
    };
    expect((await publishedState(t, s)).request).toMatchObject(underV2);
    expect((await answer(t, 'decline', s.guardian, second)).status).toBe(200);
    expect((await publishedState(t, s)).request).toMatchObject(underV2);

    const log = await t.db
      .selectFrom('consent_log')
      .select(['kind', 'request_id', 'notice_version'])
      .orderBy('seq')
      .execute();
    expect(log.map((r) => [r.kind, r.request_id, r.notice_version])).toEqual([
      ['request', first, 'policy-1'],
      ['consent', first, 'policy-1'],
      ['request', second, 'policy-2'],
      ['decline', second, 'policy-2'],
    ]);
  });

  it('allows exactly the purposes of the version in force', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await saveVersion2(t, await signedInAs(t, 'admin'));
    const removed = await command(t, 'request', s.tutor.token, {
      clientRequestId: randomUUID(),
      purpose: 'student_playback',
    });
    expect(removed.status).toBe(400);
    expect((await errorOf(removed)).code).toBe('purpose_not_allowed');
    expect(await countRows(t.db, 'consent_log')).toBe(0);
    const added = await command(t, 'request', s.tutor.token, {
      clientRequestId: randomUUID(),
      purpose: 'tutor_coaching',
    });
    expect(added.status).toBe(200);
    expect(((await added.json()) as ConsentCommandResponse).state.request).toMatchObject({
      purposeLabel: 'Coaching for your tutor',
      retentionDays: 365,
      viewers: 'Your tutor only',
      noticeVersion: 'policy-2',
    });
  });

  it('still shows a request from before the policy was data with the notice people saw then', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await t.consent.apply(s.sessionId, {
      type: 'request',
      requestId: 'req_legacy',
      purpose: 'quality_assurance',
      requestedBy: s.tutor.personId,
      noticeVersion: legacyRecordingNotice.version,
    });
    await saveVersion2(t, await signedInAs(t, 'admin'));
    expect((await stateOf(t, s)).state.request).toMatchObject({
      noticeVersion: '2026-11-v1',
      noticeText: legacyRecordingNotice.text,
      retentionDays: 90,
      viewers: v1Viewers,
    });
  });

  it('states nothing for a request whose version does not list its purpose, and refuses a yes to it', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    // A request from before the policy was data, for a purpose version 1 never listed.
    await t.consent.apply(s.sessionId, {
      type: 'request',
      requestId: 'req_legacy_unknown',
      purpose: 'tutor_coaching',
      requestedBy: s.tutor.personId,
      noticeVersion: legacyRecordingNotice.version,
    });
    // No prompt states guessed viewers or retention: there is nothing to agree to.
    expect((await stateOf(t, s)).state.request).toBeNull();
    expect((await publishedState(t, s)).request).toBeNull();
    const refused = await answer(t, 'consent', s.student, 'req_legacy_unknown');
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe('purpose_unknown');
    expect(error.message).toMatch(/does not list its purpose “tutor_coaching”/);
    expect(await countRows(t.db, 'consent_log')).toBe(0);
    // A no is always taken.
    expect((await answer(t, 'decline', s.student, 'req_legacy_unknown')).status).toBe(200);
  });

  it('refuses a request up front when a family asked for no recording, asking nobody and writing nothing', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const { student_id: sam, guardian_user_id: pat } = await t.db
      .selectFrom('people')
      .innerJoin('guardianships', 'guardianships.student_id', 'people.student_id')
      .select(['people.student_id', 'guardianships.guardian_user_id'])
      .where('people.id', '=', s.student.personId)
      .executeTakeFirstOrThrow();
    if (!sam) throw new Error('Sam is an enrolled student');
    const setPreference = (doNotRecord: boolean, at: Date) =>
      t.db
        .insertInto('recording_preference_changes')
        .values({
          id: randomUUID(),
          student_id: sam,
          do_not_record: doNotRecord ? 1 : 0,
          changed_by_user_id: pat,
          at: at.toISOString(),
        })
        .execute();
    const request = () =>
      command(t, 'request', s.tutor.token, { clientRequestId: randomUUID(), purpose: 'quality_assurance' });

    expect(await currentRecordingPreference(t.db, sam)).toEqual({
      doNotRecord: false,
      changedByUserId: null,
      at: null,
    });
    const earlier = new Date(t.clock.now.getTime() - 60_000);
    await setPreference(true, earlier);
    expect(await currentRecordingPreference(t.db, sam)).toMatchObject({ doNotRecord: true });
    const auditBefore = await countRows(t.db, 'audit_log');
    const refused = await request();
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toEqual({
      code: 'recording_refused_by_preference',
      message:
        "Sam Student's family has asked for Sam Student's sessions not to be recorded, so this session cannot be recorded.",
    });
    expect(await countRows(t.db, 'consent_log')).toBe(0);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
    expect((await t.consent.read(s.sessionId))?.state.request).toBeNull();
    // Nobody was asked: no prompt reached the room, nor anyone's own decision message.
    await t.consent.idle();
    expect(t.roomService.metadataLog.every(({ metadata }) => !metadata.includes('"requestId"'))).toBe(true);
    expect(t.roomService.privateMessages).toEqual([]);

    // The latest change is the preference: the family changed their mind.
    await setPreference(false, t.clock.now);
    expect((await request()).status).toBe(200);
    await t.consent.idle();
    expect(t.roomService.privateMessages).not.toEqual([]);
  });

  it("names an adult student's own wish", async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
    const cleo = await signedInAs(t, 'student', 'Cleo');
    const cleoId = await enrolStudent(t, 'Cleo', false, []);
    await enrolledBy(t, tutor, cleoId);
    await t.db.updateTable('students').set({ user_id: cleo.userId }).where('id', '=', cleoId).execute();
    await t.db
      .insertInto('recording_preference_changes')
      .values({
        id: randomUUID(),
        student_id: cleoId,
        do_not_record: 1,
        changed_by_user_id: cleo.userId,
        at: t.clock.now.toISOString(),
      })
      .execute();
    const res = await asAccount(t, tutor, 'POST', '/api/sessions', { title: 'Essay', studentIds: [cleoId] });
    expect(res.status).toBe(201);
    const { sessionId } = (await res.json()) as { sessionId: string };
    const [tutorSeat] = await seatsOf(t, sessionId);
    const refused = await command(t, 'request', tutorSeat?.token, {
      clientRequestId: randomUUID(),
      purpose: 'quality_assurance',
    });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toBe(
      'Cleo has asked for their sessions not to be recorded, so this session cannot be recorded.',
    );
  });
});
