/**
 * Closing a report: the outcome and corrective actions are recorded, with who closed it and when, and
 * audited in the same transaction. The reporter is told it was handled (their requests page shows it;
 * a mail goes to their account's address when mail is on), never what was found. Once no open report
 * holds the session, its recordings are due again: the next sweep destroys those past their retention.
 */
import type { CloseConcernBody } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../../audit/audit-log';
import type { Db } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { Mailer, OutgoingMail } from '../../mail/mailer';
import type { Actor } from '../../people/actor';

export interface CloseDeps {
  db: Db;
  now: () => Date;
  mailer: Mailer;
  logger: Logger;
}

interface Closed {
  sessionTitle: string;
  reporterEmail: string | null;
}

/** Closes the open report `id`; 404 when there is none, 409 `already_decided` when it was closed before. */
export async function closeReport(
  deps: CloseDeps,
  actor: Actor,
  id: string,
  body: CloseConcernBody,
): Promise<void> {
  const at = deps.now();
  const closed = await deps.db.transaction().execute(async (trx): Promise<Closed> => {
    const report = await trx
      .selectFrom('concern_reports')
      .innerJoin('sessions', 'sessions.id', 'concern_reports.session_id')
      .leftJoin('users', 'users.id', 'concern_reports.reporter_user_id')
      .select([
        'concern_reports.status',
        'concern_reports.session_id',
        'sessions.title',
        'users.email as reporter_email',
      ])
      .where('concern_reports.id', '=', id)
      .executeTakeFirst();
    if (!report) throw new AppError(404, 'not_found', 'There is no such report.');
    const changed = await trx
      .updateTable('concern_reports')
      .set({
        status: 'closed',
        closed_at: at.toISOString(),
        closed_by_user_id: actor.userId,
        outcome: body.outcome,
        corrective_actions: body.correctiveActions,
        // The reporter's requests page says so from now on.
        reporter_told_at: at.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new AppError(409, 'already_decided', 'This report has already been closed.');
    const stillHeld = await trx
      .selectFrom('concern_reports')
      .select('id')
      .where('session_id', '=', report.session_id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    await appendAudit(trx, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'concern.close',
      target: { type: 'concern_report', id },
      detail: {
        sessionId: report.session_id,
        correctiveActions: body.correctiveActions.length > 0,
        sessionStillHeld: stillHeld !== undefined,
      },
      at,
    });
    return { sessionTitle: report.title, reporterEmail: report.reporter_email };
  });
  await tellReporter(deps, id, closed);
}

export function reportHandledMail(to: string, sessionTitle: string): OutgoingMail {
  return {
    to,
    subject: `Your report about ${sessionTitle} was handled`,
    text: `Your report about ${sessionTitle} was handled

Thank you for telling us. The safeguarding team has looked into your report about the session "${sessionTitle}" and has now closed it.

You can see your reports on the "Your requests" page after signing in. If you are still worried, you can report again at any time.`,
  };
}

/** Mail is a courtesy on top of the requests page: a failure is logged and never undoes the closing. */
async function tellReporter(deps: CloseDeps, id: string, closed: Closed): Promise<void> {
  if (!closed.reporterEmail || !deps.mailer.enabled) return;
  try {
    await deps.mailer.send(reportHandledMail(closed.reporterEmail, closed.sessionTitle));
  } catch (err) {
    deps.logger.warn({ err, reportId: id }, 'report-handled mail could not be sent');
  }
}
