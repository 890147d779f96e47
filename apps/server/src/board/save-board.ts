/**
 * When the session ends (the tutor ends it for everyone, or LiveKit reports the room finished) the board
 * becomes the saved board: session record kept with the chat log, in its data class, readers and retention.
 * A board never drawn on, or with nothing left on it, is not kept: its row is deleted. Saving twice (the
 * end and the room-finished news that follows it) changes nothing the second time.
 */
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { Db } from '../db/database';
import { lockBoard, parseElements } from './board-repository';

export type BoardSaved = 'saved' | 'discarded' | 'unchanged' | 'none';

export async function saveBoard(db: Db, sessionId: string, at: Date): Promise<BoardSaved> {
  return db.transaction().execute(async (trx) => {
    const row = await lockBoard(trx, sessionId);
    if (!row) return 'none';
    const elements = parseElements(row.elements).filter((e) => !e.isDeleted);
    if (elements.length === 0) {
      await trx.deleteFrom('session_boards').where('session_id', '=', sessionId).execute();
      return 'discarded';
    }
    if (row.saved_at !== null && row.saved_at >= row.updated_at) return 'unchanged';
    const savedAt = at.toISOString();
    await trx
      .updateTable('session_boards')
      .set({ open: 0, saved_at: savedAt, updated_at: savedAt })
      .where('session_id', '=', sessionId)
      .execute();
    await appendAudit(trx, {
      actor: systemActor,
      action: 'board.save',
      target: { type: 'session', id: sessionId },
      detail: { sessionId, revision: Number(row.revision), elements: elements.length },
      at,
    });
    return 'saved';
  });
}
