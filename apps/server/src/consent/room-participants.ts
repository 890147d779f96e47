/**
 * Who a LiveKit participant is to the consent machine, read from our database, never from anything the
 * client sent: role, person and minority come from the invite the identity was issued for.
 *
 * A guardian counts as guardian of the students they were linked to when the session was created
 * (rule 3 then asks, for each minor, for the consent of a guardian linked to that very student). The
 * tutor may leave a guardian unlinked, which links them to every student in the session.
 */
import type { Participant } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { listPeople, listStudentsOfGuardian } from '../sessions/session-repository';

export interface LiveParticipantInfo {
  identity: string;
  /** LiveKit participant kind by enum name. */
  kind: string;
  /** LiveKit's hidden permission. */
  hidden: boolean;
  /** LiveKit's participant session id: a consent holds for one session (rule 5). */
  sid?: string;
}

/** The recorder and other service participants do not count towards consent (rule 2). */
export const isServiceParticipant = (info: Pick<LiveParticipantInfo, 'kind' | 'hidden'>) =>
  info.hidden || info.kind === 'EGRESS';

export async function participantFor(
  db: DbOrTrx,
  sessionId: string,
  info: LiveParticipantInfo,
): Promise<Participant> {
  const session = info.sid ? { sid: info.sid } : {};
  if (isServiceParticipant(info)) return { role: 'unknown', hidden: true, ...session };
  const people = await listPeople(db, sessionId);
  const person = people.find((p) => p.livekitIdentity === info.identity);
  // SECURITY: an identity we never issued is a participant without consent (fail closed).
  if (!person) return { role: 'unknown', hidden: false, ...session };
  if (person.role === 'student') {
    return { role: 'student', personId: person.id, minor: person.minor, hidden: false, ...session };
  }
  if (person.role === 'guardian') {
    const guardianOf = await listStudentsOfGuardian(db, person.id);
    return { role: 'guardian', personId: person.id, guardianOf, hidden: false, ...session };
  }
  if (person.role === 'observer') return { role: 'observer', personId: person.id, hidden: false, ...session };
  return { role: 'tutor', personId: person.id, hidden: false, ...session };
}
