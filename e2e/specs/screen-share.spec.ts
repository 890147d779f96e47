import { writeFileSync } from 'node:fs';
import { sharedScreensRecorded } from '@assent/shared';
import {
  LocalVideoTrack,
  TrackSource as RtcTrackSource,
  TrackPublishOptions,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import type { APIRequestContext, Page } from '@playwright/test';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { decryptedRecording } from '../../scripts/recordings/vault-copy';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { frameAt } from '../fixtures/frames';
import { e2eLivekit } from '../fixtures/livekit-api';
import { expect, test } from '../fixtures/node-participant';
import { e2eDataDir, e2ePorts } from '../fixtures/ports';
import { livekitView, statusOf } from '../fixtures/recording';
import { screenshotBothSizes } from '../fixtures/screens';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;
const livekit = livekitView();
const { url, apiKey, apiSecret } = e2eLivekit();
const rooms = new RoomServiceClient(url, apiKey, apiSecret);

/** What the join endpoint answers for an invite: the room, the LiveKit identity and a token. */
async function joinAnswer(request: APIRequestContext, inviteToken: string) {
  const res = await request.post(`${baseUrl}/api/join`, { data: { inviteToken } });
  return (await res.json()) as { roomName: string; identity: string; token: string; canPublish: boolean };
}

/** LiveKit's own word on one participant: the sources of the tracks they publish, and may they share. */
async function inLiveKit(roomName: string, identity: string) {
  const found = (await rooms.listParticipants(roomName)).find((p) => p.identity === identity);
  const sources = found?.permission?.canPublishSources ?? [];
  return {
    present: found !== undefined,
    published: (found?.tracks ?? []).map((t) => TrackSource[t.source] ?? 'UNKNOWN').sort(),
    mayShare:
      found?.permission?.canPublish === true &&
      (sources.length === 0 || sources.includes(TrackSource.SCREEN_SHARE)),
  };
}

const publishedBy = async (roomName: string, identity: string) =>
  (await inLiveKit(roomName, identity)).published;

/** The main stage shows a shared screen whose video decodes and plays. */
async function expectShareOnMainStage(page: Page) {
  const stage = page.getByRole('region', { name: 'Shared screen' });
  await expect(stage).toBeVisible();
  await expect
    .poll(
      async () => {
        const before = await stage.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
        await page.waitForTimeout(400);
        return stage
          .locator('video')
          .evaluate((v: HTMLVideoElement, t) => v.videoWidth > 0 && v.currentTime > t, before);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  // The stage holds most of the page; the cameras sit in a strip beside or below it.
  const box = await stage.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no stage box');
  return { stageShare: (box.width * box.height) / (viewport.width * viewport.height) };
}

/** Mean green of a region of a 64×36 RGB frame (fractions of its width and height): Chromium's fake
 * capture is green, the recording page's background near black. */
function greenOf(frame: Buffer, x0: number, x1: number, y0: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * 36); y < Math.ceil(y1 * 36); y++) {
    for (let x = Math.floor(x0 * 64); x < Math.ceil(x1 * 64); x++) {
      const i = (y * 64 + x) * 3;
      sum += frame[i + 1] ?? 0;
      n++;
    }
  }
  return sum / n;
}

test('the tutor shares: everyone sees it as the main stage, the recording shows it, a withdrawal stops it', async ({
  browser,
  request,
}, testInfo) => {
  const call = await startThreePersonCall(browser, 'Screen sharing — fractions');
  const tutor = await joinAnswer(request, call.tokens.tutor);
  const student = await joinAnswer(request, call.tokens.student);
  const { roomName } = tutor;

  // Only the tutor's seat may share; LiveKit itself says so.
  await expect(call.tutor.getByRole('button', { name: 'Share screen' })).toBeVisible();
  for (const page of [call.student, call.guardian]) {
    await expect(page.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  }
  expect(await inLiveKit(roomName, student.identity)).toMatchObject({ present: true, mayShare: false });
  expect(await inLiveKit(roomName, tutor.identity)).toMatchObject({ present: true, mayShare: true });

  await call.tutor.getByRole('button', { name: 'Share screen' }).click();
  await expect(call.tutor.getByRole('button', { name: 'Stop sharing' })).toBeVisible();
  await expect.poll(() => publishedBy(roomName, tutor.identity)).toContain('SCREEN_SHARE');
  const stages: Record<string, number> = {};
  for (const [who, page] of [
    ['student', call.student],
    ['guardian', call.guardian],
  ] as const) {
    stages[who] = (await expectShareOnMainStage(page)).stageShare;
  }
  await screenshotBothSizes(call.student, 'screen-share-student');
  await screenshotBothSizes(call.tutor, 'screen-share-tutor');
  // On a phone the share is full width, the cameras in a strip below it.
  await call.student.setViewportSize({ width: 375, height: 812 });
  const phoneStage = await call.student.getByRole('region', { name: 'Shared screen' }).boundingBox();
  expect(phoneStage?.width ?? 0).toBeGreaterThanOrEqual(360);
  await call.student.setViewportSize({ width: 1024, height: 640 });
  // Unpinning gives the grid back for that person only; pinning brings the share back.
  await call.guardian.getByRole('button', { name: "Unpin Ada Tutor's screen" }).click();
  await expect(call.guardian.getByRole('region', { name: 'Shared screen' })).toHaveCount(0);
  await expect(call.student.getByRole('region', { name: 'Shared screen' })).toBeVisible();
  await call.guardian.getByRole('button', { name: "Pin Ada Tutor's screen" }).click();
  await expect(call.guardian.getByRole('region', { name: 'Shared screen' })).toBeVisible();

  // Everyone consents while the tutor shares, told that the share is recorded: the recorder captures it.
  await requestRecording(call.tutor);
  await expect(consentDialog(call.student)).toContainText(sharedScreensRecorded);
  for (const page of call.everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000, intervals: [200] })
    .toEqual(['EGRESS_ACTIVE']);
  const [egress] = await livekit.running(roomName);
  if (!egress) throw new Error('no egress');
  const recordingFrom = Date.now();
  await call.tutor.waitForTimeout(5000);
  // The share ends: the cameras take the whole picture back.
  await call.tutor.getByRole('button', { name: 'Stop sharing' }).click();
  await expect.poll(() => publishedBy(roomName, tutor.identity)).not.toContain('SCREEN_SHARE');
  const shareStoppedAt = Date.now() - recordingFrom;
  await call.tutor.waitForTimeout(5000);
  // Shares again; then withdraws: LiveKit drops the share with the camera and microphone.
  await call.tutor.getByRole('button', { name: 'Share screen' }).click();
  await expect.poll(() => publishedBy(roomName, tutor.identity)).toContain('SCREEN_SHARE');
  await expect(banner(call.tutor)).toContainText('Recording — ');
  await call.tutor.getByRole('button', { name: 'Withdraw consent', exact: true }).click();
  const withdrawnAt = Date.now();
  await expect
    .poll(() => publishedBy(roomName, tutor.identity), { timeout: 10_000, intervals: [100] })
    .not.toContain('SCREEN_SHARE');
  const shareGoneAfterMs = Date.now() - withdrawnAt;
  await expect(call.tutor.getByRole('button', { name: 'Stop sharing' })).toHaveCount(0);
  for (const page of [call.student, call.guardian]) {
    await expect(page.getByRole('region', { name: 'Shared screen' })).toHaveCount(0);
  }
  // It does not come back by itself once the recording has stopped and publishing is given back.
  await call.tutor.waitForTimeout(3000);
  expect(await publishedBy(roomName, tutor.identity)).not.toContain('SCREEN_SHARE');

  await expect
    .poll(async () => statusOf((await livekit.egress(egress.egressId)) ?? egress), { timeout: 30_000 })
    .toBe('EGRESS_COMPLETE');
  const file = await decryptedRecording(e2eDataDir, egress.egressId);
  const withShare = frameAt(file, 2.5, testInfo.outputPath('frame-share.png'));
  const withoutShare = frameAt(file, shareStoppedAt / 1000 + 3, testInfo.outputPath('frame-cameras.png'));
  const regions = {
    share: {
      leftEdge: greenOf(withShare, 0.02, 0.07, 0.25, 0.7),
      strip: greenOf(withShare, 0.83, 0.98, 0.05, 0.85),
    },
    cameras: {
      leftEdge: greenOf(withoutShare, 0.02, 0.07, 0.25, 0.7),
      strip: greenOf(withoutShare, 0.83, 0.98, 0.05, 0.85),
    },
  };
  const report = { stages, shareStoppedAt, shareGoneAfterMs, regions };
  console.log(`screen share: ${JSON.stringify(report)}`);
  writeFileSync(testInfo.outputPath('screen-share.json'), JSON.stringify(report, null, 2));
  // With the share, one picture fills the stage from its left edge; without it, three camera tiles sit
  // centred in a grid, the left edge the page's dark background.
  expect(regions.share.leftEdge).toBeGreaterThan(90);
  expect(regions.cameras.leftEdge).toBeLessThan(50);
  // The cameras sit in the strip on the right beside the share; the grid leaves that edge dark.
  expect(regions.share.strip).toBeGreaterThan(regions.cameras.strip + 20);
});

test('a joiner held back from publishing cannot share: LiveKit refuses the track', async ({
  browser,
  request,
  nodeRoom,
}) => {
  const call = await startThreePersonCall(browser, 'Screen sharing — held back');
  await requestRecording(call.tutor);
  for (const page of call.everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  const { roomName } = await joinAnswer(request, call.tokens.tutor);
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000, intervals: [200] })
    .toEqual(['EGRESS_ACTIVE']);

  // The tutor's seat comes back as a new participant session while recording runs (rule 5): its token
  // holds publishing back. A client that ignores what the web app shows tries to share anyway.
  const held = await joinAnswer(request, call.tokens.tutor);
  expect(held.canPublish).toBe(false);
  const client = nodeRoom();
  await client.connect(`ws://127.0.0.1:${e2ePorts.livekit}`, held.token, {
    autoSubscribe: false,
    dynacast: false,
  });
  try {
    const source = new VideoSource(320, 240);
    const track = LocalVideoTrack.createVideoTrack('screen', source);
    const publishing = client.localParticipant
      ?.publishTrack(track, new TrackPublishOptions({ source: RtcTrackSource.SOURCE_SCREENSHARE }))
      .then(
        () => 'published',
        (error: unknown) => `refused: ${String(error)}`,
      );
    const heldAtFirst = await inLiveKit(roomName, held.identity);
    // The request went out while LiveKit held this participant back (its token's own grant).
    expect(heldAtFirst).toMatchObject({ present: true, mayShare: false });
    const frame = new VideoFrame(new Uint8Array(320 * 240 * 4).fill(200), 320, 240, VideoBufferType.RGBA);
    for (let i = 0; i < 20; i++) {
      source.captureFrame(frame);
      await new Promise((r) => setTimeout(r, 100));
    }
    const outcome = await Promise.race([
      publishing,
      new Promise((r) => setTimeout(() => r('no answer'), 8000)),
    ]);
    console.log(`held-back share: ${String(outcome)}`);
    expect(outcome).not.toBe('published');
    // LiveKit's own list: nothing was published, then or after the hold was lifted.
    expect(await inLiveKit(roomName, held.identity)).toMatchObject({ present: true, published: [] });
  } finally {
    await client.disconnect();
  }
});

