/**
 * `npm run vault:rotate-key`: adds a new key-encryption key to the data dir's secrets and makes it the
 * current one. Restart Assent (`npm start`): the server rewraps every recording's data key under the new
 * key at start (media is never touched). `npm run vault -- rewrap` does the same by hand and reports
 * what is left; once nothing is under an old key, it may be removed from `vaultMasterKeys`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newVaultMasterKey, resolveStackConfig } from './stack-config';

const config = resolveStackConfig(process.env);
const file = join(config.dataDir, 'secrets.json');
const secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
const keys = (secrets.vaultMasterKeys ?? '').split(',').filter(Boolean);
const highest = Math.max(0, ...keys.map((k) => Number(/^kek-(\d+):/.exec(k)?.[1] ?? 0)));
const added = newVaultMasterKey(highest + 1);
secrets.vaultMasterKeys = [...keys, added].join(',');
writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
const id = added.slice(0, added.indexOf(':'));
console.log(`Added ${id} to ${file} as the current key-encryption key (${keys.length} older kept).`);
console.log('Restart Assent (npm start): it rewraps every data key under the new key at start.');
console.log('Check with: npm run vault -- rewrap');
