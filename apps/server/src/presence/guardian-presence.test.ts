import { describe, expect, it } from 'vitest';
import {
  guardianWindowMs,
  judgeGuardianPresence,
  minorsVisibleTo,
  type PresenceSpan,
  type SessionPresenceFacts,
  type SessionSeat,
} from './guardian-presence';

const t0 = Date.parse('2026-12-01T16:00:00.000Z');
/** Minutes after t0, as the ISO text presence rows hold. */
const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

const seats: SessionSeat[] = [
  { personId: 'tutor', name: 'Dana Tutor', role: 'tutor', minor: false, userId: 'u-tutor' },
  { personId: 'kit', name: 'Kit', role: 'student', minor: true, userId: null },
  { personId: 'pat', name: 'Pat Guardian', role: 'guardian', minor: false, userId: 'u-pat' },
  { personId: 'ola', name: 'Ola Adult', role: 'student', minor: false, userId: null },
  { personId: 'tom', name: 'Tom', role: 'student', minor: true, userId: null },
  { personId: 'hugo', name: 'Hugo Guardian', role: 'guardian', minor: false, userId: 'u-hugo' },
];
const links = [
  { guardianPersonId: 'pat', studentPersonId: 'kit' },
  { guardianPersonId: 'hugo', studentPersonId: 'tom' },
];

const span = (personId: string | null, from: number | null, to: number | null, kind = 'STANDARD') => ({
  personId,
  kind,
  joinedAt: from === null ? null : at(from),
  leftAt: to === null ? null : at(to),
});

function judge(presence: PresenceSpan[]) {
  return judgeGuardianPresence({ sessionId: 's1', seats, links, presence });
}

const kitOf = (presence: PresenceSpan[]) => judge(presence).minors.find((m) => m.personId === 'kit');

describe('a guardian at the start and end of a session', () => {
  it('uses a five-minute window', () => {
    expect(guardianWindowMs).toBe(5 * 60_000);
  });

  it('counts a guardian who joins two minutes after the child as present', () => {
    const kit = kitOf([span('tutor', 0, 60), span('kit', 0, 60), span('pat', 2, 60)]);
    expect(kit).toMatchObject({
      start: 'present',
      end: 'present',
      guardiansAtStart: ['Pat Guardian'],
      guardiansAtEnd: ['Pat Guardian'],
    });
  });

  it('counts a guardian who joins seven minutes after the child as missed at the start', () => {
    const kit = kitOf([span('kit', 0, 60), span('pat', 7, 60)]);
    expect(kit).toMatchObject({ start: 'missed', end: 'present', guardiansAtStart: [] });
  });

  it("judges around the child's own arrival, not the call's", () => {
    const kit = kitOf([span('tutor', 0, 60), span('kit', 10, 60), span('pat', 12, 60)]);
    expect(kit?.start).toBe('present');
  });

  it("misses the end when the guardian leaves before the child's last five minutes", () => {
    const kit = kitOf([span('kit', 0, 60), span('pat', 0, 54)]);
    expect(kit).toMatchObject({ start: 'present', end: 'missed', guardiansAtEnd: [] });
  });

  it('counts a guardian there exactly at the edge of a window', () => {
    expect(kitOf([span('kit', 0, 60), span('pat', 0, 55)])?.end).toBe('present');
    expect(kitOf([span('kit', 0, 60), span('pat', 5, 60)])?.start).toBe('present');
  });

  it('takes every join and leave of each person into account', () => {
    // Kit drops out and back in; Pat is there at first, away in the middle, back for the goodbye.
    const presence = [
      span('kit', 0, 20),
      span('kit', 22, 50),
      span('pat', 1, 3),
      span('pat', 47, 52),
      span('tutor', 0, 52),
    ];
    expect(kitOf(presence)).toMatchObject({ start: 'present', end: 'present' });
    // Kit's start is their first arrival and their end their last departure.
    expect(kitOf([span('kit', 0, 20), span('kit', 22, 50), span('pat', 18, 21)])).toMatchObject({
      start: 'missed',
      end: 'missed',
    });
  });

  it('leaves the end unjudged while anyone is still in the call', () => {
    const record = judge([span('tutor', 0, null), span('kit', 0, 30), span('pat', 1, 30)]);
    expect(record).toMatchObject({ inProgress: true, callEndedAt: null, missed: false });
    expect(record.minors.find((m) => m.personId === 'kit')).toMatchObject({
      start: 'present',
      end: 'in_progress',
    });
  });

  it('does not judge a minor who never joined, nor an adult student', () => {
    const record = judge([span('tutor', 0, 60), span('kit', 0, 60), span('pat', 0, 60)]);
    expect(record.minors.map((m) => m.personId)).toEqual(['kit', 'tom']);
    expect(record.minors[1]).toMatchObject({ start: 'not_joined', end: 'not_joined' });
    expect(record.missed).toBe(false);
  });

  it('does not count a guardian of another child, nor unknown participants or the recorder', () => {
    const record = judge([
      span('kit', 0, 60),
      span('hugo', 0, 60),
      span(null, 0, 60),
      span('recorder', 0, 60, 'EGRESS'),
    ]);
    expect(record.minors[0]).toMatchObject({ start: 'missed', end: 'missed' });
    expect(record.missed).toBe(true);
  });

  it('spans the call from the first known arrival to the last departure, the recorder aside', () => {
    const record = judge([
      span('recorder', -5, 90, 'EGRESS'),
      span(null, -3, 95),
      span('tutor', 0, 61),
      span('kit', 1, 60),
    ]);
    expect(record).toMatchObject({ callStartedAt: at(0), callEndedAt: at(61), inProgress: false });
    expect(judge([])).toMatchObject({ callStartedAt: null, callEndedAt: null, inProgress: false });
  });

  it('counts a leave whose join never arrived as a moment in the room', () => {
    expect(kitOf([span('kit', 0, 60), span('pat', null, 58)])).toMatchObject({
      start: 'missed',
      end: 'present',
    });
  });
});

