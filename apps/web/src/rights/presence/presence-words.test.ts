import type { MinorGuardianPresence } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { endInWords, presenceLine, startInWords } from './presence-words';

const kit = (start: MinorGuardianPresence['start'], end: MinorGuardianPresence['end']) => ({
  personId: 'p1',
  name: 'Kit',
  start,
  end,
  guardiansAtStart: [],
  guardiansAtEnd: [],
});

describe('guardian presence in words', () => {
  it('says each verdict plainly', () => {
    expect(startInWords('present')).toBe('At start: present');
    expect(startInWords('missed')).toBe('At start: missing');
    expect(endInWords('in_progress')).toBe('At end: in progress');
    expect(endInWords('not_joined')).toBe('At end: did not join');
  });

  it('gives one line per child once they have joined', () => {
    expect(presenceLine(kit('present', 'present'))).toBe(
      'Kit: a guardian was there at the start and at the end',
    );
    expect(presenceLine(kit('missed', 'in_progress'))).toBe('Kit: no guardian at the start');
    expect(presenceLine(kit('present', 'in_progress'))).toBe('Kit: a guardian was there at the start');
    expect(presenceLine(kit('present', 'missed'))).toBe(
      'Kit: a guardian was there at the start, but not at the end',
    );
    expect(presenceLine(kit('missed', 'missed'))).toBe('Kit: no guardian at the start or at the end');
    expect(presenceLine(kit('missed', 'present'))).toBe(
      'Kit: no guardian at the start; a guardian was there at the end',
    );
    expect(presenceLine(kit('not_joined', 'not_joined'))).toBeNull();
  });
});
