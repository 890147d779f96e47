/**
 * The "erase" withdrawal rule (NSPCC guidance): when someone withdraws consent and the policy their
 * request was made under says "erase", every recording of the session made before the withdrawal is
 * destroyed, including the one still being finished by egress. Under "keep" nothing is destroyed here.
 * While a concern or safeguarding report about the session is open the recordings are evidence: the
 * destruction is written down and done once the report is closed (vault/lifetime/holds.ts).
 */
import { policyVersionOfNotice } from '@assent/shared';
import type { PolicyBook } from '../../policy/policy-book';
import { type DestroyDeps, destroyRecording } from '../destroy';
import { type Recording, sessionRecordings } from '../recording-repository';
import { checkpointAfterShredding } from '../shred-checkpoint';
import { removeTranscriptFiles, shredTranscriptOf } from '../transcript-blobs';
import { deferDestruction, deferredDestructions, isHeld } from './holds';

interface Withdrawal {
  personName: string;
  at: string;
}

/** Withdrawals in the session made under a policy version whose rule is "erase". */
async function erasingWithdrawals(deps: DestroyDeps, policies: PolicyBook, sessionId: string) {
  const withdrawals = await deps.db
    .selectFrom('consent_log')
    .select(['person_name', 'notice_version', 'at'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'withdraw')
    .orderBy('at')
    .execute();
  const erasing: Withdrawal[] = [];
  for (const w of withdrawals) {
    const version = policyVersionOfNotice(w.notice_version);
    const policy = version === undefined ? undefined : await policies.version(version);
    if (policy?.policy.withdrawalRule === 'erase') erasing.push({ personName: w.person_name, at: w.at });
  }
  return erasing;
}

/** When each request of the session was made: a recording is earlier than a withdrawal if its request was. */
async function requestTimes(deps: DestroyDeps, sessionId: string): Promise<Map<string, string>> {
  const rows = await deps.db
    .selectFrom('consent_log')
    .select(['request_id', 'at'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'request')
    .execute();
  return new Map(rows.map((r) => [r.request_id, r.at]));
}

/** Applies the rule to one session; returns how many recordings it destroyed. */
export async function eraseWithdrawnSession(
  deps: DestroyDeps,
  policies: PolicyBook,
  sessionId: string,
): Promise<number> {
  const recordings = await sessionRecordings(deps.db, sessionId);
  const alive = recordings.filter((r) => r.status === 'pending' || r.status === 'stored');
  const outliving = await transcriptsOutliving(deps, recordings);
  if (alive.length === 0 && outliving.length === 0) return 0;
  const withdrawals = await erasingWithdrawals(deps, policies, sessionId);
  if (withdrawals.length === 0) return 0;
  const requested = await requestTimes(deps, sessionId);
  const recordedFrom = (r: Recording) =>
    (r.requestId && requested.get(r.requestId)) || r.startedAt || r.createdAt;
  const held = await isHeld(deps.db, sessionId);
  // A destruction an earlier hold deferred keeps the words it was deferred with.
  const deferred = await deferredDestructions(deps.db, sessionId);
  let destroyed = 0;
  for (const recording of alive) {
    // The first erasing withdrawal after the recording was asked for is the one that destroys it.
    const cause = withdrawals.find((w) => w.at >= recordedFrom(recording));
    if (!cause) continue;
    const detail = `${cause.personName} withdrew consent on ${cause.at.slice(0, 10)}; the organisation's rule erases the session's recordings`;
    if (held) {
      await deferDestruction(
        deps,
        recording,
        {
          reason: 'withdrawal',
          detail: `${detail}. Kept until the report about the session was closed`,
          rule: 'erase',
          withdrawal: cause,
          deferredAt: deps.now().toISOString(),
        },
        deps.now(),
      );
      continue;
    }
    const earlier = deferred.get(recording.id);
    const why = earlier?.reason === 'withdrawal' ? earlier.detail : detail;
    if (await destroyRecording(deps, recording, { reason: 'withdrawal', detail: why })) destroyed += 1;
  }
  // A transcript that outlived its media (destroyed by the media's retention) still follows its consent.
  // Held: kept as evidence; the sweep's catch-up comes back to it once the report is closed.
  if (!held) {
    for (const recording of outliving) {
      const cause = withdrawals.find((w) => w.at >= recordedFrom(recording));
      if (!cause) continue;
      const detail = `${cause.personName} withdrew consent on ${cause.at.slice(0, 10)}; the organisation's rule erases the session's recordings and their transcripts`;
      const shredded = await deps.db
        .transaction()
        .execute((trx) => shredTranscriptOf(trx, recording.id, { reason: 'withdrawal', detail }, deps.now()));
      if (!shredded) continue;
      await checkpointAfterShredding(deps.db, deps.logger);
      await removeTranscriptFiles(deps.files, shredded);
    }
  }
  return destroyed;
}

/** Destroyed recordings whose transcript is still kept (its own retention may outlive the media's). */
async function transcriptsOutliving(deps: DestroyDeps, recordings: Recording[]): Promise<Recording[]> {
  const gone = recordings.filter((r) => r.status === 'destroyed');
  if (gone.length === 0) return [];
  const kept = await deps.db
    .selectFrom('transcripts')
    .select('recording_id')
    .where(
      'recording_id',
      'in',
      gone.map((r) => r.id),
    )
    .where('status', '!=', 'destroyed')
    .execute();
  const ids = new Set(kept.map((t) => t.recording_id));
  return gone.filter((r) => ids.has(r.id));
}

/**
 * Sessions with recordings (or transcripts) still kept and a withdrawal: the sweeper's catch-up after a
 * crash or a hold.
 */
export async function sessionsToErase(deps: DestroyDeps): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('recordings')
    .innerJoin('consent_log', 'consent_log.session_id', 'recordings.session_id')
    .leftJoin('transcripts', 'transcripts.recording_id', 'recordings.id')
    .select('recordings.session_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('recordings.status', 'in', ['pending', 'stored']),
        eb.and([eb('transcripts.id', 'is not', null), eb('transcripts.status', '!=', 'destroyed')]),
      ]),
    )
    .where('consent_log.kind', '=', 'withdraw')
    .execute();
  return rows.map((r) => r.session_id);
}
