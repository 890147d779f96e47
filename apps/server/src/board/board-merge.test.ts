import type { BoardElement, BoardPacket } from '@assent/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardPackets, mergeElements, wins } from './board-merge';

const element = (id: string, version: number, versionNonce: number, extra: object = {}): BoardElement => ({
  id,
  type: 'freedraw',
  version,
  versionNonce,
  isDeleted: false,
  ...extra,
});

const asMap = (elements: readonly BoardElement[]) => new Map(elements.map((e) => [e.id, e]));

describe('merging a board by the editor’s rule', () => {
  it('takes the higher version, and on equal versions the lower versionNonce', () => {
    expect(wins(element('a', 3, 9), element('a', 2, 1))).toBe(true);
    expect(wins(element('a', 2, 1), element('a', 3, 9))).toBe(false);
    expect(wins(element('a', 3, 1), element('a', 3, 9))).toBe(true);
    expect(wins(element('a', 3, 9), element('a', 3, 1))).toBe(false);
    // The same copy again changes nothing.
    expect(wins(element('a', 3, 1), element('a', 3, 1))).toBe(false);
    expect(wins(element('a', 0, 5), undefined)).toBe(true);
  });

  it('counts as changed only the elements that won, each once', () => {
    const board = [element('a', 2, 5), element('b', 1, 1)];
    const merged = mergeElements(board, [
      element('a', 1, 0),
      element('b', 2, 7),
      element('c', 1, 3),
      element('c', 2, 3),
    ]);
    expect(merged.changed).toEqual([element('b', 2, 7), element('c', 2, 3)]);
    expect(merged.elements).toEqual([element('a', 2, 5), element('b', 2, 7), element('c', 2, 3)]);
    expect(mergeElements(merged.elements, [element('a', 2, 5)]).changed).toEqual([]);
  });

  it('ends with the same board whatever order the updates arrive in', () => {
    const copy = fc
      .record({
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        version: fc.integer({ min: 0, max: 4 }),
        versionNonce: fc.integer({ min: -3, max: 3 }),
        // What else the copy says: two copies with the same version and nonce may differ in it.
        x: fc.integer({ min: 0, max: 2 }),
      })
      .map(({ id, version, versionNonce, x }) => element(id, version, versionNonce, { x }));
    const updates = fc.array(fc.array(copy, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(updates, fc.func(fc.integer()), (sent, rank) => {
        // Copies that tie on version and nonce are the same copy in the editor (it bumps the nonce on
        // every change); keep the property to boards where that holds.
        const seen = new Map<string, number>();
        for (const e of sent.flat()) {
          const key = `${e.id}/${e.version}/${e.versionNonce}`;
          if (seen.has(key) && seen.get(key) !== e.x) return;
          seen.set(key, e.x as number);
        }
        const inOrder = sent.reduce<BoardElement[]>((board, u) => mergeElements(board, u).elements, []);
        const shuffled = [...sent].sort((p, q) => rank(p) - rank(q));
        const reordered = shuffled.reduce<BoardElement[]>((board, u) => mergeElements(board, u).elements, []);
        expect(asMap(reordered)).toEqual(asMap(inOrder));
      }),
      { numRuns: 500 },
    );
  });
});

describe('packets to the room', () => {
  const bytes = (p: BoardPacket) => Buffer.byteLength(JSON.stringify(p));

  it('splits the changed elements over packets within the limit, all with the same revision', () => {
    const changed = Array.from({ length: 40 }, (_, i) =>
      element(`e${i}`, 1, i, { points: Array.from({ length: 30 }, (_, j) => [j, i * j]) }),
    );
    const packets = boardPackets(7, 'PA_tutor', changed, 4096);
    expect(packets.length).toBeGreaterThan(1);
    for (const packet of packets) {
      expect(bytes(packet)).toBeLessThanOrEqual(4096);
      expect(packet).toMatchObject({ type: 'elements', revision: 7, from: 'PA_tutor' });
    }
    // Every element once, in order.
    expect(packets.flatMap((p) => (p.type === 'elements' ? p.elements : []))).toEqual(changed);
  });

  it('fills each packet as far as it goes (one packet when all fit)', () => {
    const changed = [element('a', 1, 1), element('b', 1, 1)];
    expect(boardPackets(1, 'PA_x', changed)).toEqual([
      { type: 'elements', revision: 1, from: 'PA_x', elements: changed },
    ]);
    // Exactly at the limit still fits.
    const exact = bytes({ type: 'elements', revision: 1, from: 'PA_x', elements: changed });
    expect(boardPackets(1, 'PA_x', changed, exact)).toHaveLength(1);
    expect(boardPackets(1, 'PA_x', changed, exact - 1)).toHaveLength(2);
  });

  it('asks everyone to reload when one element alone is too large for a packet', () => {
    const huge = element('big', 3, 1, { points: Array.from({ length: 3000 }, (_, j) => [j, j]) });
    expect(boardPackets(9, 'PA_x', [element('a', 1, 1), huge])).toEqual([{ type: 'reload', revision: 9 }]);
  });
});
