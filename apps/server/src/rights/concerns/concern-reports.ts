/**
 * Receiving a concern or safeguarding report, from the call (the invite proves the seat) or afterwards
 * (a signed-in attendee, or the guardian of a child who attended). The report and its audit entry are
 * written in one transaction; from then on the session's recordings are on hold. Nothing is told to
 * the room: the others in the call never learn that anyone reported, let alone who.
 */
import { randomBytes } from 'node:crypto';
import type { ConcernReceipt, ConcernReportBody } from '@assent/shared';
import { appendAudit } from '../../audit/audit-log';
import { findChatMessage } from '../../chat/chat-repository';
import type { Db, DbOrTrx } from '../../db/database';
import { AppError } from '../../http/app-error';
import { attendedUserIds, attendeeGuardianUserIds } from '../../vault/recording-access';

/** Unguessable, and says nothing about the session or the reporter. */
export const newConcernReportId = () => `rpt_${randomBytes(16).toString('base64url')}`;

export interface ConcernReporter {
  sessionId: string;
  /** The reporter's account, when they have one. */
  userId: string | null;
  /** Their seat in the session, when they have one. */
  personId: string | null;
  name: string;
  /** Their role in the session, or their account's role when they had no seat. */
  role: string;
}

export async function receiveConcern(
  deps: { db: Db; now: () => Date },
  reporter: ConcernReporter,
  body: ConcernReportBody,
  duringCall: boolean,
): Promise<ConcernReceipt> {
  const at = deps.now();
  const id = newConcernReportId();
  await deps.db.transaction().execute(async (trx) => {
    // A report about a chat message names one of this session's messages, or none.
    if (body.chatMessageId && !(await findChatMessage(trx, reporter.sessionId, body.chatMessageId))) {
      throw new AppError(404, 'not_found', 'There is no such message in this session.');
    }
    await trx
      .insertInto('concern_reports')
      .values({
        id,
        session_id: reporter.sessionId,
        reporter_user_id: reporter.userId,
        reporter_person_id: reporter.personId,
        reporter_name: reporter.name,
        reporter_role: reporter.role,
        category: body.category,
        description: body.description,
        during_call: duringCall ? 1 : 0,
        status: 'open',
        created_at: at.toISOString(),
        closed_at: null,
        closed_by_user_id: null,
        outcome: null,
        corrective_actions: null,
        reporter_told_at: null,
        chat_message_id: body.chatMessageId ?? null,
      })
      .execute();
    // The description stays in the report, where only the safeguarding staff read it.
    await appendAudit(trx, {
      actor: { userId: reporter.userId, role: reporter.role },
      action: 'concern.report',
      target: { type: 'concern_report', id },
      detail: {
        sessionId: reporter.sessionId,
        duringCall,
        category: body.category,
        ...(body.chatMessageId ? { chatMessageId: body.chatMessageId } : {}),
      },
      at,
    });
  });
  return { id, receivedAt: at.toISOString() };
}

/** Accounts LiveKit saw in the session's call, and the guardians of students it saw (a child tells a parent). */
export async function presentUserIds(db: DbOrTrx, sessionId: string): Promise<string[]> {
  const seen = await attendedUserIds(db, sessionId);
  const guardians = await attendeeGuardianUserIds(db, sessionId);
  return [...new Set([...seen, ...guardians])];
}

/** The caller's seat in the session, if they have one: reports say who reported in the session's terms. */
export async function seatOf(db: DbOrTrx, sessionId: string, userId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'role'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .orderBy('position')
    .executeTakeFirst();
}
