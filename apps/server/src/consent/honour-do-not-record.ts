/**
 * A standing "do not record" set while a session with that student is being recorded, or asked to be,
 * ends it at once (Procept: "we refrain from recording when asked not to in writing"). The request is
 * cancelled through the consent service with the machine's own `cancel`, which stops any egress in the
 * same transition (or marks a still-starting one to be stopped), so the consent invariant is the
 * machine's as always. The consent log says why: a `cancel` entry for the student's seat whose id names
 * the preference change (see `doNotRecordEntryId`).
 *
 * It runs after the preference is committed: from then on new requests are refused up front
 * (recording-preferences.ts), so only requests already made are left to cancel here.
 */
import type { ConsentState, RecordingRequest } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { doNotRecordEntryId } from './consent-repository';
import type { ConsentService } from './consent-service';

/** A request that is open, or one whose recorder may still be capturing. */
function requestToCancel(state: ConsentState): RecordingRequest | undefined {
  const { request, egress } = state;
  if (!request) return undefined;
  const recorderLive = egress.kind === 'starting' || egress.kind === 'active';
  return request.status === 'open' || recorderLive ? request : undefined;
}

/** How often a session is read again when its request changed between the read and the cancel. */
const MAX_TRIES = 5;

/**
 * Cancels the current request in every session the student has a seat in. Answers the sessions whose
 * request it cancelled.
 */
export async function honourDoNotRecord(
  deps: { db: DbOrTrx; consent: ConsentService },
  studentId: string,
  preferenceChangeId: string,
): Promise<string[]> {
  const seats = await deps.db
    .selectFrom('people')
    .select(['id', 'session_id', 'name', 'role'])
    .where('student_id', '=', studentId)
    .where('role', '=', 'student')
    .execute();
  const cancelled: string[] = [];
  for (const seat of seats) {
    for (let tries = 0; tries < MAX_TRIES; tries += 1) {
      const stored = await deps.consent.read(seat.session_id);
      const request = stored && requestToCancel(stored.state);
      if (!request) break;
      const applied = await deps.consent.apply(
        seat.session_id,
        { type: 'cancel', requestId: request.requestId },
        {
          decide: (result, before) =>
            result.ignored || !before.request
              ? undefined
              : {
                  personId: seat.id,
                  personName: seat.name,
                  role: seat.role,
                  kind: 'cancel',
                  requestId: before.request.requestId,
                  purpose: before.request.purpose,
                  noticeVersion: before.request.noticeVersion,
                  clientRequestId: doNotRecordEntryId(preferenceChangeId),
                  userAgent: null,
                },
        },
      );
      if (applied.written) {
        cancelled.push(seat.session_id);
        break;
      }
      // Ignored: another request replaced this one meanwhile; look again.
    }
  }
  return cancelled;
}
