/**
 * The access answer's whiteboards: the saved board of every session the subject had a seat in, as the
 * editor's own JSON. A board is shared work, so it is the whole board, not only what the subject drew
 * (the server does not keep who drew what).
 */
import type { AccessAnswer } from '@assent/shared';
import { parseElements } from '../../board/board-repository';
import type { DbOrTrx } from '../../db/database';
import { type AnswerScope, idsOrNone } from './access-subject';

export async function boardSection(db: DbOrTrx, scope: AnswerScope): Promise<AccessAnswer['boards']> {
  const rows = await db
    .selectFrom('session_boards')
    .innerJoin('sessions', 'sessions.id', 'session_boards.session_id')
    .select(['sessions.title', 'session_boards.saved_at', 'session_boards.elements'])
    .where('session_boards.session_id', 'in', idsOrNone(scope.seats.map((s) => s.sessionId)))
    .where('session_boards.saved_at', 'is not', null)
    .orderBy('session_boards.saved_at')
    .execute();
  return rows.map((r) => ({
    sessionTitle: r.title,
    savedAt: r.saved_at as string,
    elements: parseElements(r.elements).filter((e) => !e.isDeleted),
  }));
}
