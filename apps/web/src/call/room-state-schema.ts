// Loaded lazily, beside the call: the zod schema stays out of the call page's first chunk.
import { LiveRecordingState } from '@assent/shared';

/**
 * The recording state the server wrote into the room metadata, or undefined for anything else (empty
 * metadata before the first request, or junk): the banner then keeps what it last knew.
 */
export function parseLiveRecordingState(metadata: string | undefined): LiveRecordingState | undefined {
  if (!metadata) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(metadata);
  } catch {
    return undefined;
  }
  const parsed = LiveRecordingState.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
