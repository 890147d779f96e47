/**
 * "Your sessions": the sessions an account owns or has a seat in, each with the caller's own join link
 * and, for a guardian, a link per child to open on the child's device (or why the child cannot join).
 * Links are minted afresh on every read; they are the same personal, session-bound invites as before.
 * Whether a guardian was there at each minor's start and end goes to the tutor, admins and the child's
 * own guardians; whether the chat log and the talk time may be read goes to each by the policy's rules.
 */
import type { MySession, OrganisationPolicyInput, SessionTime } from '@assent/shared';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { talkTimeObserved, talkTimeReaders } from '../insights/talk-readers';
import { signInvite } from '../invites/invite-token';
import { seatLinkVersions } from '../invites/seat-link-version';
import type { Actor } from '../people/actor';
import { can } from '../people/can';
import type { PolicyBook } from '../policy/policy-book';
import { minorsVisibleTo } from '../presence/guardian-presence';
import { type JudgedSession, judgeSessions } from '../presence/guardian-presence-repository';
import { advanceConsentsIn } from './advance-consent';
import { chatLogReaders } from './chat-log-readers';
import { joinRefusal } from './join-gate';
import { sessionTime } from './join-window';
import { findSessionTime, seriesLengths, toSessionTimeRow } from './schedule-repository';
import { listPeople, type Person, type Session, toSession } from './session-repository';

interface Deps {
  db: Db;
  config: Config;
  now: () => Date;
  consent: { policies: PolicyBook };
}

/**
 * The sessions an account owns or has a seat in: upcoming ones (Join not yet closed) by start, the next
 * first; then the rest, latest first (a session without a time counts from when it was made).
 */
