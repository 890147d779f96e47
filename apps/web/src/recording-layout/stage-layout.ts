/**
 * Who the recording shows and how big: everyone in the room but recorders, all at once (a recording has
 * no "next page", so LiveKit's paginated GridLayout would hide whoever did not fit on its first page), in
 * a steady order, on tiles as large as the picture allows.
 */
import { ParticipantAttribute } from '@assent/shared';
import { ParticipantKind } from 'livekit-client';

/** The parts of a LiveKit track reference (or placeholder) that decide a seat. */
export interface Seat {
  participant: {
    identity: string;
    isLocal: boolean;
    kind: ParticipantKind;
    joinedAt?: Date;
    attributes: Readonly<Record<string, string>>;
  };
  source: string;
  publication?: { trackSid: string };
}

const roleOrder: Record<string, number> = { tutor: 0, student: 1, guardian: 2 };

function roleRank(seat: Seat): number {
  return roleOrder[seat.participant.attributes[ParticipantAttribute.role] ?? ''] ?? 3;
}

function joinedAt(seat: Seat): number {
  return seat.participant.joinedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The people on camera: not this page (egress's recorder joins as a participant too) nor any other
 * recorder; the tutor first, then students and guardians, each by when they joined, so tiles do not
 * jump around as people come and go.
 */
export function seatsInOrder<T extends Seat>(seats: readonly T[]): T[] {
  return seats
    .filter(({ participant }) => !participant.isLocal && participant.kind !== ParticipantKind.EGRESS)
    .sort((a, b) => roleRank(a) - roleRank(b) || joinedAt(a) - joinedAt(b));
}

/** A stable React key for a seat: one per camera track, or one placeholder per person without a camera. */
export function seatKey(seat: Seat): string {
  return `${seat.participant.identity}:${seat.source}:${seat.publication?.trackSid ?? 'placeholder'}`;
}

export interface TileGrid {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

/**
 * The number of columns that gives `count` tiles of `aspect` the largest size inside `width`×`height`,
 * with `gap` between tiles; the fewest columns among equally good choices.
 */
export function tileGrid(count: number, width: number, height: number, gap = 6, aspect = 16 / 9): TileGrid {
  const people = Math.max(1, count);
  let best = { columns: 1, rows: 1, tileWidth: 0 };
  for (let columns = 1; columns <= people; columns++) {
    const rows = Math.ceil(people / columns);
    const byWidth = (width - gap * (columns - 1)) / columns;
    const byHeight = ((height - gap * (rows - 1)) / rows) * aspect;
    const tileWidth = Math.max(0, Math.min(byWidth, byHeight));
    if (tileWidth > best.tileWidth) best = { columns, rows, tileWidth };
  }
  return {
    columns: best.columns,
    rows: best.rows,
    tileWidth: Math.floor(best.tileWidth),
    tileHeight: Math.floor(best.tileWidth / aspect),
  };
}
