import { type BoardElement, type BoardPacket, type BoardState, boardLimits } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { boardPacketBytes } from '../board/board-merge';
import { boardKeyLifetimeMs, boardLayoutKey } from '../board/layout-key';
import { mayPublish } from '../consent/publish-permission';
import {
  createRecordingSession,
  joinRoom,
  type RecordingSession,
  recordWithEveryone,
} from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const post = (t: TestApp, path: string, token: string | undefined, body: unknown) =>
  t.app.request(`/api/call/board/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const element = (id: string, version: number, versionNonce = 1, extra: object = {}): BoardElement => ({
  id,
  type: 'freedraw',
  version,
  versionNonce,
  isDeleted: false,
  ...extra,
});

async function boardOf(t: TestApp, token: string): Promise<BoardState> {
  const res = await t.app.request('/api/call/board', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as BoardState;
}

const boardPackets = (t: TestApp) =>
  t.roomService.roomMessages
    .filter((m) => m.topic === 'board')
    .map((m) => ({
      roomName: m.roomName,
      bytes: Buffer.byteLength(m.payload),
      ...(JSON.parse(m.payload) as BoardPacket),
    }));

const boardAudit = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome'])
    .where((eb) => eb.or([eb('action', 'like', 'board.%'), eb('action', 'like', 'call.%board%')]))
    .orderBy('seq')
    .execute();

const rowOf = (t: TestApp, s: RecordingSession) =>
  t.db.selectFrom('session_boards').selectAll().where('session_id', '=', s.sessionId).executeTakeFirst();

/** Everyone joins (so the room and the consent state exist) and the tutor opens the board. */
async function openBoard(t: TestApp): Promise<RecordingSession> {
  const s = await createRecordingSession(t);
  for (const person of s.everyone) await joinRoom(t, s, person.identity);
  const res = await post(t, 'open', s.tutor.token, { open: true });
  expect(res.status).toBe(200);
  return s;
}

describe.each(testDatabases)('board routes ($name)', { timeout: 30_000 }, (database) => {
  const ctx = useTestApp(database);

  it('a session’s board starts closed and empty; the tutor opens it, audited, told to the room and in its metadata', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    expect(await boardOf(t, s.student.token)).toEqual({
      open: false,
      locked: false,
      revision: 0,
      elements: [],
    });
    const res = await post(t, 'open', s.tutor.token, { open: true });
    expect(await res.json()).toEqual({ open: true, locked: false });
    expect(boardPackets(t)).toMatchObject([
      { roomName: s.roomName, type: 'status', open: true, locked: false },
    ]);
    await t.consent.idle();
    expect(JSON.parse(t.roomService.metadata.get(s.roomName) ?? '{}').board).toEqual({
      open: true,
      locked: false,
    });
    // Locking: the same, and opening again changes nothing (no packet, no audit).
    await post(t, 'lock', s.tutor.token, { locked: true });
    await post(t, 'open', s.tutor.token, { open: true });
    await t.consent.idle();
    expect(JSON.parse(t.roomService.metadata.get(s.roomName) ?? '{}').board).toEqual({
      open: true,
      locked: true,
    });
    expect(boardPackets(t).map((p) => p.type)).toEqual(['status', 'status']);
    await post(t, 'lock', s.tutor.token, { locked: false });
    await post(t, 'open', s.tutor.token, { open: false });
    expect(await boardAudit(t)).toEqual([
      { action: 'board.open', outcome: 'done' },
      { action: 'board.lock', outcome: 'done' },
      { action: 'board.unlock', outcome: 'done' },
      { action: 'board.close', outcome: 'done' },
    ]);
  });

  it('only the tutor opens and locks it; a refusal is audited and changes nothing', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const [path, body] of [
      ['open', { open: true }],
      ['lock', { locked: true }],
    ] as const) {
      const res = await post(t, path, s.student.token, body);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect(await rowOf(t, s)).toBeUndefined();
    expect(boardPackets(t)).toEqual([]);
    expect(await boardAudit(t)).toEqual([
      { action: 'call.open_board', outcome: 'denied' },
      { action: 'call.lock_board', outcome: 'denied' },
    ]);
    expect((await post(t, 'open', undefined, { open: true })).status).toBe(401);
  });

  it('merges by the editor’s rule, sends only what won with the sender’s identity, and a late joiner loads it', async () => {
    const t = ctx();
    const s = await openBoard(t);
    t.roomService.roomMessages.length = 0;
    const first = await post(t, 'elements', s.student.token, {
      elements: [element('a', 1), element('b', 1)],
    });
    expect(await first.json()).toEqual({ revision: 1 });
    // An older copy of a and a newer copy of b: only b wins.
    const second = await post(t, 'elements', s.tutor.token, {
      elements: [element('a', 0, 0), element('b', 2, 5, { x: 10 })],
    });
    expect(await second.json()).toEqual({ revision: 2 });
    // Nothing wins: no new revision, nothing sent.
    const third = await post(t, 'elements', s.guardian.token, { elements: [element('b', 2, 9)] });
    expect(await third.json()).toEqual({ revision: 2 });
    expect(boardPackets(t)).toMatchObject([
      {
        type: 'elements',
        revision: 1,
        from: s.student.identity,
        elements: [element('a', 1), element('b', 1)],
      },
      { type: 'elements', revision: 2, from: s.tutor.identity, elements: [element('b', 2, 5, { x: 10 })] },
    ]);
    expect(await boardOf(t, s.guardian.token)).toEqual({
      open: true,
      locked: false,
      revision: 2,
      elements: [element('a', 1), element('b', 2, 5, { x: 10 })],
    });
    // No audit entry per stroke.
    expect((await boardAudit(t)).map((a) => a.action)).toEqual(['board.open']);
  });

  it('splits a large update over packets within LiveKit’s limit, and asks for a reload for an element too large for one', async () => {
    const t = ctx();
    const s = await openBoard(t);
    t.roomService.roomMessages.length = 0;
    const points = (n: number) => Array.from({ length: n }, (_, j) => [j * 1.5, j * 2.25]);
    const many = Array.from({ length: 30 }, (_, i) => element(`e${i}`, 1, i, { points: points(60) }));
    expect((await post(t, 'elements', s.tutor.token, { elements: many })).status).toBe(200);
    const sent = boardPackets(t);
    expect(sent.length).toBeGreaterThan(1);
    for (const packet of sent) {
      expect(packet.bytes).toBeLessThanOrEqual(boardPacketBytes);
      expect(packet).toMatchObject({ type: 'elements', revision: 1 });
    }
    expect(sent.flatMap((p) => (p.type === 'elements' ? p.elements.map((e) => e.id) : []))).toEqual(
      many.map((e) => e.id),
    );
    t.roomService.roomMessages.length = 0;
    const huge = element('huge', 1, 1, { points: points(2000) });
    expect((await post(t, 'elements', s.tutor.token, { elements: [huge] })).status).toBe(200);
    expect(boardPackets(t)).toMatchObject([{ type: 'reload', revision: 2 }]);
    expect((await boardOf(t, s.student.token)).elements.at(-1)).toEqual(huge);
  });

  it('merges concurrent updates one after the other: none is lost', async () => {
    const t = ctx();
    const s = await openBoard(t);
    const people = [s.tutor, s.student, s.guardian];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        post(t, 'elements', people[i % 3]?.token, { elements: [element(`c${i}`, 1)] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const board = await boardOf(t, s.tutor.token);
    expect(board.revision).toBe(24);
    expect(board.elements.map((e) => e.id).sort()).toEqual(
      Array.from({ length: 24 }, (_, i) => `c${i}`).sort(),
    );
    // Each revision went out once.
    const revisions = boardPackets(t).flatMap((p) => (p.type === 'elements' ? [p.revision] : []));
    expect(revisions.sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('a LiveKit failure is logged, not thrown: the board keeps the update', async () => {
    const t = ctx();
    const s = await openBoard(t);
    t.roomService.down = true;
    const res = await post(t, 'elements', s.student.token, { elements: [element('a', 1)] });
    expect(res.status).toBe(200);
    t.roomService.down = false;
    expect((await boardOf(t, s.tutor.token)).revision).toBe(1);
  });

  describe('every refusal changes nothing', () => {
    async function expectUnchanged(t: TestApp, s: RecordingSession, before: unknown, packets: number) {
      expect(await rowOf(t, s)).toEqual(before);
      expect(boardPackets(t)).toHaveLength(packets);
    }

    it('a closed board: 409 board_closed', async () => {
      const t = ctx();
      const s = await createRecordingSession(t);
      let res = await post(t, 'elements', s.tutor.token, { elements: [element('a', 1)] });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe('board_closed');
      expect(await rowOf(t, s)).toBeUndefined();
      for (const person of s.everyone) await joinRoom(t, s, person.identity);
      await post(t, 'open', s.tutor.token, { open: true });
      await post(t, 'elements', s.tutor.token, { elements: [element('a', 1)] });
      await post(t, 'open', s.tutor.token, { open: false });
      const before = await rowOf(t, s);
      res = await post(t, 'elements', s.student.token, { elements: [element('a', 2)] });
      expect((await errorOf(res)).code).toBe('board_closed');
      await expectUnchanged(t, s, before, 3);
    });

    it('a locked board: 403 board_locked for everyone but the tutor', async () => {
      const t = ctx();
      const s = await openBoard(t);
      await post(t, 'lock', s.tutor.token, { locked: true });
      const before = await rowOf(t, s);
      for (const person of [s.student, s.guardian]) {
        const res = await post(t, 'elements', person.token, { elements: [element('a', 1)] });
        expect(res.status).toBe(403);
        expect((await errorOf(res)).code).toBe('board_locked');
      }
      await expectUnchanged(t, s, before, 2);
      expect((await post(t, 'elements', s.tutor.token, { elements: [element('a', 1)] })).status).toBe(200);
    });

    it('a body over the update limit: 413 too_large', async () => {
      const t = ctx();
      const s = await openBoard(t);
      const before = await rowOf(t, s);
      const big = { elements: [element('a', 1, 1, { text: 'x'.repeat(boardLimits.updateBytes) })] };
      const res = await post(t, 'elements', s.student.token, big);
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe('too_large');
      await expectUnchanged(t, s, before, 1);
      // Between the API's usual 64 KiB and the board's limit is fine.
      const medium = { elements: [element('a', 1, 1, { text: 'x'.repeat(100_000) })] };
      expect((await post(t, 'elements', s.student.token, medium)).status).toBe(200);
    });

    it('a board that would hold too many elements: 409 board_full', async () => {
      const t = ctx();
      const s = await openBoard(t);
      const batch = (from: number) =>
        Array.from({ length: boardLimits.elementsPerUpdate }, (_, i) => element(`e${from + i}`, 1));
      const perBoard = boardLimits.elementsPerBoard / boardLimits.elementsPerUpdate;
      for (let i = 0; i < perBoard; i += 1) {
        t.clock.now = new Date(t.clock.now.getTime() + 1000);
        expect((await post(t, 'elements', s.tutor.token, { elements: batch(i * 1000) })).status).toBe(200);
      }
      const before = await rowOf(t, s);
      const packets = boardPackets(t).length;
      const res = await post(t, 'elements', s.student.token, { elements: [element('one-more', 1)] });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe('board_full');
      await expectUnchanged(t, s, before, packets);
      // Changing what is there is still fine.
      expect((await post(t, 'elements', s.student.token, { elements: [element('e0', 2)] })).status).toBe(200);
    }, 60_000);

    it('someone the consent rules hold back from publishing: 403 publishing_held_back', async () => {
      const t = ctx();
      const s = await openBoard(t);
      await recordWithEveryone(t, s);
      // The student comes back as a new participant session while recording: their yes ended with it.
      await joinRoom(t, s, s.student.identity, false, 'PA_again');
      const state = (await t.consent.read(s.sessionId))?.state;
      expect(state && mayPublish(state, s.student.personId)).toBe(false);
      const before = await rowOf(t, s);
      const packets = boardPackets(t).length;
      const res = await post(t, 'elements', s.student.token, { elements: [element('a', 1)] });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('publishing_held_back');
      await expectUnchanged(t, s, before, packets);
      // Those who consented draw on.
      expect((await post(t, 'elements', s.guardian.token, { elements: [element('a', 1)] })).status).toBe(200);
    });

    it('more than 60 updates a second from one seat: 429 rate_limited', async () => {
      const t = ctx();
      const s = await openBoard(t);
      for (let i = 1; i <= 60; i += 1) {
        expect((await post(t, 'elements', s.student.token, { elements: [element('a', i)] })).status).toBe(
          200,
        );
      }
      const before = await rowOf(t, s);
      const res = await post(t, 'elements', s.student.token, { elements: [element('a', 61)] });
      expect(res.status).toBe(429);
      expect((await errorOf(res)).code).toBe('rate_limited');
      await expectUnchanged(t, s, before, 61);
      // Others are not held up, and the next second the student draws again.
      expect((await post(t, 'elements', s.tutor.token, { elements: [element('b', 1)] })).status).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + 1000);
      expect((await post(t, 'elements', s.student.token, { elements: [element('a', 61)] })).status).toBe(200);
    });

    it.each([
      ['no elements', { elements: [] }],
      [
        'an element without a version',
        { elements: [{ id: 'a', type: 'x', versionNonce: 1, isDeleted: false }] },
      ],
      ['not JSON', '{"elements":'],
    ])('%s: 400 validation_failed', async (_, body) => {
      const t = ctx();
      const s = await openBoard(t);
      const before = await rowOf(t, s);
      const res = await post(t, 'elements', s.student.token, body);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('validation_failed');
      await expectUnchanged(t, s, before, 1);
    });

    it('someone the tutor removed from the call: 403 removed_from_call', async () => {
      const t = ctx();
      const s = await openBoard(t);
      await t.db
        .updateTable('people')
        .set({ removed_at: t.clock.now.toISOString() })
        .where('id', '=', s.student.personId)
        .execute();
      const before = await rowOf(t, s);
      const res = await post(t, 'elements', s.student.token, { elements: [element('a', 1)] });
      expect((await errorOf(res)).code).toBe('removed_from_call');
      await expectUnchanged(t, s, before, 1);
    });
  });

  describe('the board’s picture', () => {
    const png = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, n]);
    const send = (t: TestApp, token: string, revision: number, body: Uint8Array, type = 'image/png') =>
      t.app.request(`/api/call/board/image?revision=${revision}`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body,
      });

    it('keeps a PNG of a revision no older than the kept one', async () => {
      const t = ctx();
      const s = await openBoard(t);
      await post(t, 'elements', s.tutor.token, { elements: [element('a', 1)] });
      await post(t, 'elements', s.tutor.token, { elements: [element('a', 2)] });
      expect(await (await send(t, s.student.token, 2, png(2))).json()).toEqual({ kept: true, revision: 2 });
      expect(await (await send(t, s.tutor.token, 1, png(1))).json()).toEqual({ kept: false, revision: 2 });
      const row = await rowOf(t, s);
      expect(row?.image_revision).toBe(2);
      expect([...new Uint8Array(row?.image ?? [])]).toEqual([...png(2)]);
      // Not a PNG, or a revision the board has not reached.
      expect((await send(t, s.tutor.token, 2, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]))).status).toBe(
        400,
      );
      expect((await send(t, s.tutor.token, 2, png(3), 'image/jpeg')).status).toBe(400);
      expect((await send(t, s.tutor.token, 3, png(3))).status).toBe(409);
      expect((await rowOf(t, s))?.image_revision).toBe(2);
    });

    it('refuses a picture over the limit (413), leaving the kept one', async () => {
      const t = ctx();
      const s = await openBoard(t);
      const big = new Uint8Array(boardLimits.imageBytes + 1);
      big.set(png(0));
      const res = await send(t, s.tutor.token, 0, big);
      expect(res.status).toBe(413);
      expect((await rowOf(t, s))?.image).toBeNull();
    });
  });

  describe('the recording layout’s key', () => {
    const read = (t: TestApp, key: string) =>
      t.app.request(`/api/recording-layout/board?key=${encodeURIComponent(key)}`);

    it('reads the board of its session only, read only, until it expires', async () => {
      const t = ctx();
      const s = await openBoard(t);
      const other = await createRecordingSession(t);
      await post(t, 'elements', s.student.token, { elements: [element('a', 1)] });
      const key = boardLayoutKey(t.config.inviteSecret, s.sessionId, t.clock.now);
      const res = await read(t, key);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        open: true,
        locked: false,
        revision: 1,
        elements: [element('a', 1)],
      });
      // Nothing else opens with it: not the call's routes, not writing.
      const asBearer = { authorization: `Bearer ${key}` };
      expect((await t.app.request('/api/call/board', { headers: asBearer })).status).toBe(401);
      expect((await post(t, 'elements', key, { elements: [element('a', 2)] })).status).toBe(401);
      expect((await t.app.request('/api/call/chat', { headers: asBearer })).status).toBe(401);
      // Another session's key reads that session's (empty) board, never this one's.
      const otherKey = boardLayoutKey(t.config.inviteSecret, other.sessionId, t.clock.now);
      expect(((await (await read(t, otherKey)).json()) as BoardState).elements).toEqual([]);
      // Past its expiry: 403.
      t.clock.now = new Date(t.clock.now.getTime() + boardKeyLifetimeMs + 1000);
      const expired = await read(t, key);
      expect(expired.status).toBe(403);
      expect((await errorOf(expired)).code).toBe('link_expired');
    });

    it('refuses a key it did not sign, or changed, with 401', async () => {
      const t = ctx();
      const s = await openBoard(t);
      const key = boardLayoutKey(t.config.inviteSecret, s.sessionId, t.clock.now);
      const [payload, mac] = key.split('.') as [string, string];
      const other = await createRecordingSession(t);
      const forged = `${Buffer.from(`${other.sessionId}.${Buffer.from(payload, 'base64url').toString().split('.')[1]}`).toString('base64url')}.${mac}`;
      for (const bad of [
        boardLayoutKey('another-secret-another-secret-another', s.sessionId, t.clock.now),
        forged,
        `${payload}.`,
        'nonsense',
        s.tutor.token,
      ]) {
        const res = await read(t, bad);
        expect(res.status, bad).toBe(401);
      }
      expect((await t.app.request('/api/recording-layout/board')).status).toBe(400);
    });
  });
});
