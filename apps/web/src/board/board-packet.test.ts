import { describe, expect, it } from 'vitest';
import { boardPacketFrom, boardStatusFromMetadata } from './board-packet';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const stroke = {
  id: 'x1',
  type: 'freedraw',
  version: 3,
  versionNonce: 7,
  isDeleted: false,
  points: [[0, 0]],
};

describe('boardPacketFrom', () => {
  it('reads the server packets on the board topic, keeping the editor fields as given', () => {
    expect(
      boardPacketFrom(
        bytes({ type: 'elements', revision: 2, from: 'p1', elements: [stroke] }),
        undefined,
        'board',
      ),
    ).toEqual({
      type: 'elements',
      revision: 2,
      from: 'p1',
      elements: [stroke],
    });
    expect(boardPacketFrom(bytes({ type: 'reload', revision: 9 }), undefined, 'board')).toEqual({
      type: 'reload',
      revision: 9,
    });
    expect(boardPacketFrom(bytes({ type: 'status', open: true, locked: false }), undefined, 'board')).toEqual(
      {
        type: 'status',
        open: true,
        locked: false,
      },
    );
  });

  it('ignores packets from a participant, on another topic, or malformed', () => {
    const packet = bytes({ type: 'status', open: true, locked: false });
    expect(boardPacketFrom(packet, { identity: 'student' }, 'board')).toBeUndefined();
    expect(boardPacketFrom(packet, undefined, 'chat')).toBeUndefined();
    expect(boardPacketFrom(new TextEncoder().encode('{'), undefined, 'board')).toBeUndefined();
    const bad = { ...stroke, version: 'three' };
    expect(
      boardPacketFrom(
        bytes({ type: 'elements', revision: 2, from: 'p', elements: [bad] }),
        undefined,
        'board',
      ),
    ).toBeUndefined();
  });
});

describe('boardStatusFromMetadata', () => {
  it('reads the board part of the room metadata, if any', () => {
    expect(boardStatusFromMetadata(JSON.stringify({ board: { open: true, locked: true } }))).toEqual({
      open: true,
      locked: true,
    });
    expect(boardStatusFromMetadata(JSON.stringify({ request: null }))).toBeUndefined();
    expect(boardStatusFromMetadata('nope')).toBeUndefined();
    expect(boardStatusFromMetadata(undefined)).toBeUndefined();
  });
});
