/** The board once the session ends: saved with the chat log, read by its readers, destroyed with it. */
import type { BoardElement, MySessionList, SavedBoard } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { destroyExpiredChat } from '../chat/chat-lifetime';
import { asAccount, signedInAs } from '../test-support/accounts';
import { buildSession, seatsOf } from '../test-support/organisation';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';
import { deliverWebhook } from '../test-support/webhook-delivery';

const day = 24 * 3600 * 1000;
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const element = (id: string, version: number, isDeleted = false): BoardElement => ({
  id,
  type: 'rectangle',
  version,
  versionNonce: 1,
  isDeleted,
});

const call = (t: TestApp, token: string, path: string, body?: unknown) =>
  t.app.request(`/api/call/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A session whose tutor opened the board and whose student drew on it; the tutor sent its picture. */
async function drawnSession(t: TestApp, elements: BoardElement[] = [element('a', 1), element('b', 1)]) {
  const built = await buildSession(t);
  const sessionId = built.created.sessionId;
  const seats = await seatsOf(t, sessionId);
  const tutorSeat = seats.find((s) => s.role === 'tutor');
  const studentSeat = seats.find((s) => s.role === 'student');
  if (!tutorSeat || !studentSeat) throw new Error('sample session has a tutor and a student');
  expect((await call(t, tutorSeat.token, 'board/open', { open: true })).status).toBe(200);
  expect((await call(t, studentSeat.token, 'board/elements', { elements })).status).toBe(200);
  const image = await t.app.request('/api/call/board/image?revision=1', {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${tutorSeat.token}` },
    body: png,
  });
  expect(image.status).toBe(200);
  const room = await t.db
    .selectFrom('sessions')
    .select('room_name')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return { ...built, sessionId, roomName: room.room_name, tutorSeat, studentSeat };
}

const savedRow = (t: TestApp, sessionId: string) =>
  t.db
    .selectFrom('session_boards')
    .select(['saved_at', 'open'])
    .where('session_id', '=', sessionId)
    .executeTakeFirst();

