/**
 * What an invite link may still ask for once the call is over. Saying no never needs a live link; asking
 * for something does: a concern report or a deletion request by an expired link is taken only within
 * the policy's `lateRequestDays` after the session, and every link-made report or request is limited per
 * seat, so a leaked old link cannot flood the safeguarding queue or put every recording on hold.
 * Refusals are audited with the reason.
 */
import { appendAudit } from '../../audit/audit-log';
import type { Db, DbOrTrx } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { PolicyBook } from '../../policy/policy-book';
import type { ResolvedInvite } from '../../sessions/resolve-invite';

const dayMs = 86_400_000;

/** Per seat, over the last 24 hours, counting what the seat made by link (a sign-in is not limited). */
export const linkRequestLimits = { concern_report: 5, deletion_request: 3 } as const;

export type LinkRequestKind = keyof typeof linkRequestLimits;

const auditAction: Record<LinkRequestKind, string> = {
  concern_report: 'concern.report',
  deletion_request: 'deletion_request.receive',
};

/** When the session ended for this purpose: its last arrival or departure, or the link's expiry if later. */
async function sessionEndedAt(db: DbOrTrx, sessionId: string, linkExpiresAt: Date): Promise<Date> {
  const row = await db
    .selectFrom('participant_presence')
    .select((eb) => [eb.fn.max('left_at').as('left'), eb.fn.max('joined_at').as('joined')])
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  const times = [row?.left, row?.joined, linkExpiresAt.toISOString()].flatMap((t) =>
    typeof t === 'string' ? [Date.parse(t)] : [],
  );
  return new Date(Math.max(...times));
}

async function madeSince(db: DbOrTrx, kind: LinkRequestKind, personId: string, since: string) {
  const row =
    kind === 'concern_report'
      ? await db
          .selectFrom('concern_reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('reporter_person_id', '=', personId)
          .where('created_at', '>=', since)
          .executeTakeFirst()
      : await db
          .selectFrom('deletion_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('requester_person_id', '=', personId)
          .where('created_at', '>=', since)
          .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Throws 410 `invite_expired` when an expired link is past the late window, and 429 `rate_limited` when
 * the seat has made its limit of link requests in the last 24 hours; each refusal is audited.
 * SECURITY: the count is read before the write, so requests already in flight can pass it together;
 * the limit bounds a flood, not an exact number.
 */
export async function checkLinkRequest(
  deps: { db: Db; now: () => Date; policies: Pick<PolicyBook, 'current'> },
  invite: ResolvedInvite,
  kind: LinkRequestKind,
  details: { method: string; path: string },
): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const { person, session } = invite;
  const refuse = async (reason: string, error: AppError) => {
    await appendAudit(db, {
      actor: { userId: person.userId, role: person.role },
      action: auditAction[kind],
      target: { type: 'person', id: person.id },
      outcome: 'denied',
      detail: { ...details, sessionId: session.id, via: 'invite', reason },
      at: now,
    });
    throw error;
  };
  if (invite.expiresAt.getTime() <= now.getTime()) {
    const { lateRequestDays } = (await deps.policies.current()).policy;
    const ended = await sessionEndedAt(db, session.id, invite.expiresAt);
    if (now.getTime() > ended.getTime() + lateRequestDays * dayMs) {
      await refuse(
        'link_too_old',
        new AppError(
          410,
          'invite_expired',
          `This link can no longer be used for this: it works for ${lateRequestDays} days after the session. Sign in, or contact the organisation, and they will take your ${kind === 'concern_report' ? 'report' : 'request'}.`,
        ),
      );
    }
  }
  const limit = linkRequestLimits[kind];
  const made = await madeSince(db, kind, person.id, new Date(now.getTime() - dayMs).toISOString());
  if (made >= limit) {
    await refuse(
      'rate_limited',
      new AppError(
        429,
        'rate_limited',
        kind === 'concern_report'
          ? `This link has sent ${limit} reports in the last 24 hours, and they have all reached the safeguarding team. To add more, sign in or contact the organisation.`
          : `This link has sent ${limit} deletion requests in the last 24 hours. Try again tomorrow, or sign in.`,
      ),
    );
  }
}
