import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, wordShare } from './word-share';

const msg = (senderRole: string, text: string, flags: { removed?: boolean; erased?: boolean } = {}) => ({
  senderRole,
  text,
  removed: flags.removed ?? false,
  erased: flags.erased ?? false,
});

describe('counting words', () => {
  it('counts runs holding a letter or digit, in any script', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('Let us keep it kind.')).toBe(5);
    expect(countWords("don't — stop :) 42")).toBe(3);
    expect(countWords('Ça   va?\n très bien')).toBe(4);
    expect(countWords('こんにちは 世界')).toBe(2);
  });

  it('learner words are students’ chat, removed and erased messages left out on both sides', () => {
    const share = wordShare(
      [
        msg('tutor', 'What is seven times eight?'),
        msg('student', 'fifty six'),
        msg('guardian', 'Well done'),
        msg('student', 'something unkind here', { removed: true }),
        msg('student', '', { erased: true }),
      ],
      [],
    );
    expect(share).toEqual({
      learnerWords: 2,
      totalWords: 9,
      learnerSharePercent: 22.22,
      fromTranscript: false,
    });
  });

  it('adds a ready transcript’s spoken words, and says so', () => {
    const share = wordShare([msg('student', 'one two')], [{ wordCount: 98, learnerWordCount: 8 }]);
    expect(share).toEqual({
      learnerWords: 10,
      totalWords: 100,
      learnerSharePercent: 10,
      fromTranscript: true,
    });
  });

  it('is null with neither chat nor transcript, and has no share with no words', () => {
    expect(wordShare([], [])).toBeNull();
    expect(wordShare([msg('tutor', 'x', { removed: true })], [])).toBeNull();
    expect(wordShare([msg('tutor', ':)')], [])).toEqual({
      learnerWords: 0,
      totalWords: 0,
      learnerSharePercent: null,
      fromTranscript: false,
    });
  });

  it('keeps the share in 0..100 and learners’ words within all words', () => {
    const message = fc.record({
      senderRole: fc.constantFrom('tutor', 'student', 'guardian'),
      text: fc.string({ maxLength: 60 }),
      removed: fc.boolean(),
      erased: fc.boolean(),
    });
    const transcript = fc
      .tuple(fc.nat(5000), fc.nat(5000))
      .map(([a, b]) => ({ wordCount: Math.max(a, b), learnerWordCount: Math.min(a, b) }));
    fc.assert(
      fc.property(fc.array(message), fc.array(transcript, { maxLength: 3 }), (messages, transcripts) => {
        const share = wordShare(messages, transcripts);
        if (!share) return;
        expect(share.learnerWords).toBeLessThanOrEqual(share.totalWords);
        if (share.learnerSharePercent !== null) {
          expect(share.learnerSharePercent).toBeGreaterThanOrEqual(0);
          expect(share.learnerSharePercent).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
