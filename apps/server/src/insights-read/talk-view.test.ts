import { describe, expect, it } from 'vitest';
import type { SeatFact, TalkFacts } from './talk-facts';
import { buildTalkView } from './talk-view';

const t0 = Date.parse('2026-12-07T10:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
const seat = (personId: string, role: SeatFact['role'], present = true): SeatFact => ({
  personId,
  name: personId,
  role,
  userId: null,
  studentId: null,
  present,
});
const lines = { engagingPercent: 10, lowPercent: 25, highPercent: 50 };

function facts(over: Partial<TalkFacts> = {}): TalkFacts {
  return {
    seats: [
      seat('dana', 'tutor'),
      seat('sam', 'student'),
      seat('rhea', 'observer'),
      seat('kim', 'guardian', false),
    ],
    observations: [{ startedAt: iso(0), endedAt: iso(60) }],
    destroyed: false,
    intervals: [
      { personId: 'dana', startedAt: iso(0), endedAt: iso(20) },
      // Left open by a crash; the observation ended at 60 s, so it ends there.
      { personId: 'sam', startedAt: iso(50), endedAt: null },
      { personId: 'rhea', startedAt: iso(20), endedAt: iso(30) },
    ],
    segments: [{ egressId: 'EG', startedAt: iso(-5), endedAt: iso(10), recordingId: 'rec' }],
    consent: [
      { personId: 'dana', personName: 'dana', kind: 'request', at: iso(-6) },
      { personId: 'sam', personName: 'sam', kind: 'withdraw', at: iso(8) },
    ],
    ...over,
  };
}

const view = (f: TalkFacts, own: Set<string> | null = null, namesRefusals = false) =>
  buildTalkView({
    session: { id: 's', title: 'S' },
    facts: f,
    lines,
    now: new Date(t0 + 600_000),
    ownSeatIds: own,
    namesRefusals,
    words: { learnerWords: 1, totalWords: 2, learnerSharePercent: 50, fromTranscript: false },
  });

describe('the talk view', () => {
  it('closes open stretches at the last observation’s end, and leaves observers and absent silent seats out', () => {
    const v = view(facts());
    expect(v.axisSeconds).toBe(60);
    expect(v.live).toBe(false);
    expect(v.speakers.map((p) => [p.key, p.seconds])).toEqual([
      ['dana', 20],
      ['sam', 10],
    ]);
    expect(v.learnerSharePercent).toBeCloseTo(33.33, 2);
  });

  it('clips recordings to the axis and leaves events before it out; a withdrawal unnamed unless allowed', () => {
    const v = view(facts());
    expect(v.recordings).toEqual([{ from: 0, to: 10, recordingId: 'rec' }]);
    expect(v.consentEvents).toEqual([
      { at: 8, kind: 'withdrawn', name: null },
      { at: 10, kind: 'recording_stopped', name: null },
    ]);
    expect(view(facts(), null, true).consentEvents[0]?.name).toBe('sam');
    // A learner sees their own withdrawal named, and no word share.
    const own = view(facts(), new Set(['sam']));
    expect(own.consentEvents[0]?.name).toBe('sam');
    expect([own.ownShareOnly, own.words]).toEqual([true, null]);
  });

  it('is unmeasured when the only observation’s talk time was destroyed', () => {
    const v = view(facts({ observations: [], destroyed: true }));
    expect([v.measured, v.axisStart, v.speakers, v.recordings]).toEqual([false, null, [], []]);
    expect(v.words?.totalWords).toBe(2);
  });
});
