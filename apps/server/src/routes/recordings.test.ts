import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AuditPage,
  DeletionRecordList,
  OrganisationPolicy,
  PlaybackGrant,
  RecordingDetail,
  RecordingList,
  SavePolicyRequest,
} from '@assent/shared';
import { days } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession } from '../test-support/organisation';
import { markPresent, recordedSession } from '../test-support/recordings';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const mediaSignatures = ['ftyp', 'OggS', '\x1a\x45\xdf\xa3', 'RIFF'];

async function grant(t: TestApp, account: TestAccount, recordingId: string): Promise<PlaybackGrant> {
  const res = await asAccount(t, account, 'POST', `/api/recordings/${recordingId}/playback`, {});
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PlaybackGrant;
}

function media(t: TestApp, account: TestAccount, url: string, range?: string) {
  return t.app.request(url, {
    headers: { cookie: account.cookie, ...(range ? { range } : {}) },
  });
}

async function auditOf(t: TestApp, admin: TestAccount, query: string): Promise<AuditPage> {
  const res = await asAccount(t, admin, 'GET', `/api/admin/audit?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

describe.each(testDatabases)('the recording vault routes ($name)', (database) => {
  const ctx = useTestApp(database);

  it('stores a finished file encrypted, removes the plaintext and keeps no media signature', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    expect(existsSync(rec.plaintextPath)).toBe(false);
    const files = readdirSync(t.config.vault.dir).filter((f) => f.endsWith('.vault'));
    expect(files).toEqual([`${rec.recordingId}.vault`]);
    const blob = readFileSync(join(t.config.vault.dir, files[0] as string));
    expect(blob.length).toBeGreaterThan(rec.plaintext.length);
    for (const signature of mediaSignatures) {
      expect(blob.subarray(0, 16).includes(Buffer.from(signature, 'latin1'))).toBe(false);
    }
    expect(blob.includes(rec.plaintext.subarray(0, 64))).toBe(false);
    const row = await t.db.selectFrom('recordings').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'stored', plaintext_path: null });
    expect(Number(row.size_bytes)).toBe(rec.plaintext.length);
    // Retained for the purpose's 90 days from when the recording ended.
    expect(Date.parse(row.retain_until ?? '') - t.clock.now.getTime()).toBe(days(90));
  });

  it('lets a reviewer play it back with ranges, audited once per playback, never cached', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const reviewer = await signedInAs(t, 'reviewer', 'Rhea Reviewer');
    const list = (await (await asAccount(t, reviewer, 'GET', '/api/recordings')).json()) as RecordingList;
    expect(list.recordings).toHaveLength(1);
    expect(list.recordings[0]).toMatchObject({
      id: rec.recordingId,
      sessionTitle: 'Algebra, week 3',
      access: 'purpose_viewer',
      purposeLabel: 'Quality assurance',
      sizeBytes: rec.plaintext.length,
      playableUntil: null,
    });

    const detail = (await (
      await asAccount(t, reviewer, 'GET', `/api/recordings/${rec.recordingId}`)
    ).json()) as RecordingDetail;
    expect(detail.consents.map((e) => [e.personName, e.kind, e.forName])).toEqual([
      ['Dana Tutor', 'request', null],
      ['Sam Student', 'consent', null],
      ['Pat Guardian', 'consent', 'Sam Student'],
      ['Dana Tutor', 'consent', null],
    ]);
    expect(detail.consents.every((e) => e.noticeVersion === 'policy-1')).toBe(true);

    const playback = await grant(t, reviewer, rec.recordingId);
    expect(playback).toMatchObject({ viewerName: 'Rhea Reviewer', contentType: 'video/mp4' });

    const whole = await media(t, reviewer, playback.mediaUrl);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('cache-control')).toBe('no-store');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(rec.plaintext)).toBe(true);

    for (const [start, end] of [
      [0, 99],
      [65_530, 65_545],
      [131_000, 199_999],
    ] as const) {
      const part = await media(t, reviewer, playback.mediaUrl, `bytes=${start}-${end}`);
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes ${start}-${end}/${rec.plaintext.length}`);
      expect(part.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await part.arrayBuffer()).equals(rec.plaintext.subarray(start, end + 1))).toBe(true);
    }

    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const views = await auditOf(
      t,
      admin,
      `targetType=recording&targetId=${rec.recordingId}&actionPrefix=recording.view`,
    );
    expect(views.entries).toHaveLength(1);
    expect(views.entries[0]).toMatchObject({
      actorName: 'Rhea Reviewer',
      outcome: 'done',
      detail: { purpose: 'quality_assurance', access: 'purpose_viewer' },
    });
    const verified = await asAccount(t, admin, 'GET', '/api/admin/audit/verify');
    expect(((await verified.json()) as { intact: boolean }).intact).toBe(true);
  });

  it('lists a guardian’s consent given in advance among the consents a recording was made under', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const people = await t.db
      .selectFrom('people')
      .selectAll()
      .where('session_id', '=', rec.sessionId)
      .execute();
    const sam = people.find((p) => p.name === 'Sam Student');
    const pat = people.find((p) => p.name === 'Pat Guardian');
    if (!sam || !pat) throw new Error('sample session');
    await t.db
      .insertInto('advance_consents')
      .values({
        id: 'adv-1',
        session_id: rec.sessionId,
        student_person_id: sam.id,
        guardian_person_id: pat.id,
        guardian_user_id: rec.guardian.userId,
        purposes: JSON.stringify(['quality_assurance']),
        policy_version: 1,
        at: new Date(t.clock.now.getTime() - 3600_000).toISOString(),
      })
      .execute();
    const reviewer = await signedInAs(t, 'reviewer');
    const detail = (await (
      await asAccount(t, reviewer, 'GET', `/api/recordings/${rec.recordingId}`)
    ).json()) as RecordingDetail;
    expect(detail.consents[0]).toMatchObject({
      personName: 'Pat Guardian',
      kind: 'consent',
      forName: 'Sam Student',
      inAdvance: true,
    });
    expect(detail.consents.filter((c) => c.inAdvance)).toHaveLength(1);
  });

  it('answers bad ranges with 416 or one covering range, never a partial leak', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { bytes: 1000 });
    const reviewer = await signedInAs(t, 'reviewer');
    const { mediaUrl } = await grant(t, reviewer, rec.recordingId);
    for (const bad of ['bytes=500-100', 'bytes=1000-', 'bytes=abc', 'lines=0-5', 'bytes=']) {
      const res = await media(t, reviewer, mediaUrl, bad);
      expect(res.status, bad).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */1000');
      expect((await errorOf(res)).code).toBe('range_not_satisfiable');
    }
    const past = await media(t, reviewer, mediaUrl, 'bytes=990-5000');
    expect(past.status).toBe(206);
    expect(Buffer.from(await past.arrayBuffer()).equals(rec.plaintext.subarray(990))).toBe(true);
    const multi = await media(t, reviewer, mediaUrl, 'bytes=0-9,20-29');
    expect(multi.status).toBe(206);
    expect(multi.headers.get('content-range')).toBe('bytes 0-29/1000');
  });

  it('shows participants only what they attended, inside the playback window; refusals look like missing', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const guardianList = (await (
      await asAccount(t, rec.guardian, 'GET', '/api/recordings')
    ).json()) as RecordingList;
    expect(guardianList.recordings.map((r) => [r.id, r.access])).toEqual([[rec.recordingId, 'attended']]);
    expect(guardianList.recordings[0]?.playableUntil).toBe(
      new Date(t.clock.now.getTime() + days(90)).toISOString(),
    );
    await grant(t, rec.guardian, rec.recordingId);

    // A guardian of another session's child.
    const other = await buildSession(t, {
      title: 'Chemistry',
      tutorName: 'Theo Tutor',
      participants: [
        { name: 'Kim Student', role: 'student' },
        { name: 'Lee Guardian', role: 'guardian' },
      ],
    });
    const stranger = other.guardians['Lee Guardian'] as TestAccount;
    const seats = await t.db
      .selectFrom('people')
      .select('id')
      .where('session_id', '=', other.created.sessionId)
      .execute();
    for (const s of seats) await markPresent(t, other.created.sessionId, s.id);
    expect(
      ((await (await asAccount(t, stranger, 'GET', '/api/recordings')).json()) as RecordingList).recordings,
    ).toEqual([]);
    const refused = await asAccount(t, stranger, 'POST', `/api/recordings/${rec.recordingId}/playback`, {});
    const missing = await asAccount(t, stranger, 'POST', '/api/recordings/rec_doesnotexist/playback', {});
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await errorOf(refused)).toEqual(await errorOf(missing));
    // Another tutor is not the owner.
    const theo = other.tutor;
    expect((await asAccount(t, theo, 'GET', `/api/recordings/${rec.recordingId}`)).status).toBe(404);

    // 91 days later the guardian's window has closed; a reviewer still may.
    t.clock.now = new Date(t.clock.now.getTime() + days(91));
    const late = await asAccount(t, rec.guardian, 'POST', `/api/recordings/${rec.recordingId}/playback`, {});
    expect(late.status).toBe(404);

    const admin = await signedInAs(t, 'admin');
    const denied = await auditOf(t, admin, `targetType=recording&targetId=${rec.recordingId}&outcome=denied`);
    expect(denied.entries.map((e) => e.actorUserId).sort()).toEqual(
      [stranger.userId, theo.userId, rec.guardian.userId].sort(),
    );
  });

  it('tells a tutor how many recordings of their sessions the policy keeps from them, and who may watch them', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { purpose: 'safeguarding' });
    const listOf = async (account: TestAccount) =>
      (await (await asAccount(t, account, 'GET', '/api/recordings')).json()) as RecordingList;
    expect(await listOf(rec.tutor)).toMatchObject({ recordings: [{ access: 'own_session' }], notShown: [] });

    const admin = await signedInAs(t, 'admin');
    const v1 = (await (await t.app.request('/api/policy')).json()) as OrganisationPolicy;
    const edit: SavePolicyRequest = {
      ...v1.policy,
      purposes: v1.policy.purposes.map((p) =>
        p.id === 'safeguarding' ? { ...p, viewerRoles: ['reviewer' as const, 'admin' as const] } : p,
      ),
      basedOnVersion: v1.version,
    };
    const saved = await asAccount(t, admin, 'PUT', '/api/admin/policy', edit);
    expect(saved.status, await saved.clone().text()).toBe(200);

    expect(await listOf(rec.tutor)).toEqual({
      recordings: [],
      notShown: [{ purposeLabel: 'Safeguarding', count: 1, viewerRoles: ['reviewer', 'admin'] }],
    });
    // Participants and staff are never told about recordings kept from someone else.
    expect((await listOf(rec.guardian)).notShown).toEqual([]);
    expect((await listOf(admin)).notShown).toEqual([]);
  });

  it('refuses media without the caller’s own live view', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const reviewer = await signedInAs(t, 'reviewer');
    const other = await signedInAs(t, 'reviewer');
    const { mediaUrl } = await grant(t, reviewer, rec.recordingId);
    expect((await media(t, other, mediaUrl)).status).toBe(404);
    expect(
      (await media(t, reviewer, `/api/recordings/${rec.recordingId}/media?view=view_forged`)).status,
    ).toBe(404);
    expect((await t.app.request(mediaUrl)).status).toBe(401);
    t.clock.now = new Date(t.clock.now.getTime() + 5 * 3600_000);
    expect((await media(t, reviewer, mediaUrl)).status).toBe(404);
  });

  it('destroys recordings when retention ends and keeps a deletion record without media or key', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    expect((await t.vault.sweep(new Date(t.clock.now.getTime() + days(89)))).expired).toBe(0);
    const result = await t.vault.sweep(new Date(t.clock.now.getTime() + days(90) + 1000));
    expect(result.expired).toBe(1);
    expect(await t.db.selectFrom('recording_keys').selectAll().execute()).toEqual([]);
    expect(readdirSync(t.config.vault.dir).filter((f) => f.startsWith('rec_'))).toEqual([]);
    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const res = await asAccount(t, admin, 'GET', '/api/admin/deletions');
    expect(res.status).toBe(200);
    const { records } = (await res.json()) as DeletionRecordList;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      recordingId: rec.recordingId,
      sessionTitle: 'Algebra, week 3',
      reason: 'retention',
      decidedByName: null,
    });
    expect(records[0]?.detail).toMatch(/retention period for Quality assurance ended/);
    // Running it again destroys nothing twice.
    expect((await t.vault.sweep(new Date(t.clock.now.getTime() + days(100)))).expired).toBe(0);
    // Only admins read deletion records.
    const tutorRes = await asAccount(t, rec.tutor, 'GET', '/api/admin/deletions');
    expect(tutorRes.status).toBe(403);
  });
});
