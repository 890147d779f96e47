/**
 * Which kinds of track a participant may publish. LiveKit's `canPublishSources` is the one switch: a
 * screen share from someone without it is refused by the SFU itself, whatever their browser does.
 * An empty list means "every source" to LiveKit, so a grant always names its sources.
 */
import { TrackSource } from 'livekit-server-sdk';

/** Camera and microphone: what everyone in a call may publish (while the consent rules allow it). */
export const mediaSources = [TrackSource.CAMERA, TrackSource.MICROPHONE] as const;
/** A shared screen, window or tab and its audio. */
export const shareSources = [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO] as const;

export function publishSources(mayShare: boolean): TrackSource[] {
  return mayShare ? [...mediaSources, ...shareSources] : [...mediaSources];
}

/** Whether a list of sources (LiveKit's own word, empty meaning all) lets its holder share a screen. */
export function sourcesAllowSharing(sources: readonly TrackSource[]): boolean {
  return sources.length === 0 || sources.includes(TrackSource.SCREEN_SHARE);
}
