import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../test-support/accounts';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { announceFirstRun } from './first-run';

/** A logger whose JSON lines land in `lines` (what the runner reads from the server's log file). */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe.each(testDatabases)('the first-run announcement ($name)', (database) => {
  const ctx = useTestApp(database);

  it('logs the one-time link while there is no administrator, and says so once there is one', async () => {
    const t = ctx();
    const fresh = capturingLogger();
    const link = await announceFirstRun({
      db: t.db,
      config: t.config,
      logger: fresh.logger,
      now: () => t.clock.now,
    });
    expect(fresh.lines.map((l) => l.firstRunLink)).toEqual([link]);

    await signedInAs(t, 'admin');
    const later = capturingLogger();
    expect(
      await announceFirstRun({ db: t.db, config: t.config, logger: later.logger, now: () => t.clock.now }),
    ).toBeUndefined();
    expect(later.lines.map((l) => l.firstRun)).toEqual(['administrator_exists']);
    expect(later.lines.some((l) => 'firstRunLink' in l)).toBe(false);
  });
});
