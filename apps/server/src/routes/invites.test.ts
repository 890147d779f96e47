import {
  type CreateSessionResponse,
  type InvitePreview,
  type JoinResponse,
  ParticipantAttribute,
} from '@assent/shared';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signInvite } from '../invites/invite-token';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs } from '../test-support/accounts';
import { enrolledBy, enrolStudent, ensureTestPolicy, seatsOf } from '../test-support/organisation';
import { createSessionFrom } from '../test-support/recording-session';
import { createSampleSession, errorOf, inviteTokenOf, postJson, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const secretKey = (secret: string) => new TextEncoder().encode(secret);

/** Flips one character of the signature, keeping the token well-formed. */
function tamper(token: string): string {
  const last = token.at(-2) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -2)}${last}${token.at(-1)}`;
}

describe.each(testDatabases)('invites and join ($name)', (database) => {
  const ctx = useTestApp(database);

  async function studentInvite() {
    const session = await createSampleSession(ctx());
    const invite = session.invites[1];
    if (!invite) throw new Error('no student invite');
    return { session, invite, token: inviteTokenOf(invite.url) };
  }

  const preview = (token: string) => ctx().app.request(`/api/invites/${token}`);
  const join = (token: string) => postJson(ctx().app, '/api/join', { inviteToken: token });

  async function expectError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/at .*\.ts:\d+/);
  }

  it('previews an invite with the recording notice', async () => {
    const { session, invite, token } = await studentInvite();
    const res = await preview(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sessionId: session.sessionId,
      sessionTitle: session.title,
      personId: invite.personId,
      name: 'Sam Student',
      role: 'student',
      minor: true,
      consentsFor: [],
      needsGuardian: true,
      expiresAt: invite.expiresAt,
      recording: { active: false },
      notice: { version: 'policy-1', text: expect.stringContaining('only if everyone') },
      // The chat is kept whether or not the session is recorded: the notice says for how long.
      chatKeptDays: 90,
      // Talk time is measured (a new organisation's default): the notice says how, and that nothing said is kept.
      talkTimeNotice:
        'How long each person speaks is measured from sound levels; what is said is not recorded by this.',
    });
  });

  it("refuses a minor's seat until a guardian has registered and agreed (VTO), and says why", async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
    const guardian = await signedInAs(t, 'guardian', 'Gail');
    const kim = await enrolStudent(t, 'Kim', true, [guardian]);
    await enrolledBy(t, tutor, kim);
    const res = await asAccount(t, tutor, 'POST', '/api/sessions', {
      title: 'Fail closed',
      studentIds: [kim],
      guests: [{ name: 'Ola Adult' }],
    });
    expect(res.status).toBe(201);
    const seats = await seatsOf(t, ((await res.json()) as CreateSessionResponse).sessionId);
    expect(seats.map((s) => [s.name, s.role])).toEqual([
      ['Dana Tutor', 'tutor'],
      ['Kim', 'student'],
      ['Gail', 'guardian'],
      ['Ola Adult', 'student'],
    ]);
    const kimSeat = seats[1]?.token ?? '';
    for (const res of [await preview(kimSeat), await join(kimSeat)]) {
      expect(res.status).toBe(403);
      const error = await errorOf(res);
      expect(error.code).toBe('guardian_agreement_missing');
      expect(error.message).toContain('Kim can join once a parent or guardian has registered');
    }
    // The guardian and an adult guest are not held back by it.
    expect((await join(seats[2]?.token ?? '')).status).toBe(200);
    expect((await join(seats[3]?.token ?? '')).status).toBe(200);

    await ensureTestPolicy(t);
    const version = await latestPolicyVersion(t.db);
    const agreed = await asAccount(t, guardian, 'POST', '/api/me/agreement', {
      policyVersion: version,
      adultConfirmed: true,
    });
    expect(agreed.status).toBe(201);
    expect((await preview(kimSeat)).status).toBe(200);
    expect((await join(kimSeat)).status).toBe(200);
  });

  it('tells each person whose consent theirs counts with (rule 3)', async () => {
    const t = ctx();
    const { named } = await createSessionFrom(t, {
      title: 'Study group',
      participants: [
        { name: 'Ana', role: 'student', minor: true },
        { name: 'Ben', role: 'student', minor: true },
        { name: 'Cleo', role: 'student', minor: false },
        { name: 'Gail', role: 'guardian', guardianOf: ['Ben', 'Ana'] },
        { name: 'Pat', role: 'guardian' },
      ],
    });
    const seen: Record<string, Pick<InvitePreview, 'consentsFor' | 'needsGuardian'>> = {};
    for (const [name, person] of Object.entries(named)) {
      const body = (await (await preview(person.token)).json()) as InvitePreview;
      expect(body.name).toBe(name);
      seen[body.name] = { consentsFor: body.consentsFor, needsGuardian: body.needsGuardian };
    }
    expect(seen).toEqual({
      'Dana Tutor': { consentsFor: [], needsGuardian: false },
      Ana: { consentsFor: [], needsGuardian: true },
      Ben: { consentsFor: [], needsGuardian: true },
      Cleo: { consentsFor: [], needsGuardian: false },
      // In the order the students were picked.
      Gail: { consentsFor: ['Ana', 'Ben'], needsGuardian: false },
      Pat: { consentsFor: ['Ana', 'Ben', 'Cleo'], needsGuardian: false },
    });

    const joined = (await (await join(named.Gail?.token ?? '')).json()) as JoinResponse;
    expect(joined.preview).toMatchObject({ consentsFor: ['Ana', 'Ben'], needsGuardian: false });
  });

  it('rejects a tampered, garbled, wrong-secret or wrong-audience invite as invite_invalid', async () => {
    const { token } = await studentInvite();
    const { config } = ctx();
    const claims = decodeJwt(token);
    const wrongSecret = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secretKey('some-other-secret-that-is-long-enough-000'));
    const wrongAudience = await new SignJWT({ ...claims, aud: 'livekit' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secretKey(config.inviteSecret));
    for (const bad of [tamper(token), 'x'.repeat(40), wrongSecret, wrongAudience]) {
      await expectError(await preview(bad), 401, 'invite_invalid');
      await expectError(await join(bad), 401, 'invite_invalid');
    }
  });

  it('answers invite_expired for a past expiry signed with our secret', async () => {
    const { invite } = await studentInvite();
    const { config, db } = ctx();
    const person = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', invite.personId)
      .executeTakeFirstOrThrow();
    const expired = await signInvite(
      config.inviteSecret,
      { sid: person.session_id, pid: person.id, role: 'student' },
      new Date(Date.now() - 60_000),
    );
    await expectError(await preview(expired), 410, 'invite_expired');
    await expectError(await join(expired), 410, 'invite_expired');
  });

  it('expires invites after INVITE_TTL_HOURS', async () => {
    const { token } = await studentInvite();
    ctx().clock.now = new Date(Date.now() + 73 * 3600 * 1000);
    await expectError(await preview(token), 410, 'invite_expired');
  });

  it('answers not_found when the session is gone', async () => {
    const { session, token } = await studentInvite();
    const { db } = ctx();
    await db.deleteFrom('sessions').where('id', '=', session.sessionId).execute();
    await expectError(await preview(token), 404, 'not_found');
    await expectError(await join(token), 404, 'not_found');
  });

  it('answers validation_failed for a token too short to be one', async () => {
    await expectError(await preview('abc'), 400, 'validation_failed');
    await expectError(await join('abc'), 400, 'validation_failed');
  });

  it('lets students share their screen from the start only when the policy says so', async () => {
    const sourcesOf = async () => {
      const { token } = await studentInvite();
      const body = (await (await join(token)).json()) as JoinResponse;
      return (decodeJwt(body.token).video as { canPublishSources?: string[] }).canPublishSources;
    };
    expect(await sourcesOf()).toEqual(['camera', 'microphone']);
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const current = await t.consent.policies.current();
    await savePolicy(
      t.db,
      { userId: admin.userId, role: 'admin' },
      { ...current.policy, studentsMayShare: true, basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1 },
      t.clock.now,
    );
    expect(await sourcesOf()).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
  });

  it('issues a LiveKit token that can join this one room and nothing more', async () => {
    const { invite, token } = await studentInvite();
    const { db } = ctx();
    const res = await join(token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as JoinResponse;
    const session = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    const person = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', invite.personId)
      .executeTakeFirstOrThrow();

    expect(body).toMatchObject({
      livekitUrl: 'ws://127.0.0.1:7880',
      identity: person.livekit_identity,
      roomName: session.room_name,
      preview: { personId: invite.personId, role: 'student' },
    });

    const claims = decodeJwt(body.token);
    expect(claims.iss).toBe('APItestkey');
    expect(claims.sub).toBe(person.livekit_identity);
    expect(claims.sub).toMatch(/^p_/);
    expect(claims.sub).not.toContain('Sam');
    expect(claims.name).toBe('Sam Student');
    expect(claims.video).toEqual({
      room: session.room_name,
      roomJoin: true,
      canPublish: true,
      // A student shares a screen only when let: LiveKit refuses any other source.
      canPublishSources: ['camera', 'microphone'],
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    const video = claims.video as Record<string, unknown>;
    for (const forbidden of [
      'roomAdmin',
      'roomRecord',
      'roomCreate',
      'roomList',
      'ingressAdmin',
      'hidden',
      'recorder',
    ]) {
      expect(video[forbidden]).toBeUndefined();
    }
    expect(claims.attributes).toEqual({
      [ParticipantAttribute.name]: 'Sam Student',
      [ParticipantAttribute.role]: 'student',
      [ParticipantAttribute.personId]: invite.personId,
    });
    const issuedAt = claims.nbf ?? claims.iat;
    expect(issuedAt).toBeDefined();
    expect((claims.exp ?? Number.POSITIVE_INFINITY) - (issuedAt ?? 0)).toBeLessThanOrEqual(600);
  });
});
