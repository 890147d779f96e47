import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySnapshot,
  closeAll,
  closeIdentity,
  emptyTalkState,
  type Stretch,
  stretchesFrom,
  type TalkEvent,
  talkTotals,
} from './talk-stretches';

describe('talk stretches', () => {
  it('opens a stretch when someone starts speaking and closes it at the first snapshot without them', () => {
    const stretches = stretchesFrom(
      [
        { kind: 'speakers', at: 1000, speaking: ['tutor'] },
        { kind: 'speakers', at: 1400, speaking: ['tutor'] },
        { kind: 'speakers', at: 5000, speaking: ['learner'] },
        { kind: 'speakers', at: 7000, speaking: [] },
      ],
      9000,
    );
    expect(stretches).toEqual([
      { identity: 'learner', start: 5000, end: 7000 },
      { identity: 'tutor', start: 1000, end: 5000 },
    ]);
  });

  it("closes an open stretch at the speaker's leave, and the rest at the room's end", () => {
    const stretches = stretchesFrom(
      [
        { kind: 'speakers', at: 0, speaking: ['tutor', 'learner'] },
        { kind: 'leave', at: 3000, identity: 'learner' },
      ],
      10_000,
    );
    expect(stretches).toEqual([
      { identity: 'learner', start: 0, end: 3000 },
      { identity: 'tutor', start: 0, end: 10_000 },
    ]);
  });

  it('closing twice changes nothing', () => {
    const open = applySnapshot(emptyTalkState, { at: 100, speaking: ['a', 'b'] }).state;
    const once = closeIdentity(open, 'a', 500);
    expect(once.closed).toEqual([{ identity: 'a', start: 100, end: 500 }]);
    expect(closeIdentity(once.state, 'a', 600).closed).toEqual([]);
    const all = closeAll(once.state, 900);
    expect(all.closed).toEqual([{ identity: 'b', start: 100, end: 900 }]);
    expect(closeAll(all.state, 1000).closed).toEqual([]);
  });

  it('snapshots at one instant count as one, whichever arrives first', () => {
    const first = applySnapshot(emptyTalkState, { at: 200, speaking: ['a'] });
    const second = applySnapshot(first.state, { at: 200, speaking: ['b'] });
    expect(second.closed).toEqual([]);
    expect([...second.state.open.keys()].sort()).toEqual(['a', 'b']);
  });

  it('an event from the past counts at the latest instant seen', () => {
    const open = applySnapshot(emptyTalkState, { at: 1000, speaking: ['a'] }).state;
    const silent = applySnapshot(open, { at: 2000, speaking: [] });
    expect(silent.closed).toEqual([{ identity: 'a', start: 1000, end: 2000 }]);
    expect(applySnapshot(silent.state, { at: 400, speaking: ['b'] }).opened).toEqual([
      { identity: 'b', start: 2000 },
    ]);
  });
});

const identities = ['tutor', 'learner', 'second'] as const;
const eventArb: fc.Arbitrary<TalkEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('speakers' as const),
      at: fc.integer({ min: 0, max: 60 }).map((s) => s * 1000),
      speaking: fc.uniqueArray(fc.constantFrom(...identities), { maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('leave' as const),
      at: fc.integer({ min: 0, max: 60 }).map((s) => s * 1000),
      identity: fc.constantFrom(...identities),
    }),
  },
);
const observation = fc.record({
  events: fc.array(eventArb, { maxLength: 40 }),
  endAt: fc.integer({ min: 0, max: 70_000 }),
});

function byIdentity(stretches: readonly Stretch[]): Map<string, Stretch[]> {
  const map = new Map<string, Stretch[]>();
  for (const s of stretches) map.set(s.identity, [...(map.get(s.identity) ?? []), s]);
  return map;
}

describe('talk stretches, properties', () => {
  it('never overlap for one identity, and are never empty or backwards', () => {
    fc.assert(
      fc.property(observation, ({ events, endAt }) => {
        for (const list of byIdentity(stretchesFrom(events, endAt)).values()) {
          const sorted = [...list].sort((a, b) => a.start - b.start);
          for (const [i, s] of sorted.entries()) {
            expect(s.end).toBeGreaterThan(s.start);
            if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? 0);
          }
        }
      }),
    );
  });

  it("sum to no more than the wall time from the first snapshot to the room's end, per identity", () => {
    fc.assert(
      fc.property(observation, ({ events, endAt }) => {
        const stretches = stretchesFrom(events, endAt);
        if (events.length === 0) {
          expect(stretches).toEqual([]);
          return;
        }
        const first = Math.min(...events.map((e) => e.at));
        const last = Math.max(endAt, ...events.map((e) => e.at));
        for (const total of talkTotals(stretches).values()) expect(total).toBeLessThanOrEqual(last - first);
      }),
    );
  });

  it('do not depend on the order of arrival within an instant', () => {
    fc.assert(
      fc.property(observation, fc.integer(), ({ events, endAt }, seed) => {
        // Shuffle, then put events back in time order: only the order within each instant changes.
        const shuffled =
          fc.sample(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), {
            seed,
            numRuns: 1,
          })[0] ?? events;
        const reordered = [...shuffled].sort((a, b) => a.at - b.at);
        expect(stretchesFrom(reordered, endAt)).toEqual(stretchesFrom(events, endAt));
      }),
    );
  });

  it('closing is idempotent: a second close of everyone adds nothing', () => {
    fc.assert(
      fc.property(observation, ({ events, endAt }) => {
        let state = emptyTalkState;
        for (const e of [...events].sort((a, b) => a.at - b.at))
          state =
            e.kind === 'speakers'
              ? applySnapshot(state, e).state
              : closeIdentity(state, e.identity, e.at).state;
        const once = closeAll(state, endAt);
        expect(once.state.open.size).toBe(0);
        expect(closeAll(once.state, endAt).closed).toEqual([]);
        for (const id of identities) expect(closeIdentity(once.state, id, endAt).closed).toEqual([]);
      }),
    );
  });
});
