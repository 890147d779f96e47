/**
 * `npm run audit:verify`: checks the audit log's hash chain in the database DATABASE_URL names and
 * exits 0 when intact, 1 when broken, 2 when it could not check. Needs only DATABASE_URL (not the
 * LiveKit and auth secrets the server needs), and never writes: no migrations, no new database file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyAuditChain } from '../audit/audit-verify';
import { parseDatabaseUrl } from '../config';
import { connectDatabase } from '../db/connect';

// The server's own default (config.ts), so the command finds the same database with no variable set.
const defaultDatabaseUrl = `sqlite:${fileURLToPath(new URL('../../../../', import.meta.url))}.data/assent.sqlite`;

const url = process.env.DATABASE_URL || defaultDatabaseUrl;
const database = parseDatabaseUrl(url);
if (!database) {
  console.error('DATABASE_URL: must be sqlite:<path>, sqlite::memory: or a postgres:// URL');
  process.exit(2);
}
if (database.kind === 'sqlite' && database.filename !== ':memory:' && !existsSync(database.filename)) {
  console.error(`No database at ${database.filename} (DATABASE_URL)`);
  process.exit(2);
}

const { db } = connectDatabase(database);
try {
  const result = await verifyAuditChain(db);
  const end = result.lastSeq === null ? 'empty' : `last entry ${result.lastSeq}, hash ${result.lastHash}`;
  if (result.brokenAt) {
    console.log(`Audit log BROKEN at entry ${result.brokenAt.seq}: ${result.brokenAt.reason}`);
    console.log(`${result.entries} entries read (${end})`);
  } else {
    console.log(`Audit log intact: ${result.entries} entries (${end})`);
  }
  process.exitCode = result.intact ? 0 : 1;
} catch (error) {
  console.error(`Could not read the audit log: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await db.destroy();
}
