import { ParticipantAttribute } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { placeOf, raisedHands } from './raised-hands';

const person = (identity: string, at?: string, name = '') => ({
  identity,
  name,
  attributes: (at ? { [ParticipantAttribute.handRaisedAt]: at } : {}) as Record<string, string>,
});

describe('raised hands', () => {
  it('lists only raised hands, first up first, numbered from 1', () => {
    const hands = raisedHands([
      person('guardian', '2026-12-07T10:00:05.000Z', 'Pat Parent'),
      person('tutor'),
      person('student', '2026-12-07T10:00:01.000Z', 'Sam Student'),
    ]);
    expect(hands).toEqual([
      { identity: 'student', name: 'Sam Student', place: 1 },
      { identity: 'guardian', name: 'Pat Parent', place: 2 },
    ]);
    expect(placeOf(hands, 'guardian')).toBe(2);
    expect(placeOf(hands, 'tutor')).toBeUndefined();
  });

  it('names someone without a display name by their identity, and orders equal times stably', () => {
    const at = '2026-12-07T10:00:00.000Z';
    expect(raisedHands([person('b', at), person('a', at)]).map((h) => h.name)).toEqual(['a', 'b']);
  });
});
