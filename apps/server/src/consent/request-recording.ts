/**
 * The tutor asks everyone in the call to consent to recording for one of the organisation's purposes
 * (rule 1). Refused, with nothing written, when the caller's seat is not the tutor's, the purpose is not
 * allowed, someone said no within the policy's cool-down, or a student in the session has a standing
 * "do not record". The request cites the policy version in force, so its prompt and every answer's log
 * entry keep its terms.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { call, can, seatActor } from '../people/can';
import { findPurpose } from '../policy/purposes';
import { doNotRecordIn, recordingRefusal } from '../policy/recording-preferences';
import { refuseDuringCooldown } from '../policy/request-cooldown';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import type { StoredConsent } from './consent-repository';
import type { ConsentService } from './consent-service';
import { honourDoNotRecord } from './honour-do-not-record';

export interface RequestRecordingDeps {
  db: Db;
  consent: ConsentService;
  now: () => Date;
}

export interface RecordingAsk {
  purpose: string;
  /** The client's id for this command: the same id again is the same request, applied once. */
  clientRequestId: string;
  userAgent: string | null;
}

/** Makes the request; answers the stored state with it (or as it was, for a repeated command). */
export async function requestRecording(
  deps: RequestRecordingDeps,
  { person, session }: ResolvedInvite,
  { purpose, clientRequestId, userAgent }: RecordingAsk,
): Promise<StoredConsent> {
  if (!can(seatActor(person), 'call.request_recording', call)) {
    throw new AppError(403, 'forbidden', 'Only the tutor can request recording.');
  }
  const { consent, db } = deps;
  const policy = await consent.policies.current();
  if (!findPurpose(policy, purpose)) {
    throw new AppError(400, 'purpose_not_allowed', 'That purpose is not one the organisation allows.');
  }
  // Asking again straight after a no is refused until the policy's cool-down has passed.
  await refuseDuringCooldown(db, session.id, policy, deps.now());
  // A standing "do not record" is refused before anything is written: nobody is asked.
  const refusal = await recordingRefusal(db, session.id);
  if (refusal) throw new AppError(409, 'recording_refused_by_preference', refusal);
  const request = {
    requestId: `req_${randomBytes(12).toString('base64url')}`,
    purpose,
    noticeVersion: policy.noticeVersion,
  };
  const applied = await consent.apply(
    session.id,
    { type: 'request', requestedBy: person.id, ...request },
    {
      idempotencyKey: {
        personId: person.id,
        clientRequestId,
        sameCommand: (previous) => previous.kind === 'request',
      },
      decide: () => ({
        personId: person.id,
        personName: person.name,
        role: person.role,
        kind: 'request',
        ...request,
        clientRequestId,
        userAgent,
      }),
    },
  );
  // A "do not record" committed between the check above and this request missed it (its own pass ran
  // before the request existed): honour it now, as that pass would have.
  const lateWishes = applied.written ? await doNotRecordIn(db, session.id) : [];
  for (const wish of lateWishes) await honourDoNotRecord({ db, consent }, wish.studentId, wish.changeId);
  if (lateWishes.length > 0) {
    const reason =
      (await recordingRefusal(db, session.id)) ?? 'Someone in this session asked not to be recorded.';
    throw new AppError(409, 'recording_refused_by_preference', reason);
  }
  return applied.stored;
}
