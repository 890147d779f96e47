import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { days } from '@assent/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect';
import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { recordedSession } from '../test-support/recordings';
import { buildTestApp, type TestApp } from '../test-support/test-app';

describe('crypto-shredding on a SQLite file', () => {
  let dir: string | undefined;
  let db: Db | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.vault.idle();
    await db?.destroy();
    if (t) rmSync(t.config.vault.dir, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Every byte SQLite keeps on disk for this database: the file, its write-ahead log and shared memory. */
  const onDisk = (file: string) =>
    Buffer.concat(
      [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
    );

  it('leaves the destroyed recording’s wrapped key in neither the database file nor its -wal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'assent-wal-'));
    const file = join(dir, 'assent.sqlite');
    db = connectDatabase({ kind: 'sqlite', filename: file }).db;
    await migrateToLatest(db);
    t = buildTestApp(db);
    const rec = await recordedSession(t);
    const { wrapped_key: wrapped } = await db
      .selectFrom('recording_keys')
      .select('wrapped_key')
      .where('recording_id', '=', rec.recordingId)
      .executeTakeFirstOrThrow();
    const needle = Buffer.from(wrapped, 'utf8');
    // It is on disk while the recording is kept (that is what the test looks for afterwards).
    expect(onDisk(file).includes(needle)).toBe(true);

    t.clock.now = new Date(t.clock.now.getTime() + days(91));
    expect((await t.vault.sweep()).expired).toBe(1);

    expect(onDisk(file).includes(needle)).toBe(false);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  });
});
