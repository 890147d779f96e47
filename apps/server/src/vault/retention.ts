/**
 * The retention rule: a stored recording is destroyed once the retention for its purpose (in the policy
 * it was consented under) has passed.
 */
import { humanPurpose } from '../policy/consent-terms';
import { type DestroyDeps, destroyRecording } from './destroy';
import { expiredRecordings } from './recording-repository';

export async function destroyExpired(deps: DestroyDeps, at: Date): Promise<number> {
  let destroyed = 0;
  for (const recording of await expiredRecordings(deps.db, at)) {
    const detail = `The retention period for ${humanPurpose(recording.purpose)} ended on ${recording.retainUntil?.slice(0, 10)}`;
    if (await destroyRecording(deps, recording, { reason: 'retention', detail })) destroyed += 1;
  }
  return destroyed;
}
