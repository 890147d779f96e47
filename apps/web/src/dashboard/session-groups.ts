/**
 * "Your sessions" by when, on the viewer's own calendar: upcoming today, this week (to Sunday) and
 * later, next first; sessions without a set time (Join always open); and past ones, latest first. A
 * session stays upcoming until its Join closes (the end plus the policy's grace), so a late joiner still
 * finds it.
 */
import type { MySession, SessionTime } from '@assent/shared';
import { addDays, wallClock, weekdayIndex } from '../sessions/zoned-time';

export type SessionGroupName = 'Today' | 'This week' | 'Later' | 'Without a set time' | 'Past';

export interface SessionGroup {
  name: SessionGroupName;
  sessions: MySession[];
}

const order: SessionGroupName[] = ['Today', 'This week', 'Later', 'Without a set time', 'Past'];

const startOf = (s: MySession) => Date.parse(s.time?.startsAt ?? s.createdAt);

/** The groups that have sessions, in page order. */
export function groupSessions(sessions: readonly MySession[], now: Date, zone: string): SessionGroup[] {
  const today = wallClock(now, zone).date;
  const sunday = addDays(today, 6 - weekdayIndex(today));
  const groups = new Map<SessionGroupName, MySession[]>(order.map((name) => [name, []]));
  for (const session of sessions) {
    groups.get(groupOf(session, now, zone, today, sunday))?.push(session);
  }
  const byStart = (a: MySession, b: MySession) => startOf(a) - startOf(b);
  return order
    .map((name) => {
      const list = groups.get(name) ?? [];
      // Sessions without a time keep the server's order (newest first), past ones latest first.
      if (name === 'Past') list.sort((a, b) => byStart(b, a));
      else if (name !== 'Without a set time') list.sort(byStart);
      return { name, sessions: list };
    })
    .filter((group) => group.sessions.length > 0);
}

function groupOf(session: MySession, now: Date, zone: string, today: string, sunday: string) {
  const time = session.time;
  if (!time) return 'Without a set time';
  if (Date.parse(time.joinClosesAt) <= now.getTime()) return 'Past';
  const day = wallClock(time.startsAt, zone).date;
  if (day <= today) return 'Today';
  return day <= sunday ? 'This week' : 'Later';
}

export type JoinWindow = 'open' | 'not_yet' | 'closed' | 'cancelled';

/** Whether Join is open now: always without a set time; otherwise between the window's ends. */
export function joinWindow(time: SessionTime | null | undefined, now: Date): JoinWindow {
  if (!time) return 'open';
  if (time.cancelledAt) return 'cancelled';
  if (now.getTime() < Date.parse(time.joinOpensAt)) return 'not_yet';
  return now.getTime() < Date.parse(time.joinClosesAt) ? 'open' : 'closed';
}

/**
 * The next instant anything on the page changes by itself: a Join opening or closing, or midnight
 * moving sessions from "This week" to "Today". Null when nothing will.
 */
export function nextChange(sessions: readonly MySession[], now: Date, zone: string): Date | null {
  const times = sessions.flatMap((s) =>
    s.time && !s.time.cancelledAt ? [Date.parse(s.time.joinOpensAt), Date.parse(s.time.joinClosesAt)] : [],
  );
  if (times.length === 0) return null;
  times.push(nextMidnight(now, zone));
  const later = times.filter((t) => t > now.getTime());
  return later.length === 0 ? null : new Date(Math.min(...later));
}

/** The first instant of tomorrow in `zone` (found by stepping, so a daylight-saving day is right). */
function nextMidnight(now: Date, zone: string): number {
  const today = wallClock(now, zone).date;
  // At most 26 hours ahead; step by quarter hours from the next whole one to find where the date turns.
  let t = Math.ceil(now.getTime() / 900_000) * 900_000;
  while (wallClock(new Date(t), zone).date === today) t += 900_000;
  return t;
}
