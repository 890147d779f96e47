import { describe, expect, it } from 'vitest';
import { roleLabel } from './ParticipantTileWithRole';

describe('the role beside a name on a tile', () => {
  it.each([
    ['tutor', 'Tutor'],
    ['student', 'Student'],
    ['guardian', 'Guardian'],
    // A reviewer or admin watching live is labelled as what they are doing there, never as a student.
    ['observer', 'Observer'],
    [undefined, 'Guest'],
    ['admin', 'Guest'],
    ['toString', 'Guest'],
  ])('%s → %s', (role, label) => {
    expect(roleLabel(role)).toBe(label);
  });
});
