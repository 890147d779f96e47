/** Invitations (first administrator, staff, family enrolments). Rows become domain objects here only. */
import type { AccountRole } from '@assent/shared';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { InvitationKind, InvitationsTable } from './people-tables';

export interface Invitation {
  id: string;
  kind: InvitationKind;
  email: string | null;
  role: AccountRole;
  invitedByUserId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /**
   * `student` invitations: the enrolled student the sign-in is for; a `family` invitation for a further
   * guardian: the enrolled child they will be guardian of.
   */
  studentId: string | null;
  /** When an admin withdrew it; a withdrawn link no longer works. */
  revokedAt?: string | null;
}

const toInvitation = (row: Selectable<InvitationsTable>): Invitation => ({
  id: row.id,
  kind: row.kind,
  email: row.email,
  role: row.role,
  invitedByUserId: row.invited_by_user_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  studentId: row.student_id,
  revokedAt: row.revoked_at,
});

export async function insertInvitation(
  db: DbOrTrx,
  invitation: Invitation,
  tokenHash: string,
): Promise<void> {
  await db
    .insertInto('invitations')
    .values({
      id: invitation.id,
      kind: invitation.kind,
      token_hash: tokenHash,
      email: invitation.email,
      role: invitation.role,
      invited_by_user_id: invitation.invitedByUserId,
      created_at: invitation.createdAt,
      expires_at: invitation.expiresAt,
      used_at: null,
      used_by_user_id: null,
      student_id: invitation.studentId,
    })
    .execute();
}

export async function findInvitationByTokenHash(
  db: DbOrTrx,
  tokenHash: string,
): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** Marks the invitation used unless it already is; false means someone used it first. */
export async function markInvitationUsed(
  db: DbOrTrx,
  id: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ used_at: at, used_by_user_id: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listPendingInvitations(db: DbOrTrx, now: string): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('kind', '!=', 'first_run')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

/** Unused first-run links; a new start replaces them, so only the latest printed link works. */
export async function deleteUnusedFirstRunInvitations(db: DbOrTrx): Promise<void> {
  await db.deleteFrom('invitations').where('kind', '=', 'first_run').where('used_at', 'is', null).execute();
}
