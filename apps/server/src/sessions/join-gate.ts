/**
 * VTO: a child may use the service only once a parent or guardian has registered and agreed to the
 * policy. A minor student's seat is refused until one of their guardians has an agreement on record
 * that covers the policy in force (policy/agreement-terms.ts: a version that changed what guardians
 * agree to needs their agreement again before the child can join).
 */
import type { DbOrTrx } from '../db/database';
import { versionsCoveringCurrent } from '../policy/agreement-terms';
import type { PolicyBook } from '../policy/policy-book';
import type { Person } from './session-repository';

export const guardianMissingMessage = (name: string) =>
  `${name} can join once a parent or guardian has registered with Assent and agreed to the online tutoring and recording policy. Ask them to open the enrolment link they were sent, or ask your tutor to send a new one.`;

export const reagreementMessage = (name: string) =>
  `${name} can join once a parent or guardian has agreed to the updated online tutoring and recording policy. They are asked to read it when they sign in to Assent.`;

/** Why this person may not join yet, or undefined when they may. */
export async function joinRefusal(
  db: DbOrTrx,
  policies: PolicyBook,
  person: Person,
): Promise<string | undefined> {
  if (person.role !== 'student' || !person.minor) return undefined;
  // A minor who was never enrolled (sessions from before accounts) has no guardian who agreed: refused.
  if (!person.studentId) return guardianMissingMessage(person.name);
  const agreed = await db
    .selectFrom('guardianships')
    .innerJoin('guardian_agreements', 'guardian_agreements.user_id', 'guardianships.guardian_user_id')
    .select('guardian_agreements.policy_version')
    .where('guardianships.student_id', '=', person.studentId)
    .execute();
  if (agreed.length === 0) return guardianMissingMessage(person.name);
  const covering = new Set(await versionsCoveringCurrent(policies));
  return agreed.some((a) => covering.has(a.policy_version)) ? undefined : reagreementMessage(person.name);
}