describe.each(testDatabases)('the saved board ($name)', { timeout: 30_000 }, (database) => {
  const ctx = useTestApp(database);

  it('is saved when the tutor ends the session for everyone, closed to further drawing, once', async () => {
    const t = ctx();
    const s = await drawnSession(t);
    expect((await call(t, s.tutorSeat.token, 'end')).status).toBe(200);
    expect(await savedRow(t, s.sessionId)).toEqual({ saved_at: t.clock.now.toISOString(), open: 0 });
    const drawn = await call(t, s.studentSeat.token, 'board/elements', { elements: [element('c', 1)] });
    expect(drawn.status).toBe(409);
    // LiveKit's room_finished follows the end: nothing more happens.
    t.clock.now = new Date(t.clock.now.getTime() + 5000);
    await deliverWebhook(t, { event: 'room_finished', roomName: s.roomName });
    const saves = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'board.save')
      .execute();
    expect(saves.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      { sessionId: s.sessionId, revision: 1, elements: 2 },
    ]);
  });

  it('is saved when LiveKit reports the room finished (everyone left)', async () => {
    const t = ctx();
    const s = await drawnSession(t);
    await deliverWebhook(t, { event: 'room_finished', roomName: s.roomName });
    expect((await savedRow(t, s.sessionId))?.saved_at).toBe(t.clock.now.toISOString());
  });

  it('is not kept when nothing is left on it, or was never opened', async () => {
    const t = ctx();
    const s = await drawnSession(t, [element('a', 1, true)]);
    await deliverWebhook(t, { event: 'room_finished', roomName: s.roomName });
    expect(await countRows(t.db, 'session_boards')).toBe(0);
    expect((await asAccount(t, s.tutor, 'GET', `/api/sessions/${s.sessionId}/board`)).status).toBe(404);
  });

  it('is read afterwards by the chat log’s readers, every reading audited; others are refused', async () => {
    const t = ctx();
    const s = await drawnSession(t, [element('a', 1), element('gone', 2, true)]);
    // Before the session ends there is no saved board to read.
    expect((await asAccount(t, s.tutor, 'GET', `/api/sessions/${s.sessionId}/board`)).status).toBe(404);
    const listed = async (account: Parameters<typeof asAccount>[1]) => {
      const res = await asAccount(t, account, 'GET', '/api/me/sessions');
      const entry = ((await res.json()) as MySessionList).sessions.find((x) => x.sessionId === s.sessionId);
      return [entry?.mayReadChatLog, entry?.hasSavedBoard];
    };
    expect(await listed(s.tutor)).toEqual([true, false]);
    await call(t, s.tutorSeat.token, 'end');
    // The tutor's sessions list now offers it; a guardian's says nothing of it under the default policy.
    expect(await listed(s.tutor)).toEqual([true, true]);
    expect(await listed(Object.values(s.guardians)[0] ?? null)).toEqual([false, false]);
    const reviewer = await signedInAs(t, 'reviewer');
    for (const reader of [s.tutor, reviewer]) {
      const res = await asAccount(t, reader, 'GET', `/api/sessions/${s.sessionId}/board`);
      expect(res.status).toBe(200);
      const saved = (await res.json()) as SavedBoard;
      expect(saved).toEqual({
        sessionId: s.sessionId,
        revision: 1,
        savedAt: t.clock.now.toISOString(),
        elements: [element('a', 1)],
        hasImage: true,
      });
    }
    const picture = await asAccount(t, s.tutor, 'GET', `/api/sessions/${s.sessionId}/board.png`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(picture.headers.get('content-disposition')).toMatch(/^attachment; filename="whiteboard-/);
    expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
    expect([...new Uint8Array(await picture.arrayBuffer())]).toEqual([...png]);
    // A guardian of the session is not a reader under the default policy, nor is an admin.
    const guardian = Object.values(s.guardians)[0];
    const admin = await signedInAs(t, 'admin');
    for (const refused of [guardian ?? null, admin]) {
      for (const path of ['board', 'board.png']) {
        expect((await asAccount(t, refused, 'GET', `/api/sessions/${s.sessionId}/${path}`)).status).toBe(403);
      }
    }
    expect((await asAccount(t, null, 'GET', `/api/sessions/${s.sessionId}/board`)).status).toBe(401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'detail'])
      .where('action', 'in', ['board.read', 'session.read_chat'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['board.read', 'done'],
      ['board.read', 'done'],
      ['board.read', 'done'],
      ['session.read_chat', 'denied'],
      ['session.read_chat', 'denied'],
      ['session.read_chat', 'denied'],
      ['session.read_chat', 'denied'],
    ]);
    expect(JSON.parse(audit[2]?.detail ?? '{}')).toEqual({ sessionId: s.sessionId, format: 'png' });
  });

  it('is destroyed by the chat sweeper past the chat log’s retention, with a deletion record', async () => {
    const t = ctx();
    const s = await drawnSession(t);
    await call(t, s.tutorSeat.token, 'end');
    const savedAt = t.clock.now.getTime();
    const sweep = (at: number) =>
      destroyExpiredChat({ db: t.db, policies: t.consent.policies }, new Date(at));
    expect(await sweep(savedAt + 90 * day - 60_000)).toEqual({ destroyed: 0, held: 0 });
    expect(await countRows(t.db, 'session_boards')).toBe(1);
    const at = savedAt + 90 * day;
    expect(await sweep(at)).toEqual({ destroyed: 1, held: 0 });
    expect(await countRows(t.db, 'session_boards')).toBe(0);
    const record = await t.db.selectFrom('deletion_records').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      session_id: s.sessionId,
      purpose: 'chat_log',
      reason: 'retention',
      recorded_at: new Date(savedAt).toISOString(),
      destroyed_at: new Date(at).toISOString(),
      decided_by_user_id: null,
    });
    expect(record.recording_id).toMatch(/^board:/);
    expect(record.detail).toContain('saved whiteboard destroyed');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_role', 'detail'])
      .where('action', '=', 'board.destroyed')
      .execute();
    expect(audit).toEqual([
      { actor_role: 'system', detail: JSON.stringify({ sessionId: s.sessionId, reason: 'retention' }) },
    ]);
    expect(await sweep(at + day)).toEqual({ destroyed: 0, held: 0 });
  });

  it('is kept past retention while an open report holds the session', async () => {
    const t = ctx();
    const s = await drawnSession(t);
    const guardianSeat = (await seatsOf(t, s.sessionId)).find((seat) => seat.role === 'guardian');
    const report = await call(t, guardianSeat?.token ?? '', 'concern', {
      category: 'conduct',
      description: 'Please look at this session.',
    });
    expect(report.status).toBe(201);
    await call(t, s.tutorSeat.token, 'end');
    const later = new Date(t.clock.now.getTime() + 400 * day);
    expect(await destroyExpiredChat({ db: t.db, policies: t.consent.policies }, later)).toEqual({
      destroyed: 0,
      held: 1,
    });
    expect(await countRows(t.db, 'session_boards')).toBe(1);
    expect(await countRows(t.db, 'deletion_records')).toBe(0);
  });
});
