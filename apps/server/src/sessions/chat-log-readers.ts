/**
 * Who may read a session's chat log (and the whiteboard kept with it) afterwards, as a resource for
 * `can('session.read_chat')`: the session's tutors, the staff roles the policy names, and, where the policy
 * allows, the people seated in it. Pure, so the sessions list can say where the log may be read without
 * asking the database again.
 */
import type { OrganisationPolicy } from '@assent/shared';
import type { ChatLogResource } from '../people/can';
import type { Person } from './session-repository';

type ChatReadersPolicy = Pick<OrganisationPolicy['policy'], 'chatReaderRoles' | 'chatParticipantsRead'>;

export function chatLogReaders(
  people: readonly Pick<Person, 'userId' | 'role'>[],
  ownerUserId: string | null,
  policy: ChatReadersPolicy,
): ChatLogResource {
  const seated = people.flatMap((p) => (p.userId ? [{ userId: p.userId, role: p.role }] : []));
  return {
    kind: 'chat_log',
    tutorUserIds: [
      ...(ownerUserId ? [ownerUserId] : []),
      ...seated.filter((p) => p.role === 'tutor').map((p) => p.userId),
    ],
    participantUserIds: seated.map((p) => p.userId),
    readerRoles: policy.chatReaderRoles,
    participantsRead: policy.chatParticipantsRead,
  };
}
