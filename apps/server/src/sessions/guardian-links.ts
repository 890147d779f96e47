/**
 * Whose guardian each guardian is (rule 3), from the names the tutor gave when creating the session.
 * The request schema has already checked that every name matches exactly one student.
 */
import type { Person } from './session-repository';

export interface GuardianLink {
  sessionId: string;
  guardianPersonId: string;
  studentPersonId: string;
}

/**
 * One link per guardian and student: the students a guardian's `guardianOf` names, or every student in
 * the session when it names none (the documented default of `InviteeInput.guardianOf`).
 * `people[i]` is the person created for `invitees[i]`.
 */
export function guardianLinksFor(
  invitees: readonly { role: string; guardianOf?: readonly string[] | undefined }[],
  people: readonly Person[],
): GuardianLink[] {
  const students = people.filter((p) => p.role === 'student');
  return people.flatMap((guardian, index) => {
    if (guardian.role !== 'guardian') return [];
    const named = new Set(invitees[index]?.guardianOf ?? []);
    const linked = named.size === 0 ? students : students.filter((s) => named.has(s.name));
    return linked.map((student) => ({
      sessionId: guardian.sessionId,
      guardianPersonId: guardian.id,
      studentPersonId: student.id,
    }));
  });
}
