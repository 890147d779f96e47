/**
 * A fresh install has no administrator: each start prints a one-time link to create the first one
 * (replacing any earlier unused link), until an administrator exists.
 */
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { deleteUnusedFirstRunInvitations, insertInvitation } from '../people/invitation-repository';
import { hashLinkToken, newLinkToken } from '../people/link-tokens';
import { adminExists } from '../people/user-repository';
import { welcomeLink } from './invitations';

/** Returns the link printed, or undefined when an administrator already exists. */
export async function announceFirstRun(deps: { db: Db; config: Config; logger: Logger; now: () => Date }) {
  const { db, config, now } = deps;
  if (await adminExists(db)) {
    // The runner (`npm start`) reads this to know it may send people straight to the app.
    deps.logger.info({ firstRun: 'administrator_exists' }, 'An administrator exists; no first-run link');
    return undefined;
  }
  const token = newLinkToken();
  const at = now();
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await deleteUnusedFirstRunInvitations(trx);
    await insertInvitation(
      trx,
      {
        id,
        kind: 'first_run',
        email: null,
        role: 'admin',
        invitedByUserId: null,
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + config.auth.linkTtlHours * 3600_000).toISOString(),
        usedAt: null,
        studentId: null,
      },
      hashLinkToken(token),
    );
    await appendAudit(trx, {
      actor: { userId: null, role: null },
      action: 'invitation.create',
      target: { type: 'invitation', id },
      detail: { kind: 'first_run', role: 'admin' },
      at,
    });
  });
  const link = welcomeLink(config, token);
  deps.logger.warn(
    { firstRunLink: link },
    `No administrator yet. Create the first one here (works once): ${link}`,
  );
  return link;
}
