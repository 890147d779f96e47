import { describe, expect, it } from 'vitest';
import { formatSessionDate, peopleLine } from './session-summary';

describe('session summary', () => {
  it('lists who is in a session with their roles', () => {
    expect(
      peopleLine([
        { name: 'Ms Rivera', role: 'tutor' },
        { name: 'Ana', role: 'student' },
        { name: 'Pat', role: 'guardian' },
      ]),
    ).toBe('Ms Rivera (tutor), Ana (student), Pat (guardian)');
    expect(peopleLine([])).toBe('');
  });

  it('writes the date in full', () => {
    expect(formatSessionDate('2025-03-04T10:00:00Z', 'en-GB')).toBe('4 March 2025');
  });
});
