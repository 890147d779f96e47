/**
 * The retention rule: a stored recording is destroyed once the retention for its purpose (in the policy
 * it was consented under) has passed, unless an open concern or safeguarding report holds its session;
 * then it waits, and the first sweep after the report is closed destroys it. Destructions a hold
 * deferred are done here too once the hold has ended.
 */
import { humanPurpose } from '../../policy/consent-terms';
import { type DestroyDeps, destroyRecording } from '../destroy';
import { expiredRecordings, findRecording } from '../recording-repository';
import { deferredDestructions, heldSessionIds } from './holds';

export interface RetentionResult {
  destroyed: number;
  /** Past their retention but kept, because an open report holds their session. */
  held: number;
}

export async function destroyExpired(deps: DestroyDeps, at: Date): Promise<RetentionResult> {
  const held = await heldSessionIds(deps.db);
  const result: RetentionResult = { destroyed: 0, held: 0 };
  for (const recording of await expiredRecordings(deps.db, at)) {
    if (held.has(recording.sessionId)) {
      result.held += 1;
      continue;
    }
    const version = recording.retentionPolicyVersion ?? recording.policyVersion;
    const detail = `The retention period for ${humanPurpose(recording.purpose)} ended on ${recording.retainUntil?.slice(0, 10)} (policy version ${version})`;
    if (await destroyRecording(deps, recording, { reason: 'retention', detail })) result.destroyed += 1;
  }
  return result;
}

/** Destroys what a hold deferred, for sessions no open report holds any more; returns how many. */
export async function destroyAfterHold(deps: DestroyDeps): Promise<number> {
  const held = await heldSessionIds(deps.db);
  let destroyed = 0;
  for (const [id, deferred] of await deferredDestructions(deps.db)) {
    const recording = await findRecording(deps.db, id);
    if (!recording || held.has(recording.sessionId)) continue;
    const why = {
      reason: deferred.reason,
      detail: deferred.detail,
      ...(deferred.decidedBy ? { decidedBy: deferred.decidedBy } : {}),
    };
    if (await destroyRecording(deps, recording, why)) destroyed += 1;
  }
  return destroyed;
}
