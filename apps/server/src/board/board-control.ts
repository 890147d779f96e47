/**
 * The tutor (or an admin present) opens or closes the board for everyone, and locks it so only they draw.
 * Each change is audited in the same transaction; the room is told with a `status` packet, and the caller
 * republishes the room metadata (which carries `board: { open, locked }` for the recording layout).
 */
import type { BoardStatus } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { seatActor } from '../people/can';
import type { Person, Session } from '../sessions/session-repository';
import { type BoardDeps, sendBoardPackets } from './board-deps';
import { authorizeBoardControl } from './board-permission';
import { lockBoard } from './board-repository';

export async function setBoardStatus(
  deps: BoardDeps,
  invite: { session: Session; person: Person },
  change: { open: boolean } | { locked: boolean },
): Promise<BoardStatus & { changed: boolean }> {
  const { session, person } = invite;
  const opening = 'open' in change;
  await authorizeBoardControl(deps, invite, opening ? 'call.open_board' : 'call.lock_board');
  const at = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    let row = await lockBoard(trx, session.id);
    if (!row) {
      // The board's row is made the first time anything is set on it (closing an unopened board included).
      await trx
        .insertInto('session_boards')
        .values({
          session_id: session.id,
          open: 0,
          locked: 0,
          revision: 0,
          elements: '[]',
          image: null,
          image_revision: null,
          updated_at: at.toISOString(),
          saved_at: null,
        })
        .execute();
      row = await lockBoard(trx, session.id);
    }
    const before = { open: Boolean(row?.open), locked: Boolean(row?.locked) };
    const after = { ...before, ...change };
    if (after.open === before.open && after.locked === before.locked) return { ...after, changed: false };
    await trx
      .updateTable('session_boards')
      .set({ open: after.open ? 1 : 0, locked: after.locked ? 1 : 0, updated_at: at.toISOString() })
      .where('session_id', '=', session.id)
      .execute();
    const action = opening
      ? after.open
        ? 'board.open'
        : 'board.close'
      : after.locked
        ? 'board.lock'
        : 'board.unlock';
    await appendAudit(trx, {
      actor: seatActor(person),
      action,
      target: { type: 'session', id: session.id },
      detail: { sessionId: session.id },
      at,
    });
    return { ...after, changed: true };
  });
  if (result.changed) {
    await sendBoardPackets(deps, session.roomName, [
      { type: 'status', open: result.open, locked: result.locked },
    ]);
  }
  return result;
}
