/** The access answer's talk time: every stretch the subject's seats spoke, as measured (never audio). */
import type { AccessAnswer } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import { type AnswerScope, idsOrNone } from './access-subject';

export async function talkTimeSection(db: DbOrTrx, scope: AnswerScope): Promise<AccessAnswer['talkTime']> {
  const rows = await db
    .selectFrom('talk_intervals')
    .innerJoin('sessions', 'sessions.id', 'talk_intervals.session_id')
    .select(['sessions.id', 'sessions.title', 'talk_intervals.started_at', 'talk_intervals.ended_at'])
    .where('talk_intervals.person_id', 'in', idsOrNone(scope.seats.map((s) => s.id)))
    .orderBy('talk_intervals.started_at')
    .execute();
  return rows.map((r) => ({
    sessionId: r.id,
    sessionTitle: r.title,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  }));
}
