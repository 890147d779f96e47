/**
 * The one way scheduling tells people: `queueCalendarChange` writes durable calendar jobs in the caller's
 * transaction (so a session that is created, moved or cancelled and its mail commit together, or neither
 * does), and the calendar worker sends them. Each occurrence's people with an account are told: the
 * tutor, each guardian seated for their own children, and a student who signs in themselves. Guests
 * have no account and no address, and observers are not invited: they get nothing.
 *
 * - invite: an invitation per person, and that person's reminders.
 * - update (a move): an update per person (unless their invitation is still waiting, which then carries
 *   the new time), any waiting update replaced; the unsent reminders are planned again for the new start.
 * - cancel: a cancellation per person; waiting invitations, updates and reminders are dropped.
 *
 * Each mail's content is read when it is sent, so it always says what is true then.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import { currentPolicy } from '../policy/policy-repository';
import type { CalendarJobKind, CalendarJobsTable } from './calendar-tables';

export interface CalendarChange {
  kind: 'invite' | 'update' | 'cancel';
  sessionIds: string[];
}

/** Used when no policy version exists yet (a database before its first start). */
const defaultReminderLeads = [1440, 15];

interface Occurrence {
  id: string;
  startsAt: string | null;
  durationMinutes: number;
  cancelledAt: string | null;
  sequence: number;
}

const newJobId = () => `cal_${randomUUID()}`;

/** The people of each session who get calendar mail: account holders, not observers, not disabled. */
export async function calendarRecipients(
  db: DbOrTrx,
  sessionIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return byId;
  const seats = await db
    .selectFrom('people')
    .innerJoin('users', 'users.id', 'people.user_id')
    .select(['people.session_id', 'users.id as user_id'])
    .where('people.session_id', 'in', sessionIds)
    .where('people.role', 'in', ['tutor', 'student', 'guardian'])
    .where('users.disabled_at', 'is', null)
    .orderBy('people.position')
    .execute();
  const owners = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.owner_user_id')
    .select(['sessions.id as session_id', 'users.id as user_id'])
    .where('sessions.id', 'in', sessionIds)
    .where('users.disabled_at', 'is', null)
    .execute();
  for (const row of [...owners, ...seats]) {
    const list = byId.get(row.session_id);
    if (list && !list.includes(row.user_id)) list.push(row.user_id);
  }
  return byId;
}

export async function queueCalendarChange(trx: DbOrTrx, change: CalendarChange, at: Date): Promise<void> {
  const ids = [...new Set(change.sessionIds)];
  if (ids.length === 0) return;
  const occurrences: Occurrence[] = (
    await trx
      .selectFrom('sessions')
      .select(['id', 'starts_at', 'duration_minutes', 'cancelled_at', 'calendar_sequence'])
      .where('id', 'in', ids)
      .execute()
  ).map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes ?? 0,
    cancelledAt: r.cancelled_at,
    sequence: Number(r.calendar_sequence),
  }));
  // A session without a time has no calendar entry and nothing to remind of; one that is over is
  // neither invited to nor moved (a cancellation is refused for it before this is called).
  const scheduled = occurrences.filter(
    (o) =>
      o.startsAt !== null &&
      (change.kind === 'cancel' ||
        new Date(o.startsAt).getTime() + o.durationMinutes * 60_000 > at.getTime()),
  );
  if (scheduled.length === 0) return;
  const recipients = await calendarRecipients(
    trx,
    scheduled.map((o) => o.id),
  );
  const now = at.toISOString();
  const scheduledIds = scheduled.map((o) => o.id);

  // Reminders not yet sent (nor being sent) are planned afresh on every change, or dropped.
  await trx
    .deleteFrom('calendar_jobs')
    .where('session_id', 'in', scheduledIds)
    .where('kind', '=', 'reminder')
    .where('sent_at', 'is', null)
    .where('skipped_at', 'is', null)
    .where('claimed_at', 'is', null)
    .execute();

  if (change.kind === 'cancel') {
    await skipWaiting(trx, scheduledIds, ['invite', 'update'], 'cancelled before it was sent', now);
  }
  if (change.kind === 'update') {
    await skipWaiting(trx, scheduledIds, ['update'], 'replaced by a later change', now);
  }
  const waitingInvites = new Set(
    change.kind === 'update'
      ? (
          await trx
            .selectFrom('calendar_jobs')
            .select(['session_id', 'recipient_user_id'])
            .where('session_id', 'in', scheduledIds)
            .where('kind', '=', 'invite')
            .where('sent_at', 'is', null)
            .where('skipped_at', 'is', null)
            .where('claimed_at', 'is', null)
            .execute()
        ).map((r) => `${r.session_id} ${r.recipient_user_id}`)
      : [],
  );

  const leads =
    change.kind === 'cancel'
      ? []
      : ((await currentPolicy(trx))?.policy.reminderLeadMinutes ?? defaultReminderLeads);
  const jobs: Insertable<CalendarJobsTable>[] = [];
  for (const o of scheduled) {
    const startsAt = o.startsAt as string;
    for (const userId of recipients.get(o.id) ?? []) {
      const mail = (kind: CalendarJobKind, key: string) =>
        jobs.push({
          id: newJobId(),
          kind,
          session_id: o.id,
          recipient_user_id: userId,
          lead_minutes: null,
          planned_start: null,
          due_at: now,
          dedupe_key: key,
          created_at: now,
        });
      if (change.kind === 'cancel') {
        mail('cancel', `cancel:${o.id}:${userId}`);
        continue;
      }
      if (o.cancelledAt !== null) continue;
      if (change.kind === 'invite') mail('invite', `invite:${o.id}:${userId}`);
      else if (!waitingInvites.has(`${o.id} ${userId}`)) {
        mail('update', `update:${o.id}:${userId}:${o.sequence}`);
      }
      const start = new Date(startsAt).getTime();
      for (const lead of leads) {
        const due = new Date(start - lead * 60_000);
        // A lead already past when planned is skipped: a day's reminder is not sent an hour before.
        if (due.getTime() <= at.getTime()) continue;
        jobs.push({
          id: newJobId(),
          kind: 'reminder',
          session_id: o.id,
          recipient_user_id: userId,
          lead_minutes: lead,
          planned_start: startsAt,
          due_at: due.toISOString(),
          // The same reminder for the same start is sent once, however often it is planned.
          dedupe_key: `reminder:${o.id}:${userId}:${lead}:${startsAt}`,
          created_at: now,
        });
      }
    }
  }
  for (let i = 0; i < jobs.length; i += 100) {
    await trx
      .insertInto('calendar_jobs')
      .values(jobs.slice(i, i + 100))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/** Marks mail that is still waiting (not claimed by a worker) as done without sending it. */
async function skipWaiting(
  trx: DbOrTrx,
  sessionIds: readonly string[],
  kinds: CalendarJobKind[],
  reason: string,
  now: string,
): Promise<void> {
  await trx
    .updateTable('calendar_jobs')
    .set({ skipped_at: now, last_error: reason })
    .where('session_id', 'in', sessionIds)
    .where('kind', 'in', kinds)
    .where('sent_at', 'is', null)
    .where('skipped_at', 'is', null)
    .where('claimed_at', 'is', null)
    .execute();
}
