/** The access answer's chat section: every message the subject's seats sent, removed ones included. */
import type { AccessAnswer } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import { type AnswerScope, idsOrNone } from './access-subject';

export async function chatSection(db: DbOrTrx, scope: AnswerScope): Promise<AccessAnswer['chatMessages']> {
  const rows = await db
    .selectFrom('chat_messages')
    .innerJoin('sessions', 'sessions.id', 'chat_messages.session_id')
    .select([
      'sessions.title',
      'chat_messages.sent_at',
      'chat_messages.sender_name',
      'chat_messages.text',
      'chat_messages.removed_at',
    ])
    .where('chat_messages.sender_person_id', 'in', idsOrNone(scope.seats.map((s) => s.id)))
    .orderBy('chat_messages.sent_at')
    .execute();
  return rows.map((r) => ({
    sessionTitle: r.title,
    sentAt: r.sent_at,
    senderName: r.sender_name,
    text: r.text,
    removedAt: r.removed_at,
  }));
}
