/**
 * A validly signed egress webhook names files, but the vault only ever opens the path Assent chose when
 * it started the egress, only for egresses Assent started, only inside the recordings directory, and
 * never through a symbolic link. An egress that produced nothing is lost, never a stored recording.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answer,
  createRecordingSession,
  type RecordingSession,
  requestRecording,
} from '../test-support/recording-session';
import { fakeMp4 } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { deliverWebhook } from '../test-support/webhook-delivery';

const secretText = JSON.stringify({ vaultMasterKeys: 'kek-1:not-really-but-stands-for-it' });

describe.each(testDatabases)('egress files named by webhooks ($name)', (database) => {
  const ctx = useTestApp(database);

  /** A data directory beside the vault's, holding a file that stands for the stack's secrets.json. */
  function secretsFile(t: TestApp) {
    const dir = join(t.config.vault.dir, 'data');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'secrets.json');
    writeFileSync(path, secretText);
    return path;
  }

  /** Everyone joins and consents, so Assent starts an egress; its id and the path Assent chose. */
  async function recordingStarted(
    t: TestApp,
  ): Promise<RecordingSession & { egressId: string; chosen: string }> {
    const s = await createRecordingSession(t);
    for (const person of s.everyone) {
      await deliverWebhook(t, {
        event: 'participant_joined',
        roomName: s.roomName,
        identity: person.identity,
      });
    }
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) await answer(t, 'consent', person, requestId);
    await t.consent.idle();
    const [egressId = ''] = t.egress.running();
    const chosen = t.egress.egresses.get(egressId)?.filepath ?? '';
    mkdirSync(dirname(chosen), { recursive: true });
    return { ...s, egressId, chosen };
  }

  const ended = (s: { roomName: string }, egressId: string, filename: string) => ({
    event: 'egress_ended',
    egress: { egressId, roomName: s.roomName, status: 'EGRESS_COMPLETE', filename },
  });

  async function settle(t: TestApp) {
    await t.consent.idle();
    await t.vault.collect();
    await t.vault.idle();
  }

  const recordings = (t: TestApp) =>
    t.db.selectFrom('recordings').select(['status', 'ingest_error', 'plaintext_path']).execute();
  const blobs = (t: TestApp) => readdirSync(t.config.vault.dir).filter((f) => f.startsWith('rec_'));
  const lostAudits = async (t: TestApp) =>
    (
      await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', '=', 'recording.lost')
        .execute()
    ).length;

  it('ignores an egress Assent never started, whatever file it names: nothing read, stored or deleted', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const secrets = secretsFile(t);
    // A file inside the recordings directory, too: an id Assent did not start is not ingested at all.
    const inside = join(t.config.recording.recordingsDir, s.sessionId, 'someone-elses.mp4');
    mkdirSync(dirname(inside), { recursive: true });
    writeFileSync(inside, fakeMp4(5000));
    await deliverWebhook(t, ended(s, 'EG_forged_1', secrets));
    await deliverWebhook(t, ended(s, 'EG_forged_2', inside));
    await settle(t);

    expect(readFileSync(secrets, 'utf8')).toBe(secretText);
    expect(existsSync(inside)).toBe(true);
    expect(await recordings(t)).toEqual([]);
    expect(blobs(t)).toEqual([]);
  });

  it('stores the file Assent chose for its own egress and never the one the webhook names', async () => {
    const t = ctx();
    const rec = await recordingStarted(t);
    const secrets = secretsFile(t);
    const media = fakeMp4(20_000);
    writeFileSync(rec.chosen, media);
    await deliverWebhook(t, ended(rec, rec.egressId, secrets));
    await settle(t);

    expect(readFileSync(secrets, 'utf8')).toBe(secretText);
    expect(existsSync(dirname(secrets))).toBe(true);
    const rows = await recordings(t);
    expect(rows).toMatchObject([{ status: 'stored', plaintext_path: null }]);
    expect(existsSync(rec.chosen)).toBe(false);
    const stored = await t.db.selectFrom('recordings').select('size_bytes').executeTakeFirstOrThrow();
    expect(Number(stored.size_bytes)).toBe(media.length);
  });

  it('does not follow a symbolic link at the chosen path: lost, audited, the target untouched', async () => {
    const t = ctx();
    const rec = await recordingStarted(t);
    const secrets = secretsFile(t);
    symlinkSync(secrets, rec.chosen);
    await deliverWebhook(t, ended(rec, rec.egressId, rec.chosen));
    await settle(t);

    expect(readFileSync(secrets, 'utf8')).toBe(secretText);
    expect(await recordings(t)).toMatchObject([{ status: 'lost', plaintext_path: null }]);
    expect((await recordings(t))[0]?.ingest_error).toMatch(/symbolic link/);
    expect(blobs(t)).toEqual([]);
    expect(await lostAudits(t)).toBe(1);
    // The vault's clean-up leaves it too: it removes only regular files inside the recordings directory.
    await t.vault.sweep();
    expect(readFileSync(secrets, 'utf8')).toBe(secretText);
  });

  it('refuses a chosen path whose directory leads out of the recordings directory', async () => {
    const t = ctx();
    const rec = await recordingStarted(t);
    const secrets = secretsFile(t);
    // The session's directory replaced by a link to the data directory, holding a file of the chosen name.
    const outside = dirname(secrets);
    writeFileSync(join(outside, rec.chosen.split('/').pop() ?? ''), fakeMp4(5000));
    const sessionDir = dirname(rec.chosen);
    rmdirSync(sessionDir);
    symlinkSync(outside, sessionDir);
    await deliverWebhook(t, ended(rec, rec.egressId, rec.chosen));
    await settle(t);

    expect(readFileSync(secrets, 'utf8')).toBe(secretText);
    expect(existsSync(join(outside, rec.chosen.split('/').pop() ?? ''))).toBe(true);
    expect(await recordings(t)).toMatchObject([{ status: 'lost' }]);
    expect((await recordings(t))[0]?.ingest_error).toMatch(/not inside the recordings directory/);
    expect(blobs(t)).toEqual([]);
  });

  it('makes an egress that produced a 0-byte file lost, audited, with no stored recording', async () => {
    const t = ctx();
    const rec = await recordingStarted(t);
    writeFileSync(rec.chosen, Buffer.alloc(0));
    await deliverWebhook(t, ended(rec, rec.egressId, rec.chosen));
    await settle(t);

    expect(await recordings(t)).toMatchObject([
      { status: 'lost', ingest_error: 'egress produced an empty file', plaintext_path: null },
    ]);
    expect(existsSync(rec.chosen)).toBe(false);
    expect(blobs(t)).toEqual([]);
    expect(await lostAudits(t)).toBe(1);
    const list = await t.db.selectFrom('recordings').select('id').where('status', '=', 'stored').execute();
    expect(list).toEqual([]);
  });

  it('makes an egress whose path is not a regular file (a directory here) lost, and leaves it alone', async () => {
    const t = ctx();
    const rec = await recordingStarted(t);
    mkdirSync(rec.chosen);
    writeFileSync(join(rec.chosen, 'inside.txt'), 'x');
    await deliverWebhook(t, ended(rec, rec.egressId, rec.chosen));
    await settle(t);
    expect(await recordings(t)).toMatchObject([{ status: 'lost', plaintext_path: null }]);
    expect((await recordings(t))[0]?.ingest_error).toMatch(/not a regular file/);
    expect(existsSync(join(rec.chosen, 'inside.txt'))).toBe(true);
    expect(blobs(t)).toEqual([]);
  });

  it('makes an egress that left no file lost, with no stored recording', async () => {
    const t = ctx();
    const rec = await recordingStarted(t);
    await deliverWebhook(t, ended(rec, rec.egressId, rec.chosen));
    await settle(t);
    expect(await recordings(t)).toMatchObject([
      { status: 'lost', ingest_error: 'egress finished without a file' },
    ]);
    expect(await lostAudits(t)).toBe(1);
  });
});
