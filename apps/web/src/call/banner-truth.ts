/**
 * What the recording banner says, from two witnesses: the server's published state (why, and what was
 * asked) and LiveKit's own word that a recorder is in the room (`room.isRecording`). LiveKit wins whenever
 * it reports a recorder: the banner then says Recording, whatever the server says. "Recording — purpose" only
 * once both agree the recorder is capturing: until then, the recording is starting. A recording is named
 * by its request's purpose label, in the same words at every step (the server's text words it otherwise).
 */
import type { RecordingStatus } from '@assent/shared';

export type BannerTone = 'off' | 'waiting' | 'on';

export interface ServerBanner {
  status: RecordingStatus;
  /** The server's words (bannerFor on the server). */
  text: string;
  purposeLabel?: string;
}

export interface ShownBanner {
  text: string;
  tone: BannerTone;
}

const withPurpose = (lead: string, purpose: string | undefined) => (purpose ? `${lead} — ${purpose}` : lead);

/** The server's reason with its "Not recording" taken off, for when a recorder is in fact present. */
function reasonOf(text: string): string {
  const reason = text
    .replace(/\s*—?\s*Not recording\s*—?\s*/g, ' ')
    .trim()
    .replace(/^[—\s]+|[—\s]+$/g, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

export function shownBanner(server: ServerBanner, livekitRecording: boolean): ShownBanner {
  const { status, text, purposeLabel } = server;
  if (livekitRecording) {
    switch (status) {
      case 'recording':
        return { text: withPurpose('Recording', purposeLabel), tone: 'on' };
      case 'starting':
        // The recorder has joined but has not begun capturing (a start that stalls is retried): it may
        // be about to record, so "Recording", but not yet "Recording — purpose".
        return { text: withPurpose('Recording starting', purposeLabel), tone: 'on' };
      case 'stopping':
        return { text: 'Recording stopping', tone: 'on' };
      case 'not_requested':
        // Nobody asked here: a recorder the server did not start, which it is stopping.
        return { text: 'Recording — not requested here, being stopped', tone: 'on' };
      default: {
        const reason = reasonOf(text.replace('Recording stopped', ''));
        return { text: reason ? `Recording stopping — ${reason}` : 'Recording stopping', tone: 'on' };
      }
    }
  }
  if (status === 'recording' || status === 'starting') {
    return { text: withPurpose('Recording starting', purposeLabel), tone: 'on' };
  }
  if (status === 'stopping') return { text, tone: 'on' };
  return { text, tone: status === 'waiting' ? 'waiting' : 'off' };
}

/** What a listener has last been told aloud about the recording. */
export type Announced = 'nothing' | 'started';

/**
 * What to say aloud as the two witnesses change, so the spoken news matches the banner: "started" when it
 * first says "Recording — purpose" (LiveKit reports the recorder and the server calls it active),
 * "stopped" once LiveKit no longer reports it, and nothing about a recorder that never started.
 */
export function nextAnnouncement(
  announced: Announced,
  now: { status: RecordingStatus; livekitRecording: boolean; purposeLabel?: string },
): { announced: Announced; say?: string } {
  if (announced === 'nothing' && now.livekitRecording && now.status === 'recording') {
    const say = now.purposeLabel ? `Recording started: ${now.purposeLabel}` : 'Recording started';
    return { announced: 'started', say };
  }
  if (announced === 'started' && !now.livekitRecording)
    return { announced: 'nothing', say: 'Recording stopped' };
  return { announced };
}
