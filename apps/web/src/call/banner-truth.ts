/**
 * What the recording banner says, from two witnesses: the server's published state (why, and what was
 * asked) and LiveKit's own word that a recorder is in the room (`room.isRecording`). LiveKit wins whenever
 * it reports a recorder: the banner then says Recording, whatever the server says. "Recording — purpose" only
 * once both agree the recorder is capturing: until then, the recording is starting.
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
        return { text, tone: 'on' };
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
  if (status === 'recording') return { text: withPurpose('Recording starting', purposeLabel), tone: 'on' };
  if (status === 'starting' || status === 'stopping') return { text, tone: 'on' };
  return { text, tone: status === 'waiting' ? 'waiting' : 'off' };
}
