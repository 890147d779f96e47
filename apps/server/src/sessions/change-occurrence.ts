/**
 * Moving or cancelling one scheduled occurrence (a single scheduled session, or one of a series: the
 * rest of the series stays as it was). Either raises the occurrence's calendar sequence, so the
 * calendar mail carries a higher SEQUENCE, and is audited in the same transaction. Refused (409) for a
 * session without a time, one that has ended or is cancelled; a move into the past is refused (400).
 * Cancelling while people are in the call is refused too (409 `call_in_progress`): the tutor ends the
 * call for everyone first, so nobody is left in a call the calendars say is not happening.
 */
import type { CancelOccurrenceResponse, MoveOccurrenceRequest, MoveOccurrenceResponse } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { queueCalendarChange } from '../calendar/calendar-queue';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import { planOccurrences } from './recurrence';
import { findOverlaps, findSessionTime, type SessionTimeRow } from './schedule-repository';

interface Deps {
  db: Db;
  now: () => Date;
}

const minuteMs = 60 * 1000;

/** The occurrence, if it may still be changed at `now`. */
async function changeable(
  db: DbOrTrx,
  sessionId: string,
  now: Date,
): Promise<SessionTimeRow & { startsAt: string; durationMinutes: number }> {
  const row = await findSessionTime(db, sessionId);
  if (!row) throw new AppError(404, 'not_found', 'There is no such session.');
  if (row.startsAt === null || row.durationMinutes === null) {
    throw new AppError(
      409,
      'not_scheduled',
      'This session has no time to move or cancel: it was made to start at once.',
    );
  }
  if (row.cancelledAt !== null) {
    throw new AppError(409, 'session_cancelled', 'This session is already cancelled.', undefined, {
      cancelledAt: row.cancelledAt,
    });
  }
  const endsAt = Date.parse(row.startsAt) + row.durationMinutes * minuteMs;
  if (endsAt <= now.getTime()) {
    throw new AppError(409, 'session_ended', 'This session has already ended.', undefined, {
      endedAt: new Date(endsAt).toISOString(),
    });
  }
  return { ...row, startsAt: row.startsAt, durationMinutes: row.durationMinutes };
}

/** Moves one occurrence to another time (and duration); the tutor is warned of overlaps. */
export async function moveOccurrence(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: MoveOccurrenceRequest,
): Promise<MoveOccurrenceResponse> {
  const at = deps.now();
  const before = await changeable(deps.db, sessionId, at);
  const durationMinutes = input.durationMinutes ?? before.durationMinutes;
  const [moved] = planOccurrences(
    { startsAt: input.startsAt, durationMinutes, timeZone: input.timeZone },
    at,
    '',
  ).occurrences;
  if (!moved) throw new Error('a single occurrence always plans one');
  const startsAt = moved.startsAt.toISOString();
  const sequence = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sessions')
      .set((eb) => ({
        starts_at: startsAt,
        duration_minutes: durationMinutes,
        time_zone: input.timeZone,
        calendar_sequence: eb('calendar_sequence', '+', 1),
      }))
      .where('id', '=', sessionId)
      .where('cancelled_at', 'is', null)
      .where('starts_at', '=', before.startsAt)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(409, 'conflict', 'This session was changed at the same time. Look at it again.');
    }
    const next = before.calendarSequence + 1;
    await appendAudit(trx, {
      actor,
      action: 'session.reschedule',
      target: { type: 'session', id: sessionId },
      detail: {
        seriesId: before.seriesId,
        from: before.startsAt,
        to: startsAt,
        durationMinutes,
        timeZone: input.timeZone,
        sequence: next,
      },
      at,
    });
    // The update (same UID, the new SEQUENCE) to everyone in it; its reminders planned for the new time.
    await queueCalendarChange(trx, { kind: 'update', sessionIds: [sessionId] }, at);
    return next;
  });
  const overlaps = before.ownerUserId
    ? await findOverlaps(deps.db, before.ownerUserId, [moved], [sessionId])
    : [];
  return {
    occurrence: { sessionId, startsAt, endsAt: moved.endsAt.toISOString() },
    sequence,
    overlaps,
  };
}

/** Cancels one occurrence; its join links stop working (410) and nobody is reminded of it. */
export async function cancelOccurrence(
  deps: Deps & { callIsLive: (sessionId: string) => Promise<boolean> },
  actor: Actor,
  sessionId: string,
): Promise<CancelOccurrenceResponse> {
  const at = deps.now();
  const before = await changeable(deps.db, sessionId, at);
  if (await deps.callIsLive(sessionId)) {
    throw new AppError(
      409,
      'call_in_progress',
      'People are in this session’s call now. End the call for everyone first, then cancel it.',
    );
  }
  const cancelledAt = at.toISOString();
  const sequence = before.calendarSequence + 1;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sessions')
      .set((eb) => ({ cancelled_at: cancelledAt, calendar_sequence: eb('calendar_sequence', '+', 1) }))
      .where('id', '=', sessionId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(409, 'session_cancelled', 'This session is already cancelled.');
    }
    // A series with every occurrence cancelled is cancelled as a whole.
    if (before.seriesId) {
      const left = await trx
        .selectFrom('sessions')
        .select('id')
        .where('series_id', '=', before.seriesId)
        .where('cancelled_at', 'is', null)
        .executeTakeFirst();
      if (!left) {
        await trx
          .updateTable('session_series')
          .set({ cancelled_at: cancelledAt })
          .where('id', '=', before.seriesId)
          .execute();
      }
    }
    await appendAudit(trx, {
      actor,
      action: 'session.cancel',
      target: { type: 'session', id: sessionId },
      detail: { seriesId: before.seriesId, startsAt: before.startsAt, sequence },
      at,
    });
    // The cancellation (METHOD:CANCEL) to everyone in it; its unsent reminders dropped.
    await queueCalendarChange(trx, { kind: 'cancel', sessionIds: [sessionId] }, at);
  });
  return { sessionId, cancelledAt, sequence };
}
