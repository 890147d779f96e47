import { type BoardElement, type BoardPacket, BoardTopic } from '@assent/shared';
import { serverPacket } from '../call/server-packet';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function asElement(v: unknown): BoardElement | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const e = v as Record<string, unknown>;
  if (typeof e.id !== 'string' || e.id === '' || typeof e.type !== 'string') return undefined;
  if (!isInt(e.version) || e.version < 0 || !isInt(e.versionNonce) || typeof e.isDeleted !== 'boolean')
    return undefined;
  return e as BoardElement;
}

/** A board packet from a LiveKit data message the server sent, or undefined for anything else. */
export function boardPacketFrom(
  payload: Uint8Array,
  sender: { identity: string } | undefined,
  topic: string | undefined,
): BoardPacket | undefined {
  const p = serverPacket(payload, sender, topic, BoardTopic);
  if (!p) return undefined;
  if (p.type === 'elements' && isInt(p.revision) && typeof p.from === 'string' && Array.isArray(p.elements)) {
    const elements = p.elements.map(asElement);
    if (elements.some((e) => e === undefined)) return undefined;
    return { type: 'elements', revision: p.revision, from: p.from, elements: elements as BoardElement[] };
  }
  if (p.type === 'reload' && isInt(p.revision)) return { type: 'reload', revision: p.revision };
  if (p.type === 'status' && typeof p.open === 'boolean' && typeof p.locked === 'boolean')
    return { type: 'status', open: p.open, locked: p.locked };
  return undefined;
}

/** The board's open and locked state from the room metadata the server writes, if it says. */
export function boardStatusFromMetadata(
  metadata: string | undefined,
): { open: boolean; locked: boolean } | undefined {
  if (!metadata) return undefined;
  try {
    const board = (JSON.parse(metadata) as { board?: unknown }).board as Record<string, unknown> | undefined;
    if (typeof board?.open === 'boolean')
      return { open: board.open, locked: typeof board.locked === 'boolean' ? board.locked : false };
  } catch {
    // Not JSON: nothing said.
  }
  return undefined;
}
