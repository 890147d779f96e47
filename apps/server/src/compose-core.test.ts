import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeCore } from './compose-core';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { say } from './test-support/chat';
import { createRecordingSession } from './test-support/recording-session';
import { testEnv, useTestApp } from './test-support/test-app';
import { countRows, testDatabases, useDatabase } from './test-support/test-databases';

const day = 24 * 3600 * 1000;

describe.each(testDatabases)('the composed core ($name)', (database) => {
  const ctx = useTestApp(database);

  it('sweeps the chat log with the recordings, in the test app as in the server', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await say(t, s.student.token, 'hello');
    const result = await t.vault.sweep(new Date(t.clock.now.getTime() + 90 * day));
    expect(result.dataClasses).toEqual({
      chat_log: { destroyed: 1, held: 0 },
      transcript: { destroyed: 0, held: 0 },
    });
    expect(await countRows(t.db, 'chat_messages')).toBe(0);
  });
});

describe.each(testDatabases)('the composed core without LiveKit ($name)', (database) => {
  const db = useDatabase(database);

  it('builds the policy book and the vault only, sharing the one policy book', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assent-core-'));
    const config = loadConfig({ ...testEnv, VAULT_DIR: dir, RECORDINGS_DIR: join(dir, 'egress') });
    const core = composeCore({
      config,
      db: db(),
      logger: createLogger('silent'),
      now: () => new Date(),
    });
    expect(Object.keys(core).sort()).toEqual(['policies', 'sweepers', 'vault']);
    expect(core.sweepers.map((s) => s.dataClass)).toEqual(['chat_log', 'transcript']);
    expect((await core.vault.sweep()).dataClasses).toEqual({
      chat_log: { destroyed: 0, held: 0 },
      transcript: { destroyed: 0, held: 0 },
    });
    await core.vault.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
