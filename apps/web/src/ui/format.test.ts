import { describe, expect, it } from 'vitest';
import { countInWords, daysCount, durationInWords, formatDate, formatDateTime, listInWords } from './format';

describe('format', () => {
  it('shows an unreadable timestamp as it came', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('writes a date with its day, short month and year', () => {
    expect(formatDate('2026-03-03T12:00:00Z')).toBe('3 Mar 2026');
    expect(formatDateTime('2026-03-03T12:00:00Z')).toMatch(/^3 Mar 2026, \d\d:\d\d$/);
  });

  it.each([
    [null, null],
    [0, '0 s'],
    [45, '45 s'],
    [59, '59 s'],
    [60, '1 min'],
    [12 * 60 + 10, '12 min'],
    [2700, '45 min'],
    [3600, '1 h'],
    [3900, '1 h 5 min'],
  ])('says %s seconds as %s', (seconds, words) => {
    expect(durationInWords(seconds)).toBe(words);
  });

  it('counts in the singular only for one', () => {
    expect(countInWords(0, 'entry', 'entries')).toBe('0 entries');
    expect(countInWords(1, 'entry', 'entries')).toBe('1 entry');
    expect(countInWords(2, 'entry', 'entries')).toBe('2 entries');
    expect(daysCount(1)).toBe('1 day');
    expect(daysCount(30)).toBe('30 days');
  });

  it('joins names with commas and a final and', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['tutors'])).toBe('tutors');
    expect(listInWords(['tutors', 'reviewers'])).toBe('tutors and reviewers');
    expect(listInWords(['tutors', 'reviewers', 'administrators'])).toBe(
      'tutors, reviewers and administrators',
    );
  });
});
