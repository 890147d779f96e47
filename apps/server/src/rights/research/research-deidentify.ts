/**
 * De-identifying text that leaves in a research archive (transcripts, the chat log): every participant's
 * name, and each part of it, and the session's title are replaced by the manifest's pseudonyms. Matching
 * is case-insensitive and on word boundaries (letters and digits in any script), longest name first, so
 * "Anne-Marie O'Neil" becomes one pseudonym before "Anne" could match inside it. A part two people share
 * ("Sam" of Sam Lee and Sam Ortiz) cannot say whom it meant and becomes "[name]". Pure and tested directly.
 *
 * A surname that is also a word ("Read", "Will") is replaced wherever the word is: more is hidden, never less.
 */

export interface NameToReplace {
  /** The name as written in the session (a seat's name, or the session's title). */
  name: string;
  pseudonym: string;
}

const ambiguous = '[name]';

/** The whole name and its parts (split on spaces), each at least two letters or digits long. */
function partsOf(name: string): string[] {
  const whole = name.trim().replace(/\s+/g, ' ');
  const parts = whole.split(' ').filter((p) => (p.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2);
  return [...new Set([whole, ...parts])].filter((p) => p !== '');
}

const asPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Builds the replacer once for a session; apply it to each line of text. */
export function deidentifier(names: readonly NameToReplace[], titles: readonly NameToReplace[] = []) {
  const targets = new Map<string, string>();
  const wholeNames = new Set<string>();
  const add = (text: string, pseudonym: string, whole: boolean) => {
    const key = text.toLocaleLowerCase();
    const known = targets.get(key);
    if (whole) wholeNames.add(key);
    if (known === undefined) targets.set(key, pseudonym);
    // Another person's whole name wins over a part; two parts alike say nobody in particular.
    else if (known !== pseudonym && !(wholeNames.has(key) && !whole))
      targets.set(key, whole ? pseudonym : ambiguous);
  };
  for (const { name, pseudonym } of titles) {
    const whole = name.trim().replace(/\s+/g, ' ');
    if (whole !== '') add(whole, pseudonym, true);
  }
  for (const { name, pseudonym } of names) {
    const [whole, ...parts] = partsOf(name);
    if (whole) add(whole, pseudonym, true);
    for (const part of parts) add(part, pseudonym, false);
  }
  const ordered = [...targets.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (ordered.length === 0) return (text: string) => text;
  // Spaces inside a name match any run of whitespace.
  const alternatives = ordered.map((t) => asPattern(t).replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return (text: string) =>
    text.replace(
      pattern,
      (match) => targets.get(match.toLocaleLowerCase().replace(/\s+/g, ' ')) ?? ambiguous,
    );
}
