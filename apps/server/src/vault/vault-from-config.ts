/** The vault as the configuration describes it: its directory and its key-encryption keys. */
import type { Logger } from 'pino';
import type { VaultConfig } from '../config';
import type { Db } from '../db/database';
import type { PolicyBook } from '../policy/policy-book';
import { configKeyStore } from './crypto/key-store';
import { parseMasterKeys } from './master-keys-source';
import { createVault, type DataClassSweeper, type Vault } from './vault';

export function vaultFromConfig(
  config: VaultConfig,
  deps: {
    db: Db;
    policies: PolicyBook;
    logger: Logger;
    now: () => Date;
    sweepers?: readonly DataClassSweeper[];
  },
): Vault {
  return createVault({
    ...deps,
    keys: configKeyStore(parseMasterKeys(config.masterKeys), config.currentKeyId),
    files: { dir: config.dir, recordingsDir: config.recordingsDir },
    sweepIntervalMs: config.sweepIntervalMinutes * 60_000,
  });
}
