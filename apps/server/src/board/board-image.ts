/**
 * A browser's picture of the board (PNG, rendered by the editor's export; the server never renders):
 * kept only when it shows a revision at least as new as the picture already kept. Sending one is
 * drawing's permission: a locked board's picture comes only from whoever may draw on it.
 */
import { boardLimits } from '@assent/shared';
import { AppError } from '../http/app-error';
import type { Person, Session } from '../sessions/session-repository';
import type { BoardDeps } from './board-deps';
import { mayOnBoard } from './board-permission';
import { lockBoard } from './board-repository';

const pngSignature = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > pngSignature.length && pngSignature.every((b, i) => bytes[i] === b);
}

export async function keepBoardImage(
  deps: Pick<BoardDeps, 'db' | 'now'>,
  { session, person }: { session: Session; person: Person },
  input: { revision: number; png: Uint8Array; heldBack: boolean },
): Promise<{ kept: boolean; revision: number }> {
  if (input.png.length > boardLimits.imageBytes) {
    throw new AppError(413, 'too_large', 'The picture of the whiteboard is too large.');
  }
  if (!isPng(input.png)) throw new AppError(400, 'validation_failed', 'The picture must be a PNG.');
  if (input.heldBack) {
    throw new AppError(
      403,
      'publishing_held_back',
      'While the call is being recorded you cannot send the whiteboard.',
    );
  }
  const mayDrawLocked = await mayOnBoard(deps.db, person, 'call.draw_on_locked_board');
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockBoard(trx, session.id);
    if (!row) throw new AppError(409, 'board_closed', 'The whiteboard has not been opened.');
    if (row.locked && !mayDrawLocked) {
      throw new AppError(403, 'board_locked', 'The tutor has locked the whiteboard.');
    }
    if (input.revision > Number(row.revision)) {
      throw new AppError(409, 'conflict', 'The board has no such revision yet.');
    }
    const kept = row.image_revision === null ? -1 : Number(row.image_revision);
    if (input.revision < kept) return { kept: false, revision: kept };
    await trx
      .updateTable('session_boards')
      .set({ image: input.png, image_revision: input.revision })
      .where('session_id', '=', session.id)
      .execute();
    return { kept: true, revision: input.revision };
  });
}
