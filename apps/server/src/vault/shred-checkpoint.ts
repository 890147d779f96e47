/**
 * After a wrapped data key is deleted, SQLite still holds the page that had it in its write-ahead log
 * until a checkpoint copies the page (overwritten: `secure_delete` is on) into the database file. A
 * TRUNCATE checkpoint does that and empties the log, so a shredded key is gone from disk at once, not at
 * some later automatic checkpoint. PostgreSQL keeps dead rows until vacuum and its own WAL until
 * recycled; there, backups expiring within retention and the key-encryption key are what make it final.
 */
import { SqliteAdapter, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database';

export async function checkpointAfterShredding(db: Db, logger?: Logger): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  const result = await sql<{
    busy: number;
    log: number;
    checkpointed: number;
  }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  // busy: another connection's reader kept the log from being emptied; the next shredding tries again.
  if (result.rows[0]?.busy)
    logger?.warn('the database log still holds destroyed keys: a reader kept it busy');
}
