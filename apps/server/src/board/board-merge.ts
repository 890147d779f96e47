/**
 * The board's merge and what the room is sent, both pure. Of two copies of an element the higher
 * `version` wins; on equal versions the lower `versionNonce` wins: the editor's own rule, so whatever
 * order updates arrive in, every copy of the board ends the same.
 */
import type { BoardElement, BoardPacket } from '@assent/shared';

/** Whether `incoming` replaces `kept` (a copy of the same element) by the editor's rule. */
export function wins(incoming: BoardElement, kept: BoardElement | undefined): boolean {
  if (!kept) return true;
  if (incoming.version !== kept.version) return incoming.version > kept.version;
  return incoming.versionNonce < kept.versionNonce;
}

export interface Merged {
  /** The board after the merge: elements in the order they first reached it. */
  elements: BoardElement[];
  /** The merged copies of the elements that changed, each once, in the order of the update. */
  changed: BoardElement[];
}

export function mergeElements(board: readonly BoardElement[], update: readonly BoardElement[]): Merged {
  const byId = new Map<string, BoardElement>();
  for (const element of board) byId.set(element.id, element);
  const changed = new Map<string, BoardElement>();
  for (const element of update) {
    if (!wins(element, byId.get(element.id))) continue;
    byId.set(element.id, element);
    changed.delete(element.id);
    changed.set(element.id, element);
  }
  return { elements: [...byId.values()], changed: [...changed.values()] };
}

/**
 * LiveKit refuses a data packet over about 15 KiB (its SCTP message limit less headers): each packet's
 * JSON stays within this many bytes.
 */
export const boardPacketBytes = 14 * 1024;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The packets that carry `changed` to the room: as few `elements` packets as fit (each within
 * `boardPacketBytes`, all with the same revision), or, when one element alone does not fit, a single
 * `reload` that asks every browser to load the whole board.
 */
export function boardPackets(
  revision: number,
  from: string,
  changed: readonly BoardElement[],
  limit = boardPacketBytes,
): BoardPacket[] {
  const empty: BoardPacket = { type: 'elements', revision, from, elements: [] };
  const overhead = bytesOf(empty);
  const packets: BoardPacket[] = [];
  let current: BoardElement[] = [];
  let size = overhead;
  for (const element of changed) {
    const bytes = bytesOf(element);
    if (overhead + bytes > limit) return [{ type: 'reload', revision }];
    // A comma separates each element after the first.
    const added = current.length === 0 ? bytes : bytes + 1;
    if (size + added > limit) {
      packets.push({ ...empty, elements: current });
      current = [element];
      size = overhead + bytes;
    } else {
      current.push(element);
      size += added;
    }
  }
  if (current.length > 0) packets.push({ ...empty, elements: current });
  return packets;
}
