import { describe, expect, it } from 'vitest';
import { deidentifier } from './research-deidentify';

describe('de-identifying research text', () => {
  const people = [
    { name: 'Sam Student', pseudonym: 'P2' },
    { name: 'Dana Tutor', pseudonym: 'P1' },
    { name: "Anne-Marie O'Neil", pseudonym: 'P3' },
    { name: 'José Zoë Ñúñez', pseudonym: 'P4' },
    { name: 'J.R. (Bob) Smith+', pseudonym: 'P5' },
  ];
  const replace = deidentifier(people, [{ name: 'Algebra, week 3', pseudonym: 'S1' }]);

  it('replaces whole names and their parts, case-insensitively, longest first', () => {
    expect(replace('Thanks, Sam Student. sam? SAM!')).toBe('Thanks, P2. P2? P2!');
    expect(replace("anne-marie o'neil said Anne-Marie was right")).toBe('P3 said P3 was right');
    expect(replace("Is that O'Neil's pen?")).toBe("Is that P3's pen?");
  });

  it('matches only whole words, in any script', () => {
    expect(replace('Samantha and Sammy are not Sam')).toBe('Samantha and Sammy are not P2');
    expect(replace('josé, JOSÉ and josée')).toBe('P4, P4 and josée');
    expect(replace('Zoë! Ñúñez.')).toBe('P4! P4.');
    expect(replace('Danatutor')).toBe('Danatutor');
  });

  it('treats characters regular expressions care about as text', () => {
    expect(replace('Ask J.R. (Bob) Smith+ now')).toBe('Ask P5 now');
    expect(replace('JxR. nothing here')).toBe('JxR. nothing here');
  });

  it('replaces the session’s title, across line breaks and spacing', () => {
    expect(replace('Welcome to algebra,\nweek   3 everyone')).toBe('Welcome to S1 everyone');
  });

  it('says "[name]" for a part two people share, but never loses a whole name to it', () => {
    const shared = deidentifier([
      { name: 'Sam Lee', pseudonym: 'P1' },
      { name: 'Sam Ortiz', pseudonym: 'P2' },
      { name: 'Lee', pseudonym: 'P3' },
    ]);
    expect(shared('Sam, Sam Lee and Sam Ortiz met Lee')).toBe('[name], P1 and P2 met P3');
  });

  it('leaves text alone when there are no names, and skips one-letter parts', () => {
    expect(deidentifier([])('Hello Sam')).toBe('Hello Sam');
    expect(deidentifier([{ name: 'A B Carter', pseudonym: 'P1' }])('A cat, a B, and Carter')).toBe(
      'A cat, a B, and P1',
    );
  });
});
