/** The route matrix (test-support/route-matrix.ts) run against the real routes in-process. */
import { describe, expect, it } from 'vitest';
import { latestPolicyVersion } from '../policy/policy-repository';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { agreedGuardian, enrolledBy, enrolStudent, ensureTestPolicy } from '../test-support/organisation';
import {
  type Caller,
  type CallerView,
  callers,
  expectedStatus,
  matrixSize,
  routeMatrix,
} from '../test-support/route-matrix';
import type { TestApp } from '../test-support/test-app';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

/** Two tutors' sessions, two families, an adult student with a sign-in in the first session. */
async function buildWorld(t: TestApp) {
  await ensureTestPolicy(t);
  const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
  const otherTutor = await signedInAs(t, 'tutor', 'Olga Other');
  const guardian = await agreedGuardian(t, 'Pat Guardian');
  const otherGuardian = await agreedGuardian(t, 'Hugo Guardian');
  const student = await signedInAs(t, 'student', 'Cleo Adult');
  const sam = await enrolStudent(t, 'Sam', true, [guardian]);
  const tom = await enrolStudent(t, 'Tom', true, [otherGuardian]);
  const cleo = await enrolStudent(t, 'Cleo Adult', false, [guardian]);
  // Another family's adult student: no sign-in, enrolled by the other tutor for the other guardian.
  const ada = await enrolStudent(t, 'Ada Adult', false, [otherGuardian]);
  await enrolledBy(t, otherTutor, ada);
  await t.db.updateTable('students').set({ user_id: student.userId }).where('id', '=', cleo).execute();
  for (const id of [sam, cleo]) await enrolledBy(t, tutor, id);
  await enrolledBy(t, otherTutor, tom);
  const create = async (owner: TestAccount, studentIds: string[]) => {
    const res = await asAccount(t, owner, 'POST', '/api/sessions', { title: 'World', studentIds });
    return ((await res.json()) as { sessionId: string }).sessionId;
  };
  const own = await create(tutor, [sam, cleo]);
  const other = await create(otherTutor, [tom]);
  const accounts: Record<Exclude<Caller, 'signed-out'>, TestAccount> = {
    admin: await signedInAs(t, 'admin'),
    reviewer: await signedInAs(t, 'reviewer'),
    tutor,
    guardian,
    student,
  };
  const base = {
    ownSession: own,
    otherSession: other,
    otherStudent: tom,
    ownTutor: tutor.userId,
    otherTutor: otherTutor.userId,
  };
  const adults = { ownAdultStudent: cleo, otherAdultStudent: ada };
  const views: Record<Caller, CallerView> = {
    'signed-out': { ...base, ...adults, ownStudent: sam },
    admin: { ...base, ...adults, ownStudent: sam },
    reviewer: { ...base, ...adults, ownStudent: sam },
    tutor: { ...base, ...adults, ownStudent: sam },
    guardian: { ...base, ...adults, ownStudent: sam },
    student: { ...base, ...adults, ownStudent: cleo },
  };
  return { accounts, views };
}

describe.each(testDatabases)('authorisation matrix against the routes ($name)', (database) => {
  const ctx = useTestApp(database);

  it(`answers each of the ${matrixSize} route × caller pairs as the matrix says, auditing every refusal`, async () => {
    const t = ctx();
    const { accounts, views } = await buildWorld(t);
    const version = await latestPolicyVersion(t.db);
    const mismatches: string[] = [];
    let refusals = 0;
    let n = 0;
    for (const route of routeMatrix) {
      for (const caller of callers) {
        n += 1;
        const account = caller === 'signed-out' ? null : accounts[caller];
        const body = route.body?.(`${n}`, views[caller]);
        const withVersion = JSON.parse(JSON.stringify(body ?? null).replace('"CURRENT"', String(version)));
        const res = await asAccount(
          t,
          account,
          route.method,
          route.path(views[caller]),
          withVersion ?? undefined,
        );
        const expected = expectedStatus(route, caller);
        if (res.status !== expected)
          mismatches.push(`${route.name} as ${caller}: ${res.status}, expected ${expected}`);
        // A recording the caller may not see answers 404 like a missing one, and is audited the same.
        if (
          res.status === 403 ||
          (res.status === 404 && route.path(views[caller]).startsWith('/api/recordings'))
        )
          refusals += 1;
      }
    }
    expect(mismatches).toEqual([]);
    const denied = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('outcome', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(Number(denied.n)).toBe(refusals);
  }, 120_000);
});
