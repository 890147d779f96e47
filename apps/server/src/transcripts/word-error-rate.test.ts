import { describe, expect, it } from 'vitest';
import { wordErrorRate, words } from './word-error-rate';

describe('wordErrorRate', () => {
  it('is 0 for the same words, whatever the case and punctuation', () => {
    expect(wordErrorRate('Good morning, let us start.', 'good morning let us start')).toBe(0);
  });

  it('counts substitutions, deletions and insertions against the reference length', () => {
    expect(wordErrorRate('the base by the height', 'the mermaids by the height')).toBe(1 / 5);
    expect(wordErrorRate('one two three four', 'one three four')).toBe(1 / 4);
    expect(wordErrorRate('one two', 'one two two three')).toBe(2 / 2);
    expect(wordErrorRate('', '')).toBe(0);
  });

  it('keeps apostrophes inside words and drops the rest', () => {
    expect(words("Let's see: it's 3 o'clock!")).toEqual(["let's", 'see', "it's", '3', "o'clock"]);
  });
});
