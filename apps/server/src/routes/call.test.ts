import type { ConsentLogResponse, ObserveResponse, RemovedSeatList } from '@assent/shared';
import { RoomControlTopic } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import {
  createRecordingSession,
  get,
  joinRoom,
  type RecordingSession,
  recordWithEveryone,
} from '../test-support/recording-session';
import { errorOf, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

function callCommand(t: TestApp, path: string, token: string, body?: unknown) {
  return t.app.request(`/api/call/${path}`, {
    method: body === undefined && path === 'removed' ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'user-agent': 'test/1',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function audited(t: TestApp, s: RecordingSession, action: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['outcome', 'detail'])
    .where('target_id', '=', s.sessionId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ outcome: r.outcome, detail: JSON.parse(r.detail) }));
}

describe.each(testDatabases)('the tutor runs the call ($name)', (database) => {
  const ctx = useTestApp(database);

  it('mutes someone’s microphone through LiveKit and tells them; nobody else may', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const res = await callCommand(t, 'mute', s.tutor.token, {
      personId: s.student.personId,
      media: 'microphone',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(t.roomService.mutedTracks).toEqual([`${s.roomName}/${s.student.identity}/MICROPHONE`]);
    expect(t.roomService.privateMessages.filter((m) => m.topic === RoomControlTopic)).toEqual([
      {
        roomName: s.roomName,
        identity: s.student.identity,
        topic: RoomControlTopic,
        payload: JSON.stringify({ kind: 'muted', media: 'microphone' }),
      },
    ]);
    expect(await audited(t, s, 'call.mute_participant')).toEqual([
      { outcome: 'done', detail: { personId: s.student.personId, media: 'microphone', mutedTracks: 1 } },
    ]);

    for (const person of [s.student, s.guardian]) {
      const refused = await callCommand(t, 'mute', person.token, {
        personId: s.tutor.personId,
        media: 'camera',
      });
      expect(refused.status).toBe(403);
    }
    expect((await audited(t, s, 'call.mute_participant')).map((e) => e.outcome)).toEqual([
      'done',
      'denied',
      'denied',
    ]);
    expect(t.roomService.mutedTracks).toHaveLength(1);
    const bad = await callCommand(t, 'mute', s.tutor.token, {
      personId: s.student.personId,
      media: 'speaker',
    });
    expect(bad.status).toBe(400);
  }, 20_000);

  it('removes someone, who cannot rejoin until the tutor lets them back in', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const removed = await callCommand(t, 'remove', s.tutor.token, { personId: s.guardian.personId });
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect((t.roomService.rooms.get(s.roomName) ?? []).map((p) => p.identity)).not.toContain(
      s.guardian.identity,
    );

    const rejoin = await postJson(t.app, '/api/join', { inviteToken: s.guardian.token });
    expect(rejoin.status).toBe(403);
    expect((await errorOf(rejoin)).code).toBe('removed_from_call');
    const list = (await (await callCommand(t, 'removed', s.tutor.token)).json()) as RemovedSeatList;
    expect(list.people.map((p) => p.personId)).toEqual([s.guardian.personId]);
    expect((await callCommand(t, 'removed', s.student.token)).status).toBe(403);

    // Only the tutor lets them back; the tutor's own seat cannot be removed.
    expect((await callCommand(t, 'readmit', s.student.token, { personId: s.guardian.personId })).status).toBe(
      403,
    );
    expect((await callCommand(t, 'remove', s.tutor.token, { personId: s.tutor.personId })).status).toBe(409);
    const back = await callCommand(t, 'readmit', s.tutor.token, { personId: s.guardian.personId });
    expect(back.status).toBe(200);
    expect((await postJson(t.app, '/api/join', { inviteToken: s.guardian.token })).status).toBe(200);
    expect((await audited(t, s, 'call.remove_participant')).map((e) => e.outcome)).toEqual(['done']);
    // The student's look at the removed list and their attempt to let the guardian back in were refused.
    expect((await audited(t, s, 'call.readmit_participant')).map((e) => e.outcome)).toEqual([
      'denied',
      'denied',
      'done',
    ]);
  }, 20_000);

  it('ends the session for everyone: the recording stops before the room is closed', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await recordWithEveryone(t, s);
    expect(t.egress.running()).toHaveLength(1);
    let runningWhenClosed = -1;
    const close = t.roomService.deleteRoom;
    t.roomService.deleteRoom = async (roomName) => {
      runningWhenClosed = t.egress.running().length;
      return close(roomName);
    };
    expect((await callCommand(t, 'end', s.student.token)).status).toBe(403);
    const ended = await callCommand(t, 'end', s.tutor.token);
    expect(ended.status, await ended.clone().text()).toBe(200);
    expect(await ended.json()).toEqual({ recordingStopped: true });
    expect(runningWhenClosed).toBe(0);
    expect(t.roomService.deletedRooms).toEqual([s.roomName]);
    // The consent record says the request was cancelled, by whom.
    const log = (await (await get(t, 'log', s.tutor.token)).json()) as ConsentLogResponse;
    expect(log.entries.map((e) => e.kind)).toContain('cancel');
    expect(await audited(t, s, 'call.end_session')).toEqual([
      { outcome: 'denied', detail: expect.objectContaining({ personId: s.student.personId }) },
      { outcome: 'done', detail: { recordingStopped: true } },
    ]);
  }, 20_000);

  it('lets an admin present as an observer run the room, not a reviewer', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const seatFor = async (role: 'admin' | 'reviewer') => {
      const staff = await signedInAs(t, role);
      const res = await asAccount(t, staff, 'POST', `/api/sessions/${s.sessionId}/observe`);
      const { joinUrl } = (await res.json()) as ObserveResponse;
      return joinUrl.split('/join/')[1] ?? '';
    };
    const body = { personId: s.student.personId, media: 'camera' };
    expect((await callCommand(t, 'mute', await seatFor('reviewer'), body)).status).toBe(403);
    expect((await callCommand(t, 'mute', await seatFor('admin'), body)).status).toBe(200);
  }, 20_000);

  it('raises and lowers a hand through the server, as an attribute everyone reads', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const raised = await callCommand(t, 'hand', s.student.token, { raised: true });
    expect(raised.status, await raised.clone().text()).toBe(200);
    const { raisedAt } = (await raised.json()) as { raisedAt: string };
    expect(t.roomService.attributes.get(`${s.roomName}/${s.student.identity}`)).toEqual({
      'assent.hand': raisedAt,
    });
    expect((await callCommand(t, 'hand', s.student.token, { raised: false })).status).toBe(200);
    expect(t.roomService.attributes.get(`${s.roomName}/${s.student.identity}`)).toEqual({
      'assent.hand': '',
    });
  }, 20_000);
});
