/**
 * The recording vault against the real stack: a recording egress made is encrypted on arrival and its
 * plaintext removed; a reviewer plays it in the browser, seeks, and the picture moves; the view is in
 * the audit log; participants who may not watch are refused (and logged); retention, with the clock
 * moved by the operator command, destroys it and leaves a deletion record; under the "erase" rule a
 * withdrawal destroys the session's earlier recordings.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { AuditPage, DeletionRecordList, RecordingList } from '@assent/shared';
import type { Page } from '@playwright/test';
import { banner } from '../fixtures/call';
import { egressComplete, recordWithEveryone, setPolicy, threeInACall } from '../fixtures/recorded-call';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';
import {
  deletionRecordsOf,
  hasMediaSignature,
  recordingOfEgress,
  recordingsOfSession,
  runVaultCommand,
  transcriptOf,
  vaultFiles,
} from '../fixtures/vault';

test.use({ actionTimeout: 20_000 });

/** Pixel data of the video's current frame, drawn onto a canvas. */
const frameOf = (page: Page) =>
  page.getByLabel(/^Recording of /).evaluate((video: HTMLVideoElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const context = canvas.getContext('2d');
    context?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return Array.from(context?.getImageData(0, 0, canvas.width, canvas.height).data ?? []);
  });

test('a recording is encrypted on arrival, watched by a reviewer who seeks, audited, refused to others and destroyed by retention', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const call = await threeInACall(browser, 'Vault — reviewer playback');
  const { organisation } = call;
  const egress = await recordWithEveryone(call);
  await call.pages.tutor.waitForTimeout(6000);
  await call.pages.tutor.getByRole('button', { name: 'Cancel request' }).click();
  for (const page of Object.values(call.pages))
    await expect(banner(page)).toContainText(/Not recording|stopped/i);
  const complete = await egressComplete(egress.egressId);

  // Encrypted on arrival: stored, egress's plaintext gone, nothing in the vault looks like media.
  await expect
    .poll(() => recordingOfEgress(egress.egressId)?.plaintext_removed_at ?? null, { timeout: 20_000 })
    .not.toBeNull();
  const stored = recordingOfEgress(egress.egressId);
  if (!stored) throw new Error('not stored');
  expect(stored.status).toBe('stored');
  expect(existsSync(complete.file)).toBe(false);
  // How long egress's plaintext existed: while recording, and after egress finished the file.
  const removedAt = Date.parse(stored.plaintext_removed_at ?? '');
  const plaintextAfterEndMs = removedAt - complete.endedAt;
  const plaintextLifetimeMs = removedAt - complete.startedAt;
  const files = vaultFiles();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(hasMediaSignature(file), file).toBe(false);

  // A reviewer finds it on the Recordings page, plays it, seeks; the picture moves.
  const reviewer = await organisation.inviteStaff('reviewer', 'Rhea Reviewer');
  const reviewerPage = await (
    await browser.newContext({ storageState: await reviewer.api.storageState() })
  ).newPage();
  await reviewerPage.goto('/recordings');
  await expect(reviewerPage.getByRole('heading', { name: 'Recordings', level: 1 })).toBeVisible();
  await screenshotBothSizes(reviewerPage, 'recordings-list');
  await reviewerPage
    .getByRole('link', { name: /Vault — reviewer playback/ })
    .first()
    .click();
  const playStartedAt = Date.now();
  await reviewerPage.getByRole('button', { name: 'Play recording' }).click();
  const video = reviewerPage.getByLabel(/^Recording of /);
  await expect(video).toBeVisible();
  await expect(reviewerPage.getByText(/Viewed by Rhea Reviewer/)).toBeVisible();
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(0.5);
  const playbackStartMs = Date.now() - playStartedAt;
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
  expect(duration).toBeGreaterThan(4);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  const early = await frameOf(reviewerPage);
  const seekStartedAt = Date.now();
  await video.evaluate(
    (v: HTMLVideoElement, to: number) =>
      new Promise<void>((done) => {
        v.addEventListener('seeked', () => done(), { once: true });
        v.currentTime = to;
      }),
    duration - 1,
  );
  const seekMs = Date.now() - seekStartedAt;
  const late = await frameOf(reviewerPage);
  // Not a blank frame, and a later one differs clearly (the fake camera's picture turns and counts).
  expect(new Set(early).size).toBeGreaterThan(16);
  const changed = early.filter((value, i) => Math.abs(value - (late[i] ?? 0)) > 24).length;
  expect(changed).toBeGreaterThan(100);
  await screenshotBothSizes(reviewerPage, 'recording-player');

  // The view is in the audit log, once, with who and for what purpose; the chain still verifies.
  const admin = await organisation.admin();
  const audit = (await (
    await admin.api.get(
      `/api/admin/audit?targetType=recording&targetId=${stored.id}&actionPrefix=recording.view`,
    )
  ).json()) as AuditPage;
  expect(audit.entries.filter((e) => e.outcome === 'done').map((e) => e.actorName)).toEqual([
    'Rhea Reviewer',
  ]);
  expect(audit.entries[0]?.detail).toMatchObject({ purpose: expect.any(String), access: 'purpose_viewer' });
  expect(
    ((await (await admin.api.get('/api/admin/audit/verify')).json()) as { intact: boolean }).intact,
  ).toBe(true);

  // The guardian who attended may watch within the playback window…
  const theirs = (await (await call.guardian.api.get('/api/recordings')).json()) as RecordingList;
  expect(theirs.recordings.map((r) => r.id)).toEqual([stored.id]);
  // …but not where the organisation allows no participant playback, and a family of another session never.
  const stranger = await organisation.enrolFamily(call.tutor, {
    guardianName: 'Otto Outsider',
    children: [{ name: 'Ona Outsider', minor: true }],
  });
  expect(
    (await stranger.guardian.api.post(`/api/recordings/${stored.id}/playback`, { data: {} })).status(),
  ).toBe(404);
  await setPolicy(admin, (p) => ({ ...p, participantPlaybackDays: null }));
  try {
    expect(
      (await call.guardian.api.post(`/api/recordings/${stored.id}/playback`, { data: {} })).status(),
    ).toBe(404);
  } finally {
    await setPolicy(admin, (p) => ({ ...p, participantPlaybackDays: 90 }));
  }
  const denied = (await (
    await admin.api.get(`/api/admin/audit?targetType=recording&targetId=${stored.id}&outcome=denied`)
  ).json()) as AuditPage;
  expect(denied.entries.map((e) => e.actorName).sort()).toEqual(['Gus Guardian', 'Otto Outsider']);
  const adminPage = await (
    await browser.newContext({ storageState: await admin.api.storageState() })
  ).newPage();
  await adminPage.goto(`/admin/audit?targetType=recording&targetId=${stored.id}`);
  await expect(adminPage.getByText('Rhea Reviewer').first()).toBeVisible();
  await screenshotBothSizes(adminPage, 'audit-recording-access');

  // Retention, with the clock moved past it by the operator command: destroyed, with a deletion record.
  const retainUntil = (await (await reviewer.api.get(`/api/recordings/${stored.id}`)).json()) as {
    retainUntil: string;
  };
  const asOf = new Date(Date.parse(retainUntil.retainUntil) + 60_000).toISOString();
  expect(runVaultCommand(['sweep', '--as-of', asOf])).toMatch(/[1-9]\d* destroyed by retention/);
  expect(recordingOfEgress(egress.egressId)?.status).toBe('destroyed');
  expect(vaultFiles().some((f) => f.includes(stored.id))).toBe(false);
  const deletions = (await (await admin.api.get('/api/admin/deletions')).json()) as DeletionRecordList;
  expect(deletions.records.find((r) => r.recordingId === stored.id)).toMatchObject({ reason: 'retention' });
  await adminPage.goto('/admin/deletions');
  await expect(adminPage.getByRole('heading', { name: 'Deletion records' })).toBeVisible();
  await expect(adminPage.getByText('Vault — reviewer playback').first()).toBeVisible();
  await screenshotBothSizes(adminPage, 'deletion-records');
  expect((await reviewer.api.post(`/api/recordings/${stored.id}/playback`, { data: {} })).status()).toBe(404);

  const report = {
    plaintextAfterEndMs,
    plaintextLifetimeMs,
    playbackStartMs,
    seekMs,
    bytes: stored.size_bytes,
    durationSeconds: duration,
  };
  console.log(`vault: ${JSON.stringify(report)}`);
  writeFileSync(testInfo.outputPath('vault.json'), JSON.stringify(report, null, 2));
  await organisation.dispose();
});

