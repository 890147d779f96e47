/**
 * `npm run vault -- <command>` for operators, with the server's configuration (environment):
 * - `sweep [--as-of ISO-TIME]`: what the schedule does — ingest finished files, apply the withdrawal
 *   rule, destroy recordings whose retention ended (as of the given time: to check what a date will
 *   destroy, or to test retention), remove leftovers. Prints what it did.
 * - `rewrap`: rewrap every data key under the current key-encryption key (the server also does this
 *   at start); prints how many, and how many are under keys the configuration no longer has.
 * Exits 0 on success, 1 when something could not be done, 2 on bad usage or configuration.
 */
import { composeCore } from '../compose-core';
import { ConfigError, loadConfig } from '../config';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { createLogger } from '../logger';

const [command, flag, value] = process.argv.slice(2);
const usage = 'usage: vault sweep [--as-of ISO-TIME] | vault rewrap';
let asOf: Date | undefined;
if (command === 'sweep' && flag === '--as-of') {
  asOf = new Date(value ?? '');
  if (Number.isNaN(asOf.getTime())) {
    console.error(`--as-of: not a time: ${value ?? ''}\n${usage}`);
    process.exit(2);
  }
} else if (!(command === 'sweep' && flag === undefined) && !(command === 'rewrap' && flag === undefined)) {
  console.error(usage);
  process.exit(2);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(2);
}

const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const { db } = connectDatabase(config.database);
const now = () => new Date();
try {
  await migrateToLatest(db);
  const { vault, sweepers } = composeCore({ config, db, logger, now });
  if (command === 'rewrap') {
    const result = await vault.rewrapKeys();
    console.log(
      `Rewrapped ${result.rewrapped} data keys under ${result.currentKekId}; ${result.unreadable} under keys this configuration lacks.`,
    );
    process.exitCode = result.unreadable === 0 ? 0 : 1;
  } else {
    const result = await vault.sweep(asOf);
    const others = sweepers.map((sweeper) => {
      const swept = result.dataClasses[sweeper.dataClass] ?? { destroyed: 0, held: 0 };
      return `; ${swept.destroyed} ${sweeper.plural} destroyed by retention, ${swept.held} held by an open report`;
    });
    console.log(
      `Swept${asOf ? ` as of ${asOf.toISOString()}` : ''}: ${result.stored} stored, ${result.expired} destroyed by retention, ${result.erasedAfterWithdrawal} by the withdrawal rule, ${result.destroyedAfterHold} after a hold ended, ${result.held} held by an open report, ${result.leftoversRemoved} leftover files removed${others.join('')}.`,
    );
  }
} catch (error) {
  console.error(`Vault command failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
