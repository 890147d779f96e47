import type { TalkSpan } from '@assent/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, mergeSpans, type SeatTalk, summariseTalk } from './talk-summary';

const lines = { lowPercent: 25, highPercent: 50 };

const seat = (key: string, role: SeatTalk['role'], spans: [number, number][]): SeatTalk => ({
  key,
  name: key,
  role,
  spans: spans.map(([from, to]) => ({ from, to })),
});

describe('talk summary', () => {
  it('sums each seat, splits tutor from learners, and leaves guardians on neither side', () => {
    const s = summariseTalk(
      [
        seat('tutor', 'tutor', [
          [0, 30],
          [40, 60],
        ]),
        seat('sam', 'student', [
          [30, 40],
          [55, 65],
        ]),
        seat('pat', 'guardian', [[70, 80]]),
      ],
      100,
      lines,
    );
    expect(s.tutorSeconds).toBe(50);
    // Sam's 55–60 overlaps the tutor: counted for both.
    expect(s.learnerSeconds).toBe(20);
    expect(s.learnerSharePercent).toBeCloseTo((20 / 70) * 100, 2);
    expect(s.band).toBe('middle');
    expect(s.speakers.map((p) => [p.key, p.seconds, p.sharePercent, p.learner])).toEqual(
      [
        ['tutor', 50, 62.5],
        ['sam', 20, 25],
        ['pat', 10, 12.5],
      ].map(([k, sec, share]) => [k, sec, share, k === 'sam']),
    );
  });

  it('counts a stretch stored twice once, and clips stretches to the axis', () => {
    const s = summariseTalk(
      [
        seat('tutor', 'tutor', [
          [-5, 10],
          [5, 10],
          [8, 12],
          [95, 120],
        ]),
      ],
      100,
      lines,
    );
    expect(s.speakers[0]?.spans).toEqual([
      { from: 0, to: 12 },
      { from: 95, to: 100 },
    ]);
    expect(s.tutorSeconds).toBe(17);
    expect(s.learnerSharePercent).toBe(0);
    expect(s.band).toBe('low');
  });

  it('says nothing about shares when nobody spoke', () => {
    const s = summariseTalk([seat('tutor', 'tutor', []), seat('sam', 'student', [])], 60, lines);
    expect(s.learnerSharePercent).toBeNull();
    expect(s.band).toBeNull();
    expect(s.longestTutorMonologue).toBeNull();
    expect(s.speakers.map((p) => p.sharePercent)).toEqual([null, null]);
  });

  it('reads the bands at their lines: low below, middle from the low line, high from the high line', () => {
    expect(bandOf(24.99, lines)).toBe('low');
    expect(bandOf(25, lines)).toBe('middle');
    expect(bandOf(49.99, lines)).toBe('middle');
    expect(bandOf(50, lines)).toBe('high');
    expect(bandOf(null, lines)).toBeNull();
    // A learner share of exactly a quarter, from seconds: middle.
    const s = summariseTalk([seat('t', 'tutor', [[0, 30]]), seat('s', 'student', [[30, 40]])], 40, lines);
    expect([s.learnerSharePercent, s.band]).toEqual([25, 'middle']);
  });

  it('bridges a tutor’s pauses under two seconds into one monologue, but not a pause a learner spoke in', () => {
    const s = summariseTalk(
      [
        // 0–10 and 11.5–20 join (1.5 s pause); 22–40 does not (2 s is not under two).
        seat('tutor', 'tutor', [
          [0, 10],
          [11.5, 20],
          [22, 40],
          [41, 50],
        ]),
        // Sam speaks in the 40–41 pause: 22–40 and 41–50 stay apart.
        seat('sam', 'student', [[40.2, 40.8]]),
      ],
      60,
      lines,
    );
    expect(s.longestTutorMonologue).toEqual({ from: 0, to: 20, seconds: 18.5 });
  });

  it('takes the earliest of two equally long monologues', () => {
    const s = summariseTalk(
      [
        seat('tutor', 'tutor', [
          [0, 10],
          [20, 30],
        ]),
      ],
      40,
      lines,
    );
    expect(s.longestTutorMonologue).toEqual({ from: 0, to: 10, seconds: 10 });
  });

  it('joins two tutor seats’ talk into one tutor for the monologue, counting each seat’s seconds', () => {
    const s = summariseTalk([seat('t1', 'tutor', [[0, 10]]), seat('t2', 'tutor', [[5, 15]])], 20, lines);
    expect(s.tutorSeconds).toBe(20);
    expect(s.longestTutorMonologue).toEqual({ from: 0, to: 15, seconds: 15 });
  });

  it('mergeSpans drops empty and reversed-then-empty stretches', () => {
    expect(
      mergeSpans(
        [
          { from: 5, to: 5 },
          { from: 9, to: 3 },
        ],
        100,
      ),
    ).toEqual([{ from: 3, to: 9 }]);
  });
});

