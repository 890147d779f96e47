import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { signedInAs } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { fakeMp4, finishedEgress, logEntry, recordedSession } from '../test-support/recordings';
import { type TestApp, testEnv, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { blobPath } from './ingest';
import { formatMasterKeys, newMasterKey, parseMasterKeys } from './master-keys-source';
import { vaultFromConfig } from './vault-from-config';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function setWithdrawalRule(t: TestApp, rule: 'keep' | 'erase') {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    { ...current.policy, withdrawalRule: rule, basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1 },
    t.clock.now,
  );
}

describe.each(testDatabases)('the vault ($name)', (database) => {
  const ctx = useTestApp(database);

  it('under "erase", a withdrawal destroys the session’s earlier recordings, including one still finishing', async () => {
    const t = ctx();
    await setWithdrawalRule(t, 'erase');
    const rec = await recordedSession(t);
    const seats = await seatsOf(t, rec.sessionId);
    const sam = seats.find((s) => s.name === 'Sam Student');
    if (!sam) throw new Error('no Sam');
    // A second request, whose recording egress is still finishing when Sam withdraws.
    const second = `req_${randomUUID()}`;
    await logEntry(
      t,
      rec.sessionId,
      seats[0] as (typeof seats)[number],
      'request',
      second,
      'quality_assurance',
      20,
    );
    t.clock.now = new Date(t.clock.now.getTime() + 120_000);
    await logEntry(t, rec.sessionId, sam, 'withdraw', second, 'quality_assurance', 21);
    expect(await t.vault.afterWithdrawal(rec.sessionId)).toBe(1);
    const { path } = await finishedEgress(t, rec.sessionId, second, fakeMp4(5000));
    await t.vault.collect();

    const rows = await t.db.selectFrom('recordings').select(['status']).execute();
    expect(rows.map((r) => r.status)).toEqual(['destroyed', 'destroyed']);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(t.config.vault.dir).filter((f) => f.startsWith('rec_'))).toEqual([]);
    const records = await t.db.selectFrom('deletion_records').selectAll().execute();
    expect(records.map((r) => r.reason)).toEqual(['withdrawal', 'withdrawal']);
    expect(records[0]?.detail).toMatch(/^Sam Student withdrew consent/);
  });

  it('under "keep", a withdrawal leaves earlier recordings', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const sam = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Sam Student');
    if (!sam) throw new Error('no Sam');
    await logEntry(t, rec.sessionId, sam, 'withdraw', 'req_later', 'quality_assurance', 30);
    expect(await t.vault.afterWithdrawal(rec.sessionId)).toBe(0);
    expect((await t.vault.sweep()).erasedAfterWithdrawal).toBe(0);
    const row = await t.db.selectFrom('recordings').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('stored');
  });

  it('rotates the key-encryption key by rewrapping data keys, without touching media', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const blob = blobPath(t.vault.files, rec.recordingId);
    const before = sha256(blob);
    const oldKeys = parseMasterKeys(testEnv.VAULT_MASTER_KEYS);
    const rotated = formatMasterKeys([...oldKeys, newMasterKey('test-2')]);
    const config = loadConfig({ ...testEnv, VAULT_MASTER_KEYS: rotated, VAULT_DIR: t.config.vault.dir });
    const deps = {
      db: t.db,
      policies: t.consent.policies,
      logger: createLogger('silent'),
      now: () => t.clock.now,
    };
    const vault = vaultFromConfig(config.vault, deps);
    vault.start();
    await vault.stop();
    const key = await t.db.selectFrom('recording_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.kek_id).toBe('test-2');
    expect(sha256(blob)).toBe(before);

    // With the old key gone from the configuration, the recording still decrypts.
    const onlyNew = loadConfig({
      ...testEnv,
      VAULT_MASTER_KEYS: formatMasterKeys(parseMasterKeys(rotated).filter((k) => k.id === 'test-2')),
      VAULT_DIR: t.config.vault.dir,
    });
    const after = vaultFromConfig(onlyNew.vault, deps);
    const plaintext = Buffer.concat(await (await after.openPlaintext(rec.recordingId)).toArray());
    expect(plaintext.equals(rec.plaintext)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'vault.keys_rewrapped')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('finishes an ingest a crash interrupted and removes what it left behind', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    // A second file whose ingest "crashed": the pending row, the plaintext and a partial blob remain.
    const plaintext = fakeMp4(70_000);
    const { egressId, path } = await finishedEgress(t, rec.sessionId, 'req_crash', plaintext);
    await t.db
      .insertInto('recordings')
      .values({
        id: 'rec_crashed',
        egress_id: egressId,
        session_id: rec.sessionId,
        request_id: 'req_crash',
        purpose: 'quality_assurance',
        policy_version: 1,
        status: 'pending',
        plaintext_path: path,
        started_at: null,
        ended_at: t.clock.now.toISOString(),
        created_at: t.clock.now.toISOString(),
      })
      .execute();
    writeFileSync(join(t.config.vault.dir, 'rec_crashed.partial'), 'half-written');
    // And a blob of a recording that no longer exists (a crash after its key was shredded).
    writeFileSync(join(t.config.vault.dir, 'rec_gone.vault'), 'unreadable');

    const result = await t.vault.sweep();
    expect(result).toMatchObject({ stored: 1, expired: 0 });
    expect(existsSync(path)).toBe(false);
    expect(
      readdirSync(t.config.vault.dir)
        .filter((f) => f.startsWith('rec_'))
        .sort(),
    ).toEqual([`${rec.recordingId}.vault`, 'rec_crashed.vault'].sort());
    const row = await t.db
      .selectFrom('recordings')
      .selectAll()
      .where('id', '=', 'rec_crashed')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('stored');
  });

  it('marks a recording lost when egress left no file', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const { path } = await finishedEgress(t, rec.sessionId, 'req_nofile', fakeMp4(10));
    rmSync(path);
    await t.vault.collect();
    const statuses = await t.db.selectFrom('recordings').select('status').orderBy('created_at').execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['lost', 'stored']);
  });

  it('keeps no recording for a guessed time: one whose purpose its version does not list waits, refused', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { purpose: 'tutor_coaching' });
    const row = await t.db
      .selectFrom('recordings')
      .select(['status', 'retain_until', 'ingest_error', 'purpose'])
      .where('id', '=', rec.recordingId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', retain_until: null, purpose: 'tutor_coaching' });
    expect(row.ingest_error).toMatch(/does not list the purpose “tutor_coaching”/);
  });
});
