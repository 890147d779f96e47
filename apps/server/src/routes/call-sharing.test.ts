import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createRecordingSession, joinRoom } from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const letShare = (t: TestApp, token: string | undefined, body: unknown) =>
  t.app.request('/api/call/share-permission', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const auditOf = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_role', 'target_id', 'outcome', 'detail'])
    .where('action', '=', 'call.let_share')
    .orderBy('seq')
    .execute();

describe.each(testDatabases)('letting someone share their screen ($name)', (database) => {
  const ctx = useTestApp(database);

  it('the tutor lets a student share and stops them, in LiveKit, each audited', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const student = () => t.roomService.rooms.get(s.roomName)?.find((p) => p.identity === s.student.identity);

    const res = await letShare(t, s.tutor.token, { personId: s.student.personId, mayShare: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ personId: s.student.personId, mayShare: true });
    expect(student()?.mayShare).toBe(true);

    expect((await letShare(t, s.tutor.token, { personId: s.student.personId, mayShare: false })).status).toBe(
      200,
    );
    expect(student()?.mayShare).toBe(false);

    const entries = await auditOf(t);
    expect(entries.map((e) => [e.outcome, e.target_id, JSON.parse(String(e.detail)).mayShare])).toEqual([
      ['done', s.student.personId, true],
      ['done', s.student.personId, false],
    ]);
  });

  it('keeps the grant across a reload: the next LiveKit token carries it until the tutor stops it', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const sourcesOnJoining = async (inviteToken: string) => {
      const res = await t.app.request('/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inviteToken }),
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      return (decodeJwt(token).video as { canPublishSources?: string[] }).canPublishSources;
    };
    const mediaOnly = ['camera', 'microphone'];
    const withSharing = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];
    expect(await sourcesOnJoining(s.student.token)).toEqual(mediaOnly);

    await letShare(t, s.tutor.token, { personId: s.student.personId, mayShare: true });
    expect(await sourcesOnJoining(s.student.token)).toEqual(withSharing);
    // Only the seat the tutor let: the guardian's next token does not share.
    expect(await sourcesOnJoining(s.guardian.token)).toEqual(mediaOnly);

    await letShare(t, s.tutor.token, { personId: s.student.personId, mayShare: false });
    expect(await sourcesOnJoining(s.student.token)).toEqual(mediaOnly);
  });

  it('refuses anyone but the tutor (403, audited), changing nothing in LiveKit', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    for (const who of [s.student, s.guardian]) {
      const res = await letShare(t, who.token, { personId: s.student.personId, mayShare: true });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect(t.roomService.rooms.get(s.roomName)?.some((p) => p.mayShare)).toBe(false);
    expect((await auditOf(t)).map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });

  it('answers 409 for someone not in the call, 404 for a stranger, 400 for a bad body, 401 without a token', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await joinRoom(t, s, s.tutor.identity);
    const absent = await letShare(t, s.tutor.token, { personId: s.student.personId, mayShare: true });
    expect(absent.status).toBe(409);
    expect((await errorOf(absent)).code).toBe('not_in_call');
    const stranger = await letShare(t, s.tutor.token, { personId: 'per_nobody', mayShare: true });
    expect(stranger.status).toBe(404);
    expect((await letShare(t, s.tutor.token, { personId: s.student.personId })).status).toBe(400);
    expect((await letShare(t, undefined, { personId: s.student.personId, mayShare: true })).status).toBe(401);
    expect(await auditOf(t)).toEqual([]);
  });
});