describe('talk summary properties', () => {
  const span = fc
    .tuple(fc.double({ min: -10, max: 200, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }))
    .map(([from, len]) => ({ from, to: from + len }));
  const seats = fc.array(
    fc.record({
      key: fc.uuid(),
      name: fc.constant('x'),
      role: fc.constantFrom('tutor' as const, 'student' as const, 'guardian' as const),
      spans: fc.array(span, { maxLength: 12 }),
    }),
    { maxLength: 6 },
  );
  const axis = fc.double({ min: 0, max: 240, noNaN: true });
  const someLines = fc
    .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }))
    .map(([a, b]) => ({ lowPercent: Math.min(a, b), highPercent: Math.max(a, b) + 1 }));

  it('keeps every share in 0..100 and every span on the axis', () => {
    fc.assert(
      fc.property(seats, axis, someLines, (all, axisSeconds, l) => {
        const s = summariseTalk(all, axisSeconds, l);
        const shares = [s.learnerSharePercent, ...s.speakers.map((p) => p.sharePercent)];
        for (const share of shares) if (share !== null) expect(share).toBeGreaterThanOrEqual(0);
        for (const share of shares) if (share !== null) expect(share).toBeLessThanOrEqual(100);
        for (const p of s.speakers)
          for (const sp of p.spans) {
            expect(sp.from).toBeGreaterThanOrEqual(0);
            expect(sp.to).toBeLessThanOrEqual(Math.round(axisSeconds * 100) / 100);
            expect(sp.to).toBeGreaterThanOrEqual(sp.from);
          }
      }),
    );
  });

  it('adds up: tutor and learner seconds are their seats’ sums, each seat at most the axis', () => {
    fc.assert(
      fc.property(seats, axis, someLines, (all, axisSeconds, l) => {
        const s = summariseTalk(all, axisSeconds, l);
        const sum = (role: string) =>
          s.speakers.filter((p) => p.role === role).reduce((n, p) => n + p.seconds, 0);
        expect(Math.abs(s.tutorSeconds - sum('tutor'))).toBeLessThan(0.01 * (all.length + 1));
        expect(Math.abs(s.learnerSeconds - sum('student'))).toBeLessThan(0.01 * (all.length + 1));
        for (const p of s.speakers) expect(p.seconds).toBeLessThanOrEqual(axisSeconds + 0.005);
        const shares = s.speakers.flatMap((p) => (p.sharePercent === null ? [] : [p.sharePercent]));
        if (shares.length > 0)
          expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.01 * shares.length + 1e-9);
      }),
    );
  });

  it('adding a seat’s talk to a session adds exactly that seat’s seconds', () => {
    fc.assert(
      fc.property(seats, fc.array(span, { maxLength: 8 }), (all, extra) => {
        const before = summariseTalk(all, 250, lines);
        const after = summariseTalk(
          [...all, { key: 'new', name: 'n', role: 'student', spans: extra }],
          250,
          lines,
        );
        const added = after.speakers.find((p) => p.key === 'new')?.seconds ?? 0;
        expect(Math.abs(after.learnerSeconds - before.learnerSeconds - added)).toBeLessThan(0.02);
        expect(after.tutorSeconds).toBe(before.tutorSeconds);
      }),
    );
  });

  it('never counts bridged pauses as talk: a monologue of short stretches holds at most the tutor’s seconds', () => {
    // Short stretches close together, so pauses under two seconds (bridged) are common.
    const short = fc
      .tuple(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }))
      .map(([from, len]) => ({ from, to: from + len }));
    fc.assert(
      fc.property(fc.array(short, { minLength: 2, maxLength: 15 }), (spans) => {
        const s = summariseTalk([{ key: 't', name: 't', role: 'tutor', spans }], 40, lines);
        const m = s.longestTutorMonologue;
        expect(m).not.toBeNull();
        expect(m?.seconds ?? 0).toBeLessThanOrEqual(s.tutorSeconds + 0.01);
        expect(m?.seconds ?? 0).toBeLessThanOrEqual((m?.to ?? 0) - (m?.from ?? 0) + 0.02);
      }),
    );
  });

  it('finds the same longest monologue as a plain search over every pause', () => {
    // Reference: join tutor stretches across pauses under two seconds nobody else spoke in, checking
    // every other stretch for every pause.
    type Monologue = { from: number; to: number; seconds: number };
    const naive = (tutor: TalkSpan[], others: TalkSpan[]): Monologue | null => {
      let best: Monologue | null = null;
      let cur: Monologue | null = null;
      for (const sp of tutor) {
        const gapFrom = cur?.to ?? 0;
        const quiet = !others.some((o) => o.from < sp.from && o.to > gapFrom);
        if (cur !== null && sp.from - cur.to < 2 && quiet)
          cur = { from: cur.from, to: sp.to, seconds: cur.seconds + sp.to - sp.from };
        else cur = { from: sp.from, to: sp.to, seconds: sp.to - sp.from };
        if (!best || cur.seconds > best.seconds) best = cur;
      }
      return best;
    };
    const short = fc
      .tuple(fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }))
      .map(([from, len]) => ({ from, to: from + len }));
    fc.assert(
      fc.property(fc.array(short, { maxLength: 12 }), fc.array(short, { maxLength: 8 }), (tutor, learner) => {
        const s = summariseTalk(
          [
            { key: 't', name: 't', role: 'tutor', spans: tutor },
            { key: 's', name: 's', role: 'student', spans: learner },
          ],
          50,
          lines,
        );
        const want = naive(mergeSpans(tutor, 50), mergeSpans(learner, 50));
        const r = (n: number) => Math.round(n * 100) / 100;
        expect(s.longestTutorMonologue).toEqual(
          want ? { from: r(want.from), to: r(want.to), seconds: r(want.seconds) } : null,
        );
      }),
      // Cheap, and a learner in exactly the pause that decides the longest is a rare draw.
      { numRuns: 2000 },
    );
  });

  it('never has a monologue longer than the tutor’s talk, and has one exactly when the tutor spoke', () => {
    fc.assert(
      fc.property(seats, axis, (all, axisSeconds) => {
        const s = summariseTalk(all, axisSeconds, lines);
        if (s.tutorSeconds > 0) {
          expect(s.longestTutorMonologue).not.toBeNull();
          expect(s.longestTutorMonologue?.seconds ?? 0).toBeLessThanOrEqual(s.tutorSeconds + 0.01);
          const m = s.longestTutorMonologue;
          if (m) expect(m.seconds).toBeLessThanOrEqual(m.to - m.from + 0.02);
        }
        if (s.learnerSharePercent !== null) expect(s.band).not.toBeNull();
      }),
    );
  });
});
