/**
 * What the recording layout page needs from its address and the room: LiveKit Egress opens the page with
 * `url` (LiveKit), `token` (a hidden recorder's token) and `layout` added to the address the server gave,
 * which carries the session `title`. The purpose comes live from the room metadata the server writes.
 */
import type { LiveRecordingState } from '@assent/shared';

export interface LayoutParams {
  livekitUrl: string;
  token: string;
  title: string;
  /** The key that lets this page read the session's whiteboard (`board` in the address); empty if none. */
  boardKey: string;
}

/** The page's parameters; undefined when egress did not give what is needed to join the room. */
export function layoutParams(search: string): LayoutParams | undefined {
  const query = new URLSearchParams(search);
  const livekitUrl = query.get('url') ?? '';
  const token = query.get('token') ?? '';
  if (!/^wss?:\/\//.test(livekitUrl) || token === '') return undefined;
  return {
    livekitUrl,
    token,
    title: (query.get('title') ?? '').trim().slice(0, 120),
    boardKey: query.get('board') ?? '',
  };
}

/** The purpose people consented to, as the banner names it; empty until the state is known. */
export function purposeOf(state: LiveRecordingState | undefined): string {
  return state?.request?.purposeLabel ?? '';
}

export const consentLine = "Recorded with everyone's consent";

/**
 * Date and time of day for the footer, with the zone, so anyone watching knows when each moment was
 * recorded. `timeZone` is the machine's own unless given.
 */
export function clockText(now: Date, timeZone?: string): string {
  return now.toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });
}

/** Recording starts once the first video is showing, or this long after joining if nobody has a camera on. */
export const startWithoutVideoAfterMs = 3000;
