/**
 * Access that ends: an admin disables an account (sign-in refused, every sign-in ended, LiveKit
 * participants removed, join links refused), enables it again, signs someone out everywhere, moves a
 * staff account between staff roles and withdraws a pending invitation; each with a reason, audited.
 */
import type { InvitationCreated } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, signIn, type TestAccount } from '../test-support/accounts';
import { ensureTestPolicy, seatsOf } from '../test-support/organisation';
import { recordedSession } from '../test-support/recordings';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { deliverWebhook } from '../test-support/webhook-delivery';

const me = async (t: TestApp, account: TestAccount) =>
  ((await (await asAccount(t, account, 'GET', '/api/me')).json()) as { user: { role: string } | null }).user;

const signInStatus = async (t: TestApp, account: TestAccount) =>
  (
    await t.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.config.publicUrl },
      body: JSON.stringify({ email: account.email, password: account.password }),
    })
  ).status;

const auditOf = (t: TestApp, action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'target_id', 'outcome', 'detail'])
    .where('action', '=', action)
    .execute();

describe.each(testDatabases)('account lifecycle on People ($name)', (database) => {
  const ctx = useTestApp(database);

  it('disables a tutor: signed out everywhere, sign-in refused, taken out of the live call, join link and recordings refused', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const admin = await signedInAs(t, 'admin');
    const seats = await seatsOf(t, rec.sessionId);
    const tutorSeat = seats.find((s) => s.role === 'tutor');
    const other = seats.find((s) => s.role !== 'tutor');
    if (!tutorSeat || !other) throw new Error('seats missing');
    const room = await t.db
      .selectFrom('sessions')
      .select('room_name')
      .where('id', '=', rec.sessionId)
      .executeTakeFirstOrThrow();
    const participant = (identity: string) => ({ identity, name: identity, kind: 'STANDARD', hidden: false });
    t.roomService.rooms.set(room.room_name, [participant(tutorSeat.identity), participant(other.identity)]);
    // A second device.
    const laptop = { ...rec.tutor, cookie: await signIn(t, rec.tutor.email, rec.tutor.password) };
    expect((await asAccount(t, rec.tutor, 'GET', `/api/recordings/${rec.recordingId}`)).status).toBe(200);

    const res = await asAccount(t, admin, 'POST', `/api/admin/people/${rec.tutor.userId}/disable`, {
      reason: 'Left the organisation',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      userId: rec.tutor.userId,
      sessionsEnded: 2,
      removedFromCalls: 1,
      callRemovalFailures: 0,
    });
    expect(t.roomService.rooms.get(room.room_name)?.map((p) => p.identity)).toEqual([other.identity]);

    for (const device of [rec.tutor, laptop]) {
      expect(await me(t, device)).toBeNull();
      expect((await asAccount(t, device, 'GET', `/api/recordings/${rec.recordingId}`)).status).toBe(401);
    }
    expect(await signInStatus(t, rec.tutor)).toBe(403);
    const join = await t.app.request('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inviteToken: tutorSeat.token }),
    });
    expect(join.status).toBe(403);
    expect((await errorOf(join)).code).toBe('account_disabled');
    // The others in the session still join.
    const stillIn = await t.app.request('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inviteToken: other.token }),
    });
    expect(stillIn.status).toBe(200);

    const [entry] = await auditOf(t, 'account.disable');
    expect(entry).toMatchObject({
      actor_user_id: admin.userId,
      target_id: rec.tutor.userId,
      outcome: 'done',
    });
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({
      reason: 'Left the organisation',
      role: 'tutor',
    });
    expect((await auditOf(t, 'auth.sign_in')).filter((e) => e.outcome === 'denied')).toHaveLength(1);

    // Enabled again, they sign in; the recording is theirs to watch again.
    const enabled = await asAccount(t, admin, 'POST', `/api/admin/people/${rec.tutor.userId}/enable`, {
      reason: 'Came back',
    });
    expect(enabled.status).toBe(200);
    const back = { ...rec.tutor, cookie: await signIn(t, rec.tutor.email, rec.tutor.password) };
    expect((await asAccount(t, back, 'GET', `/api/recordings/${rec.recordingId}`)).status).toBe(200);
  });

  it('takes a disabled account out again when it reconnects with a LiveKit token minted before the disabling', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const admin = await signedInAs(t, 'admin');
    const tutorSeat = (await seatsOf(t, rec.sessionId)).find((s) => s.role === 'tutor');
    if (!tutorSeat) throw new Error('no tutor seat');
    const { room_name: room } = await t.db
      .selectFrom('sessions')
      .select('room_name')
      .where('id', '=', rec.sessionId)
      .executeTakeFirstOrThrow();
    const disabled = await asAccount(t, admin, 'POST', `/api/admin/people/${rec.tutor.userId}/disable`, {
      reason: 'Left the organisation',
    });
    expect(disabled.status).toBe(200);

    // LiveKit checks a token's expiry only when connecting, so an old one still gets in: LiveKit says so.
    const seat = { identity: tutorSeat.identity, name: 'Dana', kind: 'STANDARD', hidden: false };
    t.roomService.rooms.set(room, [seat]);
    await deliverWebhook(t, { event: 'participant_joined', roomName: room, identity: tutorSeat.identity });
    expect(t.roomService.rooms.get(room)).toEqual([]);
  });

  it('treats a sign-in that outlived the disabling as signed out (the account state is part of every decision)', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    // As if a sign-in slipped in between the disabling and the ending of sessions.
    await t.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now.toISOString() })
      .where('id', '=', rec.tutor.userId)
      .execute();
    expect(await me(t, rec.tutor)).toBeNull();
    expect(
      (await asAccount(t, rec.tutor, 'POST', `/api/recordings/${rec.recordingId}/playback`, {})).status,
    ).toBe(401);
  });

  it('moves a tutor to reviewer: their own sessions’ recordings are no longer theirs to watch at once', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const admin = await signedInAs(t, 'admin');
    // Tutors (their own sessions) and admins watch; reviewers do not.
    const current = await t.consent.policies.current();
    await savePolicy(
      t.db,
      { userId: admin.userId, role: 'admin' },
      {
        ...current.policy,
        purposes: current.policy.purposes.map((p) => ({ ...p, viewerRoles: ['tutor', 'admin'] })),
        basedOnVersion: current.version,
      },
      t.clock.now,
    );
    const play = () => asAccount(t, rec.tutor, 'POST', `/api/recordings/${rec.recordingId}/playback`, {});
    expect((await play()).status).toBe(200);
    const res = await asAccount(t, admin, 'PUT', `/api/admin/people/${rec.tutor.userId}/role`, {
      role: 'reviewer',
      reason: 'Now on the safeguarding team',
    });
    expect(res.status).toBe(200);
    expect((await me(t, rec.tutor))?.role).toBe('reviewer');
    expect((await play()).status).toBe(404);
    const [entry] = await auditOf(t, 'account.role_change');
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      reason: 'Now on the safeguarding team',
      from: 'tutor',
      to: 'reviewer',
    });
    // Families keep their roles; the last administrator stays one.
    const refusedFamily = await asAccount(t, admin, 'PUT', `/api/admin/people/${rec.guardian.userId}/role`, {
      role: 'tutor',
      reason: 'x',
    });
    expect(refusedFamily.status).toBe(409);
    const lastAdmin = await asAccount(t, admin, 'PUT', `/api/admin/people/${admin.userId}/role`, {
      role: 'tutor',
      reason: 'x',
    });
    expect(lastAdmin.status).toBe(409);
  });

  it('needs a reason, refuses disabling oneself and the last administrator, and writes nothing when it refuses', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    const tutor = await signedInAs(t, 'tutor');
    const noReason = await asAccount(t, admin, 'POST', `/api/admin/people/${tutor.userId}/disable`, {
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).code).toBe('validation_failed');
    const self = await asAccount(t, admin, 'POST', `/api/admin/people/${admin.userId}/disable`, {
      reason: 'x',
    });
    expect(self.status).toBe(409);
    const byTutor = await asAccount(t, tutor, 'POST', `/api/admin/people/${admin.userId}/disable`, {
      reason: 'x',
    });
    expect(byTutor.status).toBe(403);
    const disabled = await t.db
      .selectFrom('users')
      .select('id')
      .where('disabled_at', 'is not', null)
      .execute();
    expect(disabled).toEqual([]);
    expect(await me(t, tutor)).not.toBeNull();
    expect(await auditOf(t, 'account.disable')).toEqual([]);
  });

  it('signs someone out everywhere; they may sign in again', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    const guardian = await signedInAs(t, 'guardian');
    const res = await asAccount(t, admin, 'POST', `/api/admin/people/${guardian.userId}/sign-out`, {
      reason: 'Lost their phone',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { sessionsEnded: number }).sessionsEnded).toBe(1);
    expect(await me(t, guardian)).toBeNull();
    expect(await signInStatus(t, guardian)).toBe(200);
    const [entry] = await auditOf(t, 'account.sign_out_everywhere');
    expect(entry).toMatchObject({ actor_user_id: admin.userId, target_id: guardian.userId });
  });

  it('withdraws a pending invitation: its link stops working and it leaves the pending list', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    const created = (await (
      await asAccount(t, admin, 'POST', '/api/admin/invitations', {
        email: 'wrong@example.org',
        role: 'tutor',
      })
    ).json()) as InvitationCreated;
    const token = created.link?.split('/').pop() ?? '';
    const res = await asAccount(t, admin, 'POST', `/api/admin/invitations/${created.invitationId}/revoke`, {
      reason: 'Sent to the wrong address',
    });
    expect(res.status).toBe(200);
    const preview = await t.app.request(`/api/invitations/${token}`);
    expect(preview.status).toBe(410);
    const accept = await t.app.request(`/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.config.publicUrl },
      body: JSON.stringify({ name: 'Mallory', password: 'a long enough password' }),
    });
    expect(accept.status).toBe(410);
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', 'wrong@example.org').execute(),
    ).toEqual([]);
    const people = (await (await asAccount(t, admin, 'GET', '/api/admin/people')).json()) as {
      pendingInvitations: unknown[];
    };
    expect(people.pendingInvitations).toEqual([]);
    const again = await asAccount(t, admin, 'POST', `/api/admin/invitations/${created.invitationId}/revoke`, {
      reason: 'again',
    });
    expect(again.status).toBe(409);
    const [entry] = await auditOf(t, 'invitation.revoke');
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({
      reason: 'Sent to the wrong address',
      role: 'tutor',
    });
  });
});
