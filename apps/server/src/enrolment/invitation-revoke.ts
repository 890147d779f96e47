/** An administrator withdraws an invitation before it is used: its link stops working at once. */
import type { InvitationRevoked } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';

export async function revokeInvitation(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  invitationId: string,
  reason: string,
): Promise<InvitationRevoked> {
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('invitations')
      .select(['id', 'kind', 'role', 'email', 'used_at', 'revoked_at'])
      .where('id', '=', invitationId)
      .where('kind', '!=', 'first_run')
      .executeTakeFirst();
    if (!invitation) throw new AppError(404, 'not_found', 'There is no such invitation.');
    if (invitation.used_at) throw new AppError(409, 'link_used', 'This invitation has already been used.');
    if (invitation.revoked_at) throw new AppError(409, 'conflict', 'This invitation is already withdrawn.');
    // Guarded on both, so an acceptance racing this one either wins or finds the link withdrawn.
    const updated = await trx
      .updateTable('invitations')
      .set({ revoked_at: at })
      .where('id', '=', invitationId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(409, 'link_used', 'This invitation has already been used.');
    }
    await appendAudit(trx, {
      actor,
      action: 'invitation.revoke',
      target: { type: 'invitation', id: invitationId },
      detail: { reason, kind: invitation.kind, role: invitation.role, email: invitation.email },
      at: new Date(at),
    });
    return { invitationId, revokedAt: at };
  });
}