test('under the "erase" rule a withdrawal destroys the session’s earlier recordings', async ({ browser }) => {
  test.setTimeout(240_000);
  const call = await threeInACall(browser, 'Vault — erase on withdrawal');
  const admin = await call.organisation.admin();
  await setPolicy(admin, (p) => ({ ...p, withdrawalRule: 'erase' }));
  try {
    // A first recording, stopped by the tutor: stored.
    const first = await recordWithEveryone(call);
    await call.pages.tutor.waitForTimeout(3000);
    await call.pages.tutor.getByRole('button', { name: 'Cancel request' }).click();
    await egressComplete(first.egressId);
    await expect.poll(() => recordingOfEgress(first.egressId)?.status, { timeout: 20_000 }).toBe('stored');

    // A second one, which the child withdraws from: both are destroyed, the second never stored.
    const second = await recordWithEveryone(call);
    await call.pages.tutor.waitForTimeout(3000);
    await call.pages.student.getByRole('button', { name: 'Withdraw consent', exact: true }).click();
    const { file } = await egressComplete(second.egressId);
    await expect
      .poll(() => recordingsOfSession(call.sessionId).map((r) => r.status), { timeout: 20_000 })
      .toEqual(['destroyed', 'destroyed']);
    const ids = recordingsOfSession(call.sessionId).map((r) => r.id);
    const records = deletionRecordsOf(call.sessionId);
    expect(records.filter((r) => ids.includes(r.recording_id)).map((r) => r.reason)).toEqual([
      'withdrawal',
      'withdrawal',
    ]);
    // The first one's transcript, if one was begun, goes with it (a deletion record if it held text).
    const transcript = transcriptOf(recordingOfEgress(first.egressId)?.id ?? '');
    expect(transcript === undefined || transcript.status === 'destroyed').toBe(true);
    expect(records.filter((r) => !ids.includes(r.recording_id))).toEqual(
      transcript ? records.filter((r) => r.recording_id === transcript.id) : [],
    );
    expect(records.every((r) => /^Kit Student withdrew consent/.test(r.detail))).toBe(true);
    expect(vaultFiles().filter((f) => ids.some((id) => f.includes(id)))).toEqual([]);
    await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(false);
    expect(recordingsOfSession(call.sessionId).every((r) => r.plaintext_path === null)).toBe(true);
  } finally {
    await setPolicy(admin, (p) => ({ ...p, withdrawalRule: 'keep' }));
    await call.organisation.dispose();
  }
});
