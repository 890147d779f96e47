/**
 * Reading one session's talk time afterwards (or while the call goes on): allowed by
 * `can('insights.read')` with the readers the policy in force names, every reading audited in the same
 * transaction as the read, every refusal audited by `authorize`.
 *
 * Who sees what: the staff roles in `talkTimeReaderRoles` see everything (a tutor only their own
 * session's). Where `talkTimeLearnersSeeOwn` is on, a student sees their own share, and a guardian the
 * share of the child they speak for (a minor, or an adult without a sign-in of their own, as for every
 * other right a guardian exercises for a child) plus their own seat's: a parent is who a child's data is
 * answered to, and an adult who signs in speaks for themselves. Neither sees other learners (talk-view.ts).
 */
import type { OrganisationPolicy, SessionInsights, TalkLines } from '@assent/shared';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { type GuardianSpeaksFor, talkTimeReaders } from '../insights/talk-readers';
import { wordShare } from '../insights/word-share';
import type { Actor } from '../people/actor';
import { authorize } from '../people/authorize';
import { can, organisation, talkTimeView } from '../people/can';
import { loadTalkFacts, loadWordFacts, type SeatFact } from './talk-facts';
import { buildTalkView } from './talk-view';

/** The policy's lines, as the insights carry them. */
export function talkLines(policy: OrganisationPolicy['policy']): TalkLines {
  return {
    engagingPercent: policy.talkTimeEngagingPercent,
    lowPercent: policy.talkTimeLowPercent,
    highPercent: policy.talkTimeHighPercent,
  };
}

/** The seats a learner's own view shows besides the tutor's: their own, and the children they speak for. */
function ownSeats(
  actor: Actor,
  seats: readonly SeatFact[],
  guardianships: readonly GuardianSpeaksFor[],
): Set<string> {
  const children = new Set(
    guardianships.filter((g) => g.guardianUserId === actor.userId).map((g) => g.studentId),
  );
  return new Set(
    seats
      .filter(
        (s) =>
          s.userId === actor.userId ||
          (actor.role === 'guardian' &&
            s.role === 'student' &&
            s.studentId !== null &&
            children.has(s.studentId)),
      )
      .map((s) => s.personId),
  );
}

export async function readSessionInsights(
  c: Context<AppEnv>,
  actor: Actor,
  sessionId: string,
): Promise<SessionInsights> {
  const { db, now, consent } = c.var.deps;
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'title', 'owner_user_id'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw new AppError(404, 'not_found', 'There is no such session.');
  const { policy } = await consent.policies.current();
  const facts = await loadTalkFacts(db, session.id);
  const { resource, guardianships } = await talkTimeReaders(db, facts.seats, session.owner_user_id, policy);
  await authorize(c, actor, 'insights.read', resource, { type: 'session', id: session.id });
  const view = talkTimeView(actor, resource) ?? 'own';
  const at = now();
  return db.transaction().execute(async (trx) => {
    const words = await loadWordFacts(trx, session.id);
    const insights = buildTalkView({
      session,
      facts,
      lines: talkLines(policy),
      now: at,
      ownSeatIds: view === 'all' ? null : ownSeats(actor, facts.seats, guardianships),
      namesRefusals: can(actor, 'consent_refusals.read', organisation),
      words: wordShare(words.messages, words.transcripts),
    });
    // Staff who see the whole session are linked to the tutor's trend; a learner's own view is not.
    if (view === 'all' && session.owner_user_id) insights.tutorUserId = session.owner_user_id;
    await appendAudit(trx, {
      actor,
      action: 'insights.read',
      target: { type: 'session', id: session.id },
      detail: { sessionId: session.id, view, measured: insights.measured },
      at,
    });
    return insights;
  });
}
