/**
 * `npm run vault -- sweep|rewrap …`: the server's vault command with the local stack's configuration
 * (its database, vault directory and keys from the data dir), so an operator of `npm start` needs no
 * environment of their own.
 */
import { spawnSync } from 'node:child_process';
import { serverService } from './services';
import { resolveStackConfig } from './stack-config';

const config = resolveStackConfig(process.env);
const server = serverService(config);
const result = spawnSync(server.command, ['apps/server/src/commands/vault.ts', ...process.argv.slice(2)], {
  cwd: config.rootDir,
  env: { ...process.env, ...server.env, PATH: process.env.PATH ?? '' },
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
