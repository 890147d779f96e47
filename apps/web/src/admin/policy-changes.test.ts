import { describe, expect, it } from 'vitest';
import { changeInWords, daysInWords } from './policy-changes';

const labelOf = (id: string) => (id === 'safeguarding' ? 'Safeguarding' : id);

describe('changeInWords', () => {
  it.each([
    [
      { field: 'purposes.tutor_review', before: null, after: 'Tutor review' },
      'Added the purpose “Tutor review”',
    ],
    [
      { field: 'purposes.tutor_review', before: 'Tutor review', after: null },
      'Removed the purpose “Tutor review”',
    ],
    [
      { field: 'purposes.safeguarding.label', before: 'Safeguarding', after: 'Child safety' },
      'Renamed the purpose “Safeguarding” to “Child safety”',
    ],
    [
      { field: 'purposes.safeguarding.retentionDays', before: 90, after: 45 },
      'Safeguarding: recordings kept for 45 days, was 3 months',
    ],
    [
      { field: 'purposes.safeguarding.viewerRoles', before: ['admin'], after: ['reviewer', 'admin'] },
      'Safeguarding: watched by reviewers, administrators, was administrators',
    ],
    [{ field: 'purposes.order', before: ['a', 'b'], after: ['b', 'a'] }, 'Changed the order of the purposes'],
    [
      { field: 'participantPlaybackDays', before: null, after: 30 },
      'Students and guardians: playback for 30 days, was no playback',
    ],
    [
      { field: 'withdrawalRule', before: 'keep', after: 'erase' },
      'On withdrawal: erase the session’s recordings, was keep earlier recordings',
    ],
    [
      { field: 'advanceGuardianConsent', before: true, after: false },
      'Guardians may no longer consent in advance',
    ],
    [
      { field: 'adultGuestsAllowed', before: true, after: false },
      'Tutors may no longer invite adult guests without an account',
    ],
    [
      { field: 'adultGuestsAllowed', before: false, after: true },
      'Tutors may now invite adult guests without an account',
    ],
    [
      { field: 'noticeText', before: '120 characters', after: '140 characters' },
      'Changed the recording notice',
    ],
    [
      { field: 'joinOpensMinutesBefore', before: 10, after: 15 },
      'Join opens 15 minutes before a session, was 10 minutes',
    ],
    [
      { field: 'joinGraceMinutes', before: 15, after: 0 },
      'Join stays open 0 minutes after a session ends, was 15 minutes',
    ],
    [
      { field: 'guardianPresenceMinutes', before: 5, after: 1 },
      'A guardian is expected within 1 minute of a child’s start and end, was 5 minutes',
    ],
    [
      { field: 'reminderLeadMinutes', before: ['1440', '15'], after: ['2880', '90', '1'] },
      'Reminders: 2 days, 1 hour 30 minutes and 1 minute before, was 1 day and 15 minutes before',
    ],
    [
      { field: 'reminderLeadMinutes', before: ['1440', '15'], after: [] },
      'Reminders: no reminders, was 1 day and 15 minutes before',
    ],
    [
      { field: 'talkTimeEnabled', before: false, after: true },
      'Talk time is now measured in every session (from sound levels, never what is said)',
    ],
    [{ field: 'talkTimeEnabled', before: true, after: false }, 'Talk time is no longer measured'],
    [
      { field: 'talkTimeReaderRoles', before: ['admin', 'reviewer', 'tutor'], after: ['admin'] },
      'Talk time seen by administrators, was tutors, reviewers, administrators',
    ],
    [
      { field: 'talkTimeLearnersSeeOwn', before: false, after: true },
      'Each learner may now see their own share of talk time',
    ],
    [
      { field: 'talkTimeEngagingPercent', before: 10, after: 15 },
      'Highly engaging from 15 % learners’ talk, was 10 %',
    ],
    [{ field: 'talkTimeLowPercent', before: 25, after: 20 }, 'Low talk by learners below 20 %, was 25 %'],
    [{ field: 'talkTimeHighPercent', before: 50, after: 60 }, 'High talk by learners from 60 %, was 50 %'],
    [
      { field: 'talkTimeRetentionDays', before: 1095, after: 365 },
      'Talk time kept for 1 year, was 1095 days',
    ],
    [
      { field: 'transcriptsEnabled', before: true, after: false },
      'Transcripts are no longer made of stored recordings',
    ],
    [
      { field: 'transcriptRetentionDays', before: 1095, after: 30 },
      'Transcripts kept for 30 days, was 1095 days',
    ],
    [{ field: 'retentionMode', before: 'a', after: 'b' }, 'retentionMode: "b", was "a"'],
  ])('%j', (change, words) => {
    expect(changeInWords(change, labelOf)).toBe(words);
  });

  it('names periods as the form does', () => {
    expect(daysInWords(365)).toBe('1 year');
    expect(daysInWords(1)).toBe('1 day');
  });
});
