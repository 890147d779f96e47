/**
 * LiveKit's news (webhooks, the reconciler's listings) as consent machine events. The same news may
 * come twice, late or out of order; the machine is built for that.
 */
import type { ConsentEvent } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { type EgressSnapshot, finishedEgressStatuses } from '../livekit/egress';
import { listPeople } from '../sessions/session-repository';
import { upsertSegment } from './consent-repository';
import type { ConsentService } from './consent-service';
import { type LiveParticipantInfo, participantFor } from './room-participants';

export async function participantJoined(
  db: DbOrTrx,
  consent: ConsentService,
  sessionId: string,
  info: LiveParticipantInfo,
  options: { expectedVersion?: number } = {},
) {
  const participant = await participantFor(db, sessionId, info);
  return consent.apply(
    sessionId,
    { type: 'participant_joined', identity: info.identity, participant },
    options,
  );
}

/**
 * `sid`: the participant session that left, so a late leave of a replaced session changes nothing.
 * The person the identity was issued to is named, so a presence the machine never saw begin (its join
 * news lost) still ends their yes (rule 5).
 */
export async function participantLeft(
  db: DbOrTrx,
  consent: ConsentService,
  sessionId: string,
  identity: string,
  options: { expectedVersion?: number; sid?: string } = {},
) {
  const { sid, ...applyOptions } = options;
  const person = (await listPeople(db, sessionId)).find((p) => p.livekitIdentity === identity);
  const event: ConsentEvent = {
    type: 'participant_left',
    identity,
    ...(sid ? { sid } : {}),
    ...(person ? { personId: person.id } : {}),
  };
  return consent.apply(sessionId, event, applyOptions);
}

/** The machine event for an egress's status, by enum name; undefined while it is winding down. */
export function egressEvent(snapshot: EgressSnapshot): ConsentEvent | undefined {
  const { egressId, status } = snapshot;
  if (status === 'EGRESS_STARTING') return { type: 'egress_started', egressId };
  if (status === 'EGRESS_ACTIVE') return { type: 'egress_active', egressId };
  if (status === 'EGRESS_FAILED') return { type: 'egress_failed', egressId };
  if (finishedEgressStatuses.has(status)) return { type: 'egress_ended', egressId };
  // EGRESS_ENDING: already told to stop and finishing its file.
  return undefined;
}

/** Records the segment and tells the machine. */
export async function egressNews(
  db: DbOrTrx,
  consent: ConsentService,
  sessionId: string,
  snapshot: EgressSnapshot,
  now: Date,
) {
  await upsertSegment(db, {
    egressId: snapshot.egressId,
    sessionId,
    status: snapshot.status,
    startedAt: snapshot.startedAt,
    endedAt: snapshot.endedAt,
    mediaStartedAt: snapshot.fileStartedAt,
    filePath: snapshot.filePath,
    error: snapshot.error,
    updatedAt: now.toISOString(),
  });
  const event = egressEvent(snapshot);
  if (event) await consent.apply(sessionId, event);
}
