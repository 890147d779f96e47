/**
 * Who a LiveKit participant is to the consent machine, read from our database, never from anything the
 * client sent: role, person and minority come from the invite the identity was issued for.
 *
 * Guardians are not linked to particular students when a session is created, so a guardian in a
 * session counts as guardian of every student in that session (rule 3 then asks for a guardian's
 * consent for each minor; any invited guardian's counts).
 */
import type { Participant } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { listPeople } from '../sessions/session-repository';

export interface LiveParticipantInfo {
  identity: string;
  /** LiveKit participant kind by enum name. */
  kind: string;
  /** LiveKit's hidden permission. */
  hidden: boolean;
}

/** The recorder and other service participants do not count towards consent (rule 2). */
export const isServiceParticipant = (info: Pick<LiveParticipantInfo, 'kind' | 'hidden'>) =>
  info.hidden || info.kind === 'EGRESS';

export async function participantFor(
  db: DbOrTrx,
  sessionId: string,
  info: LiveParticipantInfo,
): Promise<Participant> {
  if (isServiceParticipant(info)) return { role: 'unknown', hidden: true };
  const people = await listPeople(db, sessionId);
  const person = people.find((p) => p.livekitIdentity === info.identity);
  // SECURITY: an identity we never issued is a participant without consent (fail closed).
  if (!person) return { role: 'unknown', hidden: false };
  if (person.role === 'student') {
    return { role: 'student', personId: person.id, minor: person.minor, hidden: false };
  }
  if (person.role === 'guardian') {
    const students = people.filter((p) => p.role === 'student').map((p) => p.id);
    return { role: 'guardian', personId: person.id, guardianOf: students, hidden: false };
  }
  return { role: 'tutor', personId: person.id, hidden: false };
}
