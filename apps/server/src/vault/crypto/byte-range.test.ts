import { describe, expect, it } from 'vitest';
import { decideRange } from './byte-range';

describe('decideRange', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=900-', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    // Past the end is cut to the end; a start past the end cannot be satisfied.
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=1000-1100', { kind: 'unsatisfiable' }],
    // Reversed, malformed, another unit.
    ['bytes=500-100', { kind: 'unsatisfiable' }],
    ['bytes=abc', { kind: 'unsatisfiable' }],
    ['bytes=', { kind: 'unsatisfiable' }],
    ['items=0-5', { kind: 'unsatisfiable' }],
    // Several ranges: one covering them all.
    ['bytes=0-9,20-29', { kind: 'partial', start: 0, end: 29 }],
    ['bytes=0-9,5-14', { kind: 'partial', start: 0, end: 14 }],
  ] as const)('%s → %o', (header, expected) => {
    expect(decideRange(header, 1000)).toEqual(expected);
  });

  it('refuses any range of an empty recording', () => {
    expect(decideRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
