import { describe, expect, it } from 'vitest';
import { initialFamilyDraft, isFamilyFieldPath, newChild, toInviteFamilyRequest } from './enrol-family-form';

describe('enrol a family form', () => {
  it('starts with no children, and a new child is under 18', () => {
    expect(initialFamilyDraft()).toEqual({ guardianEmail: '', children: [] });
    expect(newChild()).toMatchObject({ name: '', minor: true });
  });

  it('sends the email and the named children, trimmed', () => {
    const draft = {
      guardianEmail: ' pat@example.org ',
      children: [
        { ...newChild(), name: ' Ana ' },
        { ...newChild(), name: 'Ben', minor: false },
      ],
    };
    expect(toInviteFamilyRequest(draft)).toEqual({
      guardianEmail: 'pat@example.org',
      children: [
        { name: 'Ana', minor: true },
        { name: 'Ben', minor: false },
      ],
    });
  });

  it('knows which issues it shows beside a field', () => {
    expect(
      ['guardianEmail', 'children', 'children.2.name', 'children.2.minor', 'form'].map(isFamilyFieldPath),
    ).toEqual([true, true, true, false, false]);
  });
});
