import { describe, expect, it } from 'vitest';
import { consentScopeText, listOfNames } from './consent-scope';

describe('listOfNames', () => {
  it('joins one, two and more names the way a sentence does', () => {
    expect(listOfNames(['Ana'])).toBe('Ana');
    expect(listOfNames(['Ana', 'Ben'])).toBe('Ana and Ben');
    expect(listOfNames(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben and Cleo');
  });
});

describe('consentScopeText', () => {
  it('tells a guardian every student their consent also counts for', () => {
    expect(consentScopeText({ consentsFor: ['Sam Student'], needsGuardian: false })).toBe(
      'Your consent also counts for Sam Student.',
    );
    expect(consentScopeText({ consentsFor: ['Ana', 'Ben', 'Cleo'], needsGuardian: false })).toBe(
      'Your consent also counts for Ana, Ben and Cleo.',
    );
  });

  it("tells a minor student their consent counts together with a guardian's", () => {
    expect(consentScopeText({ consentsFor: [], needsGuardian: true })).toBe(
      "Your consent counts together with a parent's or guardian's: both of you must say yes before you are recorded.",
    );
  });

  it('says nothing to people whose consent counts for themselves alone', () => {
    expect(consentScopeText({ consentsFor: [], needsGuardian: false })).toBeNull();
  });
});
