/**
 * Reading a session's saved board afterwards: the chat log's readers (the caller checks
 * `can('session.read_chat')` with the chat log's resource first), every reading audited in the same
 * transaction as the read. Only a saved board is readable: a live one is the call's.
 */
import type { SavedBoard } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import { parseElements } from './board-repository';

const notSaved = () => new AppError(404, 'not_found', 'No whiteboard was kept for this session.');

export async function readSavedBoard(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  sessionId: string,
): Promise<SavedBoard> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('session_boards')
      .select(['revision', 'saved_at', 'elements', 'image_revision'])
      .where('session_id', '=', sessionId)
      .where('saved_at', 'is not', null)
      .executeTakeFirst();
    if (!row?.saved_at) throw notSaved();
    await appendAudit(trx, {
      actor,
      action: 'board.read',
      target: { type: 'session', id: sessionId },
      detail: { sessionId, format: 'elements' },
      at: deps.now(),
    });
    return {
      sessionId,
      revision: Number(row.revision),
      savedAt: row.saved_at,
      elements: parseElements(row.elements).filter((e) => !e.isDeleted),
      hasImage: row.image_revision !== null,
    };
  });
}

export async function readSavedBoardImage(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  sessionId: string,
): Promise<Uint8Array> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('session_boards')
      .select(['image'])
      .where('session_id', '=', sessionId)
      .where('saved_at', 'is not', null)
      .executeTakeFirst();
    if (!row?.image) throw notSaved();
    await appendAudit(trx, {
      actor,
      action: 'board.read',
      target: { type: 'session', id: sessionId },
      detail: { sessionId, format: 'png' },
      at: deps.now(),
    });
    return new Uint8Array(row.image);
  });
}
