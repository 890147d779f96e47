/**
 * Sessions for server tests, built the way the product builds them: a signed-in tutor, families
 * (guardian accounts who agreed to the policy, their enrolled children), adult guests; the session
 * created through POST /api/sessions. Specs still name people, so tests read like the journeys.
 */
import type { CreateSessionResponse } from '@assent/shared';
import { signInvite } from '../invites/invite-token';
import { latestPolicyVersion } from '../policy/policy-repository';
import { ensureDefaultPolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from './accounts';
import type { TestApp } from './test-app';

export interface PersonSpec {
  name: string;
  role: 'student' | 'guardian';
  /** Students: minor unless false (fail closed, as enrolment does). */
  minor?: boolean;
  /** Guardians: the students (by name) they are guardian of; every student of the spec when left out. */
  guardianOf?: string[];
  /** Students: an adult without a family, invited by a personal link instead of enrolled. */
  guest?: boolean;
}

export interface SessionSpec {
  title: string;
  tutorName?: string;
  participants: PersonSpec[];
}

export const sampleSpec: SessionSpec = {
  title: 'Algebra, week 3',
  tutorName: 'Dana Tutor',
  participants: [
    { name: 'Sam Student', role: 'student', minor: true },
    { name: 'Pat Guardian', role: 'guardian' },
  ],
};

/** A guardian account that agreed to the policy in force. */
export async function agreedGuardian(t: TestApp, name: string): Promise<TestAccount> {
  const guardian = await signedInAs(t, 'guardian', name);
  await ensureTestPolicy(t);
  const version = await latestPolicyVersion(t.db);
  const res = await asAccount(t, guardian, 'POST', '/api/me/agreement', {
    policyVersion: version,
    adultConfirmed: true,
  });
  if (res.status !== 201) throw new Error(`agreement failed: ${res.status} ${await res.text()}`);
  return guardian;
}

/** Version 1 of the policy, as the server writes it at start (tests start from empty tables). */
export async function ensureTestPolicy(t: TestApp) {
  await ensureDefaultPolicy(t.db, t.config.recording, t.clock.now);
}

/** Adds an enrolled student directly (as a guardian adding a child would) and links `guardians` to them. */
export async function enrolStudent(t: TestApp, name: string, minor: boolean, guardians: TestAccount[]) {
  const id = crypto.randomUUID();
  const at = t.clock.now.toISOString();
  await t.db
    .insertInto('students')
    .values({
      id,
      name,
      minor: minor ? 1 : 0,
      user_id: null,
      invitation_id: null,
      // The first guardian added them, as POST /api/me/students records it.
      created_by_user_id: guardians[0]?.userId ?? null,
      created_at: at,
    })
    .execute();
  for (const g of guardians) {
    await t.db
      .insertInto('guardianships')
      .values({ guardian_user_id: g.userId, student_id: id, created_at: at })
      .execute();
  }
  return id;
}

/**
 * Records that `tutor` enrolled the student: a family enrolment of theirs names them (as
 * POST /api/families/invitations does) and their first guardian registered from it, so the tutor may
 * pick them, and both count as who enrolled them.
 */
export async function enrolledBy(t: TestApp, tutor: TestAccount, studentId: string) {
  const at = t.clock.now.toISOString();
  const invitationId = crypto.randomUUID();
  // The student's first guardian registered from it, as a family does.
  const guardian = await t.db
    .selectFrom('guardianships')
    .select('guardian_user_id')
    .where('student_id', '=', studentId)
    .orderBy('created_at')
    .executeTakeFirst();
  await t.db
    .insertInto('invitations')
    .values({
      id: invitationId,
      kind: 'family',
      token_hash: crypto.randomUUID(),
      email: null,
      role: 'guardian',
      invited_by_user_id: tutor.userId,
      created_at: at,
      expires_at: at,
      used_at: guardian ? at : null,
      used_by_user_id: guardian?.guardian_user_id ?? null,
      student_id: null,
    })
    .execute();
  await t.db
    .updateTable('students')
    .set({ invitation_id: invitationId, created_by_user_id: tutor.userId })
    .where('id', '=', studentId)
    .execute();
}

export interface BuiltSession {
  created: CreateSessionResponse;
  tutor: TestAccount;
  guardians: Record<string, TestAccount>;
  studentIds: Record<string, string>;
}

/** Builds the spec's organisation and creates its session as the tutor. */
export async function buildSession(t: TestApp, spec: SessionSpec = sampleSpec): Promise<BuiltSession> {
  const tutor = await signedInAs(t, 'tutor', spec.tutorName ?? 'Dana Tutor');
  const studentSpecs = spec.participants.filter((p) => p.role === 'student' && !p.guest);
  const guardians: Record<string, TestAccount> = {};
  for (const g of spec.participants.filter((p) => p.role === 'guardian')) {
    guardians[g.name] = await agreedGuardian(t, g.name);
  }
  const guardianSpecs = spec.participants.filter((p) => p.role === 'guardian');
  const studentIds: Record<string, string> = {};
  for (const s of studentSpecs) {
    const theirs = guardianSpecs
      .filter((g) => !g.guardianOf?.length || g.guardianOf.includes(s.name))
      .map((g) => guardians[g.name] as TestAccount);
    studentIds[s.name] = await enrolStudent(t, s.name, s.minor ?? true, theirs);
    await enrolledBy(t, tutor, studentIds[s.name] as string);
  }
  const res = await asAccount(t, tutor, 'POST', '/api/sessions', {
    title: spec.title,
    studentIds: studentSpecs.map((s) => studentIds[s.name]),
    guests: spec.participants.filter((p) => p.guest).map((p) => ({ name: p.name })),
  });
  if (res.status !== 201) throw new Error(`create session failed: ${res.status} ${await res.text()}`);
  return { created: (await res.json()) as CreateSessionResponse, tutor, guardians, studentIds };
}

/** Everyone's seat in a session with a personal invite token each, in seat order (tutor first). */
export async function seatsOf(t: TestApp, sessionId: string) {
  const people = await t.db
    .selectFrom('people')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
  // Whole seconds, as a token's `exp` is.
  const expiresAt = new Date(Math.floor(t.clock.now.getTime() / 1000 + 3600) * 1000);
  return Promise.all(
    people.map(async (p) => ({
      personId: p.id,
      name: p.name,
      role: p.role,
      identity: p.livekit_identity,
      expiresAt: expiresAt.toISOString(),
      token: await signInvite(t.config.inviteSecret, { sid: sessionId, pid: p.id, role: p.role }, expiresAt),
    })),
  );
}
