/** Reading and writing the board's row; the elements are kept as the editor's JSON. */
import type { BoardElement, BoardState, BoardStatus } from '@assent/shared';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { SessionBoardsTable } from './board-tables';

export type StoredBoard = Selectable<SessionBoardsTable>;

/** A session whose board was never opened: closed, unlocked, empty. */
export const emptyBoard: BoardState = { open: false, locked: false, revision: 0, elements: [] };

export function parseElements(text: string): BoardElement[] {
  return JSON.parse(text) as BoardElement[];
}

export function toBoardState(row: StoredBoard | undefined): BoardState {
  if (!row) return emptyBoard;
  return {
    open: Boolean(row.open),
    locked: Boolean(row.locked),
    revision: Number(row.revision),
    elements: parseElements(row.elements),
  };
}

export async function findBoard(db: DbOrTrx, sessionId: string): Promise<StoredBoard | undefined> {
  return db.selectFrom('session_boards').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

/**
 * The board's row for the rest of this transaction: on PostgreSQL locked `FOR UPDATE`, so concurrent
 * updates merge one after the other; SQLite's write transaction already runs alone.
 */
export async function lockBoard(trx: DbOrTrx, sessionId: string): Promise<StoredBoard | undefined> {
  const query = trx.selectFrom('session_boards').selectAll().where('session_id', '=', sessionId);
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  return (postgres ? query.forUpdate() : query).executeTakeFirst();
}

/** Whether the board is the main stage and whether it is locked, for the room metadata. */
export async function boardStatusOf(db: DbOrTrx, sessionId: string): Promise<BoardStatus> {
  const row = await db
    .selectFrom('session_boards')
    .select(['open', 'locked'])
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return { open: Boolean(row?.open), locked: Boolean(row?.locked) };
}
