import { ParticipantAttribute } from '@assent/shared';
import { ParticipantKind } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { type Seat, seatKey, seatsInOrder, tileGrid } from './stage-layout';

function seat(identity: string, patch: Partial<Seat['participant']> & { role?: string } = {}): Seat {
  const { role, ...participant } = patch;
  return {
    participant: {
      identity,
      isLocal: false,
      kind: ParticipantKind.STANDARD,
      attributes: role ? { [ParticipantAttribute.role]: role } : {},
      ...participant,
    },
    source: 'camera',
  };
}

const ids = (seats: Seat[]) => seats.map((s) => s.participant.identity);

describe('who the recording shows', () => {
  it('leaves out this page and any other recorder, and no one else', () => {
    const seats = [
      seat('EG_page', { isLocal: true, kind: ParticipantKind.EGRESS }),
      seat('EG_other', { kind: ParticipantKind.EGRESS }),
      seat('tutor', { role: 'tutor' }),
      seat('phone', { kind: ParticipantKind.SIP }),
      seat('someone-unknown'),
    ];
    expect(ids(seatsInOrder(seats))).toEqual(['tutor', 'phone', 'someone-unknown']);
  });

  it('puts the tutor first, then students and guardians, then anyone else, each by when they joined', () => {
    const at = (minute: number) => new Date(2026, 0, 1, 10, minute);
    const seats = [
      seat('guest', { joinedAt: at(0) }),
      seat('guardian', { role: 'guardian', joinedAt: at(1) }),
      seat('student-late', { role: 'student', joinedAt: at(5) }),
      seat('student-early', { role: 'student', joinedAt: at(2) }),
      seat('tutor', { role: 'tutor', joinedAt: at(3) }),
    ];
    expect(ids(seatsInOrder(seats))).toEqual(['tutor', 'student-early', 'student-late', 'guardian', 'guest']);
  });

  it('keys a camera by its track and a person without one by a placeholder', () => {
    expect(seatKey({ ...seat('ada'), publication: { trackSid: 'TR_1' } })).toBe('ada:camera:TR_1');
    expect(seatKey(seat('ada'))).toBe('ada:camera:placeholder');
  });
});

describe('tile sizes in the 640×360 recording (the footer leaves about 640×310 for the stage)', () => {
  const stage = (count: number) => {
    const { columns, rows, tileWidth, tileHeight } = tileGrid(count, 628, 298);
    return { shape: `${columns}×${rows}`, tileWidth, tileHeight };
  };

  it('gives one person the whole stage, two people side by side', () => {
    expect(stage(1)).toEqual({ shape: '1×1', tileWidth: 529, tileHeight: 298 });
    expect(stage(2).shape).toBe('2×1');
  });

  it('shows everyone at once however many join, never paging anyone out of the picture', () => {
    expect(stage(3).shape).toBe('2×2');
    expect(stage(4).shape).toBe('2×2');
    expect(stage(5).shape).toBe('3×2');
    expect(stage(7).shape).toBe('3×3');
    for (let count = 1; count <= 25; count++) {
      const { columns, rows, tileWidth, tileHeight } = tileGrid(count, 628, 298);
      expect(columns * rows).toBeGreaterThanOrEqual(count);
      expect(columns * tileWidth + 6 * (columns - 1)).toBeLessThanOrEqual(628);
      expect(rows * tileHeight + 6 * (rows - 1)).toBeLessThanOrEqual(298);
    }
  });

  it('stacks people in a tall stage and draws nothing before the stage is measured', () => {
    expect(tileGrid(2, 360, 640).columns).toBe(1);
    expect(tileGrid(3, 0, 0)).toEqual({ columns: 1, rows: 1, tileWidth: 0, tileHeight: 0 });
  });
});
