/**
 * Schoolhouse's measure: learners' words (spoken, from a transcript, or typed in the chat) over all words.
 * Pure. A word is a run of characters between spaces holding at least one letter or digit, so "—" or
 * ":)" are not words and "don't" or "x²" are one each. Learners are students; a guardian's or the tutor's
 * words count only in the total.
 */
import type { WordShare } from '@assent/shared';

const hasLetterOrDigit = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => hasLetterOrDigit.test(token)).length;
}

export interface ChatMessageForWords {
  senderRole: string;
  text: string;
  /** Removed by the tutor, or erased under the withdrawal rule: not counted either way. */
  removed: boolean;
  erased: boolean;
}

export interface TranscriptWords {
  wordCount: number;
  learnerWordCount: number;
}

/**
 * The word share from the chat log and the session's ready transcripts; null when there is neither a
 * transcript nor a chat message to count.
 */
export function wordShare(
  messages: readonly ChatMessageForWords[],
  transcripts: readonly TranscriptWords[],
): WordShare | null {
  const counted = messages.filter((m) => !m.removed && !m.erased);
  if (counted.length === 0 && transcripts.length === 0) return null;
  let learnerWords = 0;
  let totalWords = 0;
  for (const m of counted) {
    const n = countWords(m.text);
    totalWords += n;
    if (m.senderRole === 'student') learnerWords += n;
  }
  for (const t of transcripts) {
    totalWords += t.wordCount;
    learnerWords += Math.min(t.learnerWordCount, t.wordCount);
  }
  return {
    learnerWords,
    totalWords,
    learnerSharePercent: totalWords > 0 ? Math.round((learnerWords / totalWords) * 10000) / 100 : null,
    fromTranscript: transcripts.length > 0,
  };
}
