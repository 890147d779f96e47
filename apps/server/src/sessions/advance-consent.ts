/**
 * Guardian consent in advance (consent rule 3, where the organisation's policy allows it): a guardian
 * with a seat in a session consents, for their child's seat, to recording for some purposes before the
 * call. Kept append-only (the latest row per child counts; an empty list withdraws it), audited, and
 * handed to the consent machine, which counts it in place of the guardian's in-call answer for a
 * request with one of those purposes made under a policy that allows advance consent.
 */

import { randomUUID } from 'node:crypto';
import type { AdvanceConsentRequest, AdvanceConsentResponse } from '@assent/shared';
import { appendAudit, auditDenied } from '../audit/audit-log';
import type { ConsentService } from '../consent/consent-service';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import { findPurpose } from '../policy/purposes';

/** The latest advance consent for each child seat of a session (purposes; empty when withdrawn). */
export async function advanceConsentsIn(db: DbOrTrx, sessionId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('advance_consents')
    .select(['student_person_id', 'purposes'])
    .where('session_id', '=', sessionId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.student_person_id, JSON.parse(r.purposes) as string[]]));
}

export async function giveAdvanceConsent(
  deps: { db: Db; consent: ConsentService; now: () => Date },
  actor: Actor,
  sessionId: string,
  input: AdvanceConsentRequest,
): Promise<AdvanceConsentResponse> {
  const { db, consent } = deps;
  // The caller's guardian seat in this session, linked to that child's seat.
  const link = await db
    .selectFrom('guardian_links')
    .innerJoin('people', 'people.id', 'guardian_links.guardian_person_id')
    .select(['guardian_links.guardian_person_id'])
    .where('guardian_links.session_id', '=', sessionId)
    .where('guardian_links.student_person_id', '=', input.studentPersonId)
    .where('people.user_id', '=', actor.userId)
    .where('people.role', '=', 'guardian')
    .executeTakeFirst();
  if (!link) {
    await auditDenied(db, {
      actor,
      action: 'session.advance_consent',
      target: { type: 'session', id: sessionId },
      detail: { studentPersonId: input.studentPersonId },
      at: deps.now(),
    });
    throw new AppError(403, 'forbidden', 'Only a guardian of this child in this session may do this.');
  }
  const policy = await consent.policies.current();
  if (!policy.policy.advanceGuardianConsent) {
    throw new AppError(
      409,
      'advance_consent_not_allowed',
      "Your organisation's policy asks guardians to consent in the call, not in advance.",
    );
  }
  const unknown = input.purposes.filter((p) => !findPurpose(policy, p));
  if (unknown.length > 0) {
    throw new AppError(400, 'purpose_not_allowed', `Not a purpose the policy allows: ${unknown.join(', ')}`);
  }
  const purposes = [...new Set(input.purposes)].sort();
  const at = deps.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('advance_consents')
      .values({
        id: randomUUID(),
        session_id: sessionId,
        student_person_id: input.studentPersonId,
        guardian_person_id: link.guardian_person_id,
        guardian_user_id: actor.userId,
        purposes: JSON.stringify(purposes),
        policy_version: policy.version,
        at: at.toISOString(),
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'session.advance_consent',
      target: { type: 'session', id: sessionId },
      detail: { studentPersonId: input.studentPersonId, purposes, policyVersion: policy.version },
      at,
    });
  });
  // Committed; the machine learns it (a withdrawal of it stops a recording that relied on it).
  await consent.apply(sessionId, {
    type: 'advance_consent_changed',
    studentPersonId: input.studentPersonId,
    purposes,
  });
  return { purposes, at: at.toISOString() };
}