export async function listMySessions(deps: Deps, actor: Actor, limit = 50): Promise<MySession[]> {
  const now = deps.now();
  const { policy } = await deps.consent.policies.current();
  const mine = deps.db
    .selectFrom('sessions')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('owner_user_id', '=', actor.userId),
        eb.exists(
          eb
            .selectFrom('people')
            .select('people.id')
            .whereRef('people.session_id', '=', 'sessions.id')
            .where('people.user_id', '=', actor.userId),
        ),
      ]),
    );
  // Anything that started within the longest session plus the longest grace may still be open.
  const stillOpenSince = new Date(now.getTime() - (480 + 240) * 60 * 1000).toISOString();
  const [soon, rest] = await Promise.all([
    mine
      .where('starts_at', 'is not', null)
      .where('starts_at', '>=', stillOpenSince)
      .orderBy('starts_at')
      .orderBy('id')
      .limit(limit)
      .execute(),
    mine
      .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<', now.toISOString())]))
      .orderBy((eb) => eb.fn.coalesce('starts_at', 'created_at'), 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const lengths = await seriesLengths(
    deps.db,
    [...soon, ...rest].flatMap((row) => (row.series_id ? [row.series_id] : [])),
  );
  const timeOf = (row: (typeof soon)[number]) =>
    sessionTime(toSessionTimeRow(row), policy, row.series_id ? lengths.get(row.series_id) : undefined);
  const upcoming = soon.filter((row) => {
    const time = timeOf(row);
    return time !== null && Date.parse(time.joinClosesAt) > now.getTime();
  });
  const upcomingIds = new Set(upcoming.map((row) => row.id));
  const past = [...soon, ...rest]
    .filter((row, index, all) => !upcomingIds.has(row.id) && all.findIndex((r) => r.id === row.id) === index)
    .sort((a, b) => {
      const at = (row: typeof a) => row.starts_at ?? row.created_at;
      return at(b) < at(a) ? -1 : at(b) > at(a) ? 1 : b.id < a.id ? -1 : 1;
    });
  const rows = [...upcoming, ...past].slice(0, limit);
  // Every listed session's guardian presence at once, not a query per session.
  const presence = await judgeSessions(
    deps.db,
    rows.map((row) => row.id),
    policy.guardianPresenceMinutes,
  );
  return Promise.all(
    rows.map((row) =>
      describeSession(deps, actor, toSession(row), undefined, presence.get(row.id), timeOf(row)),
    ),
  );
}

const cancelledMessage = 'This session was cancelled.';

/** One session's time as "Your sessions" shows it (null without a time). */
async function timeOfSession(
  db: Deps['db'],
  sessionId: string,
  policy: OrganisationPolicyInput,
): Promise<SessionTime | null> {
  const row = await findSessionTime(db, sessionId);
  if (!row) return null;
  const lengths = row.seriesId ? await seriesLengths(db, [row.seriesId]) : new Map<string, number>();
  return sessionTime(row, policy, row.seriesId ? lengths.get(row.seriesId) : undefined);
}

/** Who owns and attends a session, for `can`. */
export async function sessionAccess(db: Db, session: Session) {
  const people = await listPeople(db, session.id);
  return {
    people,
    resource: {
      kind: 'session' as const,
      ownerUserId: session.ownerUserId,
      attendeeUserIds: people.flatMap((p) => (p.userId ? [p.userId] : [])),
    },
  };
}

export async function describeSession(
  deps: Deps,
  actor: Actor,
  session: Session,
  people?: Person[],
  judged?: JudgedSession,
  knownTime?: SessionTime | null,
): Promise<MySession> {
  const { policy } = await deps.consent.policies.current();
  const everyone = people ?? (await listPeople(deps.db, session.id));
  const presence =
    judged ?? (await judgeSessions(deps.db, [session.id], policy.guardianPresenceMinutes)).get(session.id);
  const time = knownTime === undefined ? await timeOfSession(deps.db, session.id, policy) : knownTime;
  const cancelled = time?.cancelledAt != null;
  const guardianPresence =
    presence && minorsVisibleTo(actor, session.ownerUserId, presence.facts, presence.verdict);
  const mine = everyone.find((p) => p.userId === actor.userId);
  // A link minted now for a later occurrence lives the usual time past that occurrence's Join closing.
  const expiresAt = new Date(
    Math.floor(
      Math.max(deps.now().getTime(), time ? Date.parse(time.joinClosesAt) : 0) / 1000 +
        deps.config.inviteTtlHours * 3600,
    ) * 1000,
  );
  const versions = await seatLinkVersions(
    deps.db,
    everyone.map((p) => p.id),
  );
  const linkFor = async (p: Person) => {
    const token = await signInvite(
      deps.config.inviteSecret,
      { sid: session.id, pid: p.id, role: p.role, v: versions.get(p.id) ?? 0 },
      expiresAt,
    );
    return `${deps.config.publicUrl}/join/${token}`;
  };
  const seatLink = async (p: Person) => {
    // A cancelled occurrence offers no link (its join answers 410); a future one does, and its page
    // says when Join opens (the server refuses it until then).
    const refusal = cancelled
      ? cancelledMessage
      : ((await joinRefusal(deps.db, deps.consent.policies, p)) ?? null);
    return { joinUrl: refusal ? null : await linkFor(p), refusal };
  };
  let children: MySession['children'] = [];
  if (mine?.role === 'guardian') {
    const childIds = new Set(
      (
        await deps.db
          .selectFrom('guardian_links')
          .select('student_person_id')
          .where('guardian_person_id', '=', mine.id)
          .execute()
      ).map((r) => r.student_person_id),
    );
    const advance = await advanceConsentsIn(deps.db, session.id);
    children = await Promise.all(
      everyone
        .filter((p) => childIds.has(p.id))
        .map(async (p) => ({
          personId: p.id,
          name: p.name,
          ...(await seatLink(p)),
          advanceConsent: advance.get(p.id) ?? [],
        })),
    );
  }
  const own = mine ? await seatLink(mine) : { joinUrl: null, refusal: null };
  const mayReadChatLog = can(
    actor,
    'session.read_chat',
    chatLogReaders(everyone, session.ownerUserId, policy),
  );
  // Whether a whiteboard was kept with it: said only to those who may read it.
  const hasSavedBoard =
    mayReadChatLog &&
    (await deps.db
      .selectFrom('session_boards')
      .select('session_id')
      .where('session_id', '=', session.id)
      .where('saved_at', 'is not', null)
      .executeTakeFirst()) !== undefined;
  // Talk time, where it was measured, by the rule the insights route reads it with (it checks again).
  const mayReadTalkTime =
    (await talkTimeObserved(deps.db, session.id)) &&
    can(
      actor,
      'insights.read',
      (await talkTimeReaders(deps.db, everyone, session.ownerUserId, policy)).resource,
    );
  return {
    sessionId: session.id,
    title: session.title,
    createdAt: session.createdAt,
    time,
    role: mine?.role ?? null,
    ...own,
    children,
    people: everyone.map((p) => ({ name: p.name, role: p.role })),
    mayReadChatLog,
    hasSavedBoard,
    mayReadTalkTime,
    ...(guardianPresence?.length ? { guardianPresence } : {}),
  };
}
