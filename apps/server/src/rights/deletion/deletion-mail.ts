/**
 * Telling a requester how their deletion request was decided, by mail when they have an account with an
 * email. Their requests page shows the decision either way, so a mail that cannot be sent is logged and
 * never undoes the decision.
 */
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { Mailer, OutgoingMail } from '../../mail/mailer';
import type { DeletionRequestsTable } from '../../vault/vault-tables';

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function deletionDecisionMail(
  to: string,
  request: DeletionRequestsTable,
  sessionTitle: string,
  requestsUrl: string,
): OutgoingMail {
  const approved = request.status === 'approved';
  const asked = longDate.format(new Date(request.created_at));
  const decided = longDate.format(new Date(request.decided_at ?? request.created_at));
  const one = request.recording_id !== null;
  const what = one
    ? `a recording of "${sessionTitle}"`
    : `the recordings of "${sessionTitle}" made before you asked`;
  return {
    to,
    subject: approved ? 'Your deletion request was approved' : 'Your deletion request was refused',
    text: [
      `Hello ${request.requester_name},`,
      '',
      `On ${asked} you asked for ${what} to be deleted early.`,
      approved
        ? `An administrator approved your request on ${decided}, and ${one ? 'the recording was' : 'the recordings were'} deleted.`
        : `An administrator decided on ${decided} not to delete ${one ? 'it' : 'them'}.`,
      '',
      `Their reason: ${request.decision_reason ?? ''}`,
      '',
      'You can see your requests and their answers here:',
      requestsUrl,
    ].join('\n'),
  };
}

/** Mails the requester if they have an account with an email; true when a message went out. */
export async function tellRequester(
  deps: { db: Db; mailer: Mailer; logger: Logger; config: Pick<Config, 'publicUrl'> },
  request: DeletionRequestsTable,
): Promise<boolean> {
  if (!deps.mailer.enabled) return false;
  try {
    const account = await deps.db
      .selectFrom('users')
      .select('email')
      .where((eb) =>
        eb.or([
          eb('id', '=', request.requester_user_id ?? ''),
          eb(
            'id',
            '=',
            eb
              .selectFrom('people')
              .select('user_id')
              .where('id', '=', request.requester_person_id ?? ''),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!account?.email) return false;
    const session = await deps.db
      .selectFrom('sessions')
      .select('title')
      .where('id', '=', request.session_id)
      .executeTakeFirst();
    return await deps.mailer.send(
      deletionDecisionMail(account.email, request, session?.title ?? '', `${deps.config.publicUrl}/requests`),
    );
  } catch (err) {
    deps.logger.warn({ err, requestId: request.id }, 'deletion decision mail could not be sent');
    return false;
  }
}
