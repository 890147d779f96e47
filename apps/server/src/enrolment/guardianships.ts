/**
 * Making someone a child's guardian. Every guardianship is made here, so that the guardian is also
 * seated, in the same transaction, in the child's sessions (sessions/guardian-seats.ts): a parent who
 * joins the family after a session was made can still attend it and consent for their child. Each
 * session a guardian is seated in gets its own audit entry.
 */
import { appendAudit } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import { insertGuardianships } from '../people/family-repository';
import { seatGuardianInChildrensSessions } from '../sessions/guardian-seats';

export async function becomeGuardian(
  trx: DbOrTrx,
  guardian: { userId: string; name: string },
  studentIds: readonly string[],
  at: Date,
): Promise<void> {
  if (studentIds.length === 0) return;
  const when = at.toISOString();
  await insertGuardianships(trx, guardian.userId, studentIds, when);
  const seated = await seatGuardianInChildrensSessions(trx, guardian, studentIds, when);
  for (const seat of seated) {
    await appendAudit(trx, {
      actor: { userId: guardian.userId, role: 'guardian' },
      action: 'session.guardian_seated',
      target: { type: 'session', id: seat.sessionId },
      detail: {
        guardianUserId: guardian.userId,
        personId: seat.personId,
        newSeat: seat.newSeat,
        studentPersonIds: seat.studentPersonIds,
      },
      at,
    });
  }
}
