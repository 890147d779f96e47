/** Searching a transcript: which lines match, and where in a line to mark what was searched for. */
import type { TranscriptLine } from '@assent/shared';

const fold = (text: string) => text.toLocaleLowerCase();

/** The lines whose words or speaker contain the query (any case); every line for an empty query. */
export function matchingLines(lines: readonly TranscriptLine[], query: string): TranscriptLine[] {
  const q = fold(query.trim());
  if (q === '') return [...lines];
  return lines.filter((line) => fold(line.text).includes(q) || fold(line.speaker?.name ?? '').includes(q));
}

/** A line's text cut where the query occurs: `[{ text, match }]`, in order. */
export function markMatches(text: string, query: string): { text: string; match: boolean }[] {
  const q = fold(query.trim());
  if (q === '') return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  const folded = fold(text);
  let from = 0;
  for (let at = folded.indexOf(q); at !== -1; at = folded.indexOf(q, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
