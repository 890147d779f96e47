/**
 * The Range header of a playback request, as one byte range or a refusal. Parsing is range-parser's
 * (the one Express uses); what to do with the result is ours: several ranges are answered with one
 * range covering them all (a video element asks for one at a time anyway), anything unsatisfiable or
 * malformed with 416.
 */
import parseRange from 'range-parser';

export type RangeDecision =
  | { kind: 'whole' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'whole' };
  if (size === 0) return { kind: 'unsatisfiable' };
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1 || ranges === -2 || ranges.type !== 'bytes' || ranges.length === 0) {
    return { kind: 'unsatisfiable' };
  }
  const start = Math.min(...ranges.map((r) => r.start));
  const end = Math.max(...ranges.map((r) => r.end));
  return { kind: 'partial', start, end };
}