test('the tutor lets a student share and stops them: LiveKit gives the share and takes it away', async ({
  browser,
  request,
}) => {
  const call = await startThreePersonCall(browser, 'Screen sharing — a student shows their working');
  const student = await joinAnswer(request, call.tokens.student);
  const { roomName } = student;
  await expect(call.student.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  // Only the tutor sees the choice, on the others' tiles.
  await expect(call.guardian.getByRole('button', { name: 'Let Sam Student share' })).toHaveCount(0);

  await call.tutor.getByRole('button', { name: 'Let Sam Student share' }).click();
  await expect(call.tutor.getByRole('button', { name: 'Stop Sam Student sharing' })).toBeVisible();
  await expect.poll(() => inLiveKit(roomName, student.identity)).toMatchObject({ mayShare: true });
  await call.student.getByRole('button', { name: 'Share screen' }).click();
  await expect.poll(() => publishedBy(roomName, student.identity)).toContain('SCREEN_SHARE');
  await expectShareOnMainStage(call.tutor);
  await expectShareOnMainStage(call.guardian);

  // Stopping them ends the share at LiveKit, and the choice is gone from their controls.
  await call.tutor.getByRole('button', { name: 'Stop Sam Student sharing' }).click();
  await expect
    .poll(() => publishedBy(roomName, student.identity), { timeout: 10_000 })
    .not.toContain('SCREEN_SHARE');
  expect(await inLiveKit(roomName, student.identity)).toMatchObject({ mayShare: false });
  await expect(call.student.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  await expect(call.student.getByRole('button', { name: 'Stop sharing' })).toHaveCount(0);
  await expect(call.tutor.getByRole('button', { name: 'Let Sam Student share' })).toBeVisible();
});
