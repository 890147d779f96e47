/** What the board's use cases need, and sending to the room (a failure is logged, never thrown). */
import { type BoardPacket, BoardTopic } from '@assent/shared';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import type { RoomService } from '../livekit/room-service';

export interface BoardDeps {
  db: Db;
  roomService: RoomService;
  logger: Logger;
  now: () => Date;
}

/** Sends packets to the room in order; the stored board is the truth, so a failure is only logged. */
export async function sendBoardPackets(
  deps: Pick<BoardDeps, 'roomService' | 'logger'>,
  roomName: string,
  packets: readonly BoardPacket[],
): Promise<void> {
  for (const packet of packets) {
    try {
      await deps.roomService.sendToRoom(roomName, BoardTopic, JSON.stringify(packet));
    } catch (error) {
      deps.logger.warn({ err: error, packet: packet.type }, 'board: LiveKit did not take the packet');
    }
  }
}
