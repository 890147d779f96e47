/**
 * Drawing: the elements a browser changed are merged into the board by the editor's rule in one
 * transaction (the row locked), then the merged copies of what really changed go to the room over
 * LiveKit data. A refusal changes nothing. No audit entry per stroke: the board itself is the record.
 */
import { type BoardElement, boardLimits } from '@assent/shared';
import { AppError } from '../http/app-error';
import type { Person, Session } from '../sessions/session-repository';
import { type BoardDeps, sendBoardPackets } from './board-deps';
import { boardPackets, mergeElements } from './board-merge';
import { mayOnBoard } from './board-permission';
import { createBoardRateLimiter } from './board-rate';
import { lockBoard, parseElements } from './board-repository';

const limiter = createBoardRateLimiter();

export interface UpdateBoardInput {
  elements: readonly BoardElement[];
  /** Whether the consent rules hold this person back from publishing now (rule 5; as for a screen share). */
  heldBack: boolean;
}

export async function updateBoard(
  deps: BoardDeps,
  { session, person }: { session: Session; person: Person },
  input: UpdateBoardInput,
): Promise<{ revision: number }> {
  const at = deps.now();
  if (input.heldBack) {
    throw new AppError(
      403,
      'publishing_held_back',
      'While the call is being recorded, only people who agreed to the recording can draw on the whiteboard.',
    );
  }
  if (!limiter.take(person.id, at)) {
    throw new AppError(429, 'rate_limited', 'The whiteboard is taking too many changes from you; slow down.');
  }
  const mayDrawLocked = await mayOnBoard(deps.db, person, 'call.draw_on_locked_board');
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await lockBoard(trx, session.id);
    if (!row?.open) {
      throw new AppError(409, 'board_closed', 'The whiteboard is closed.');
    }
    if (row.locked && !mayDrawLocked) {
      throw new AppError(403, 'board_locked', 'The tutor has locked the whiteboard.');
    }
    const merged = mergeElements(parseElements(row.elements), input.elements);
    if (merged.changed.length === 0) return { revision: Number(row.revision), changed: [] };
    if (merged.elements.length > boardLimits.elementsPerBoard) {
      throw new AppError(
        409,
        'board_full',
        `The whiteboard holds at most ${boardLimits.elementsPerBoard} elements; clear some first.`,
      );
    }
    const revision = Number(row.revision) + 1;
    await trx
      .updateTable('session_boards')
      .set({ elements: JSON.stringify(merged.elements), revision, updated_at: at.toISOString() })
      .where('session_id', '=', session.id)
      .execute();
    return { revision, changed: merged.changed };
  });
  if (outcome.changed.length > 0) {
    await sendBoardPackets(
      deps,
      session.roomName,
      boardPackets(outcome.revision, person.livekitIdentity, outcome.changed),
    );
  }
  return { revision: outcome.revision };
}
