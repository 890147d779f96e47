import { describe, expect, it } from 'vitest';
import { childrenWithoutGuardian } from './missing-guardians';

const minors = [
  { personId: 'kit', name: 'Kit', guardianPersonIds: ['pat'] },
  { personId: 'tom', name: 'Tom', guardianPersonIds: ['hugo', 'hana'] },
];

describe('children in the call without a guardian', () => {
  it('names a child in the room while none of their guardians is', () => {
    expect(childrenWithoutGuardian(new Set(['tutor', 'kit']), minors)).toEqual(['Kit']);
    expect(childrenWithoutGuardian(new Set(['tutor', 'kit', 'tom', 'pat']), minors)).toEqual(['Tom']);
  });

  it('is satisfied by any one of the child’s guardians, but not by another child’s', () => {
    expect(childrenWithoutGuardian(new Set(['tom', 'hana']), minors)).toEqual([]);
    expect(childrenWithoutGuardian(new Set(['kit', 'hugo']), minors)).toEqual(['Kit']);
  });

  it('says nothing about a child who is not in the room', () => {
    expect(childrenWithoutGuardian(new Set(['tutor']), minors)).toEqual([]);
    expect(childrenWithoutGuardian(new Set(['kit', 'pat']), [])).toEqual([]);
  });
});