describe('who sees which child', () => {
  const facts: SessionPresenceFacts = { sessionId: 's1', seats, links, presence: [] };
  const verdict = judgeGuardianPresence(facts);
  const names = (list: { name: string }[] | undefined) => list?.map((m) => m.name);

  it('shows every child to staff and the tutor', () => {
    expect(names(minorsVisibleTo({ userId: 'a', role: 'admin' }, 'u-tutor', facts, verdict))).toEqual([
      'Kit',
      'Tom',
    ]);
    expect(names(minorsVisibleTo({ userId: 'r', role: 'reviewer' }, 'u-tutor', facts, verdict))).toHaveLength(
      2,
    );
    expect(
      names(minorsVisibleTo({ userId: 'u-tutor', role: 'tutor' }, 'u-tutor', facts, verdict)),
    ).toHaveLength(2);
  });

  it('shows a guardian only their own children, and nobody else anything', () => {
    expect(names(minorsVisibleTo({ userId: 'u-pat', role: 'guardian' }, 'u-tutor', facts, verdict))).toEqual([
      'Kit',
    ]);
    expect(minorsVisibleTo({ userId: 'u-ola', role: 'student' }, 'u-tutor', facts, verdict)).toBeUndefined();
    expect(minorsVisibleTo({ userId: 'u-x', role: 'tutor' }, 'u-tutor', facts, verdict)).toBeUndefined();
  });
});

describe('the policy’s window, and the scheduled start and end', () => {
  const scheduled = { startsAt: at(0), endsAt: at(60) };
  const judgeScheduled = (presence: PresenceSpan[], windowMinutes = 5) =>
    judgeGuardianPresence(
      { sessionId: 's1', seats, links, presence, scheduled },
      windowMinutes * 60_000,
    ).minors.find((m) => m.personId === 'kit');

  it('takes the window from the policy: seven minutes late is present with a ten-minute window', () => {
    const presence = [span('kit', 0, 60), span('pat', 7, 60)];
    expect(judgeScheduled(presence, 5)).toMatchObject({ start: 'missed' });
    expect(judgeScheduled(presence, 10)).toMatchObject({
      start: 'present',
      guardiansAtStart: ['Pat Guardian'],
    });
  });

  it('a guardian who settled the child in early and left before the lesson began missed its start', () => {
    // Kit arrives ten minutes early; Pat is there for the first three minutes only, back for the end.
    const presence = [span('kit', -10, 60), span('pat', -10, -7), span('pat', 55, 60)];
    expect(judgeScheduled(presence)).toMatchObject({ start: 'missed', end: 'present' });
    // Without a schedule only the child's arrival counts, and Pat was there for it.
    expect(kitOf(presence)).toMatchObject({ start: 'present' });
  });

  it('a guardian there at the child’s early arrival and at the lesson’s start is present, named once', () => {
    const presence = [span('kit', -10, 60), span('pat', -10, -7), span('pat', 2, 60)];
    expect(judgeScheduled(presence)).toMatchObject({ start: 'present', guardiansAtStart: ['Pat Guardian'] });
  });

  it('a child who stays past the scheduled end needs a guardian at that end as well as at leaving', () => {
    // The lesson ends at 60; Kit stays on to 80. Pat only comes back for the last minutes.
    const stayed = [span('kit', 0, 80), span('pat', 0, 5), span('pat', 77, 80)];
    expect(judgeScheduled(stayed)).toMatchObject({ start: 'present', end: 'missed' });
    const both = [span('kit', 0, 80), span('pat', 0, 5), span('pat', 57, 80)];
    expect(judgeScheduled(both)).toMatchObject({ end: 'present', guardiansAtEnd: ['Pat Guardian'] });
  });

  it('a child who arrives late and leaves early is judged at their own arrival and departure', () => {
    const presence = [span('kit', 20, 40), span('pat', 21, 24), span('pat', 38, 40)];
    expect(judgeScheduled(presence)).toMatchObject({ start: 'present', end: 'present' });
    expect(judgeScheduled([span('kit', 20, 40), span('pat', 0, 5), span('pat', 55, 60)])).toMatchObject({
      start: 'missed',
      end: 'missed',
    });
  });
});
