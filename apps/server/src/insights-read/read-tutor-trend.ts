/**
 * A tutor's talk time across their measured sessions (those they own or sat in the tutor seat of), oldest
 * first so the newest is last: for the staff roles the policy names, a tutor only their own
 * (`can('insights.trend')`). Learners' own views have no trend: across sessions is about the tutor.
 * Each session's numbers are the same as its own page's (`buildTalkView` over the same facts). At most the
 * newest `trendSessionLimit` sessions are shown. Every reading audited.
 */
import type { TutorTalkTrend } from '@assent/shared';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import { authorize } from '../people/authorize';
import { talkLines } from './read-session-insights';
import { loadTalkFacts } from './talk-facts';
import { buildTalkView } from './talk-view';

export const trendSessionLimit = 200;

export async function readTutorTrend(
  c: Context<AppEnv>,
  actor: Actor,
  userId: string,
): Promise<TutorTalkTrend> {
  const { db, now, consent } = c.var.deps;
  const tutor = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!tutor) throw new AppError(404, 'not_found', 'There is no such account.');
  const { policy } = await consent.policies.current();
  await authorize(
    c,
    actor,
    'insights.trend',
    { kind: 'talk_trend', tutorUserId: tutor.id, readerRoles: policy.talkTimeReaderRoles },
    { type: 'user', id: tutor.id },
  );
  const lines = talkLines(policy);
  const at = now();
  // Measured sessions of theirs, newest first, the newest `trendSessionLimit` of them.
  const measured = await db
    .selectFrom('sessions')
    .innerJoin('talk_observations', 'talk_observations.session_id', 'sessions.id')
    .select(['sessions.id', 'sessions.title'])
    .select((eb) => eb.fn.min('talk_observations.started_at').as('first_seen'))
    .where('talk_observations.destroyed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('sessions.owner_user_id', '=', tutor.id),
        eb(
          'sessions.id',
          'in',
          eb
            .selectFrom('people')
            .select('people.session_id')
            .where('people.role', '=', 'tutor')
            .where('people.user_id', '=', tutor.id),
        ),
      ]),
    )
    .groupBy(['sessions.id', 'sessions.title'])
    .orderBy('first_seen', 'desc')
    .orderBy('sessions.id')
    .limit(trendSessionLimit)
    .execute();
  const sessions = [];
  for (const row of measured.reverse()) {
    const view = buildTalkView({
      session: { id: row.id, title: row.title },
      facts: await loadTalkFacts(db, row.id),
      lines,
      now: at,
      ownSeatIds: null,
      namesRefusals: false,
      words: null,
    });
    if (!view.measured || view.axisStart === null) continue;
    sessions.push({
      sessionId: row.id,
      title: row.title,
      startedAt: view.axisStart,
      tutorSeconds: view.tutorSeconds,
      learnerSeconds: view.learnerSeconds,
      learnerSharePercent: view.learnerSharePercent,
      band: view.band,
    });
  }
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      actor,
      action: 'insights.trend',
      target: { type: 'user', id: tutor.id },
      detail: { tutorUserId: tutor.id, sessions: sessions.length },
      at,
    });
  });
  return { tutor: { userId: tutor.id, name: tutor.name }, lines, sessions };
}
