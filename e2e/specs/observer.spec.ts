/**
 * A reviewer observes a live lesson: "Observe" on their session list, joining as a seat labelled Observer
 * on every screen, camera and microphone off, and counted by the consent gate (LiveKit's own egress list
 * shows nothing recording until the observer consents too).
 */
import type { Page } from '@playwright/test';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { e2eLivekit } from '../fixtures/livekit-api';
import { openOrganisation } from '../fixtures/organisation';
import { e2ePorts, e2eSecrets } from '../fixtures/ports';
import { livekitView, roomOf, statusOf } from '../fixtures/recording';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;
const livekit = livekitView();
const title = 'Fractions — observed';

/** The tile of the person named, on a call page. */
const tileOf = (page: Page, name: string) => page.locator('.lk-participant-tile').filter({ hasText: name });

/**
 * The recording layout page as LiveKit Egress opens it: the address the server gives egress (the session
 * title) with egress's own `url`, `token` and `layout` added, the token a hidden recorder's that subscribes
 * and publishes nothing, as egress mints for itself.
 */
async function recordingLayoutUrl(roomName: string, sessionTitle: string): Promise<string> {
  const { livekitApiKey, livekitApiSecret } = e2eSecrets();
  const token = new AccessToken(livekitApiKey, livekitApiSecret, {
    identity: `EG_test_${Date.now()}`,
    ttl: 600,
  });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    hidden: true,
    recorder: true,
  });
  const query = new URLSearchParams({ title: sessionTitle });
  query.set('url', `ws://127.0.0.1:${e2ePorts.livekit}`);
  query.set('token', await token.toJwt());
  query.set('layout', 'grid');
  return `/recording-layout/?${query}`;
}

test('a reviewer observes a live call: labelled Observer everywhere, counted by the consent gate', async ({
  browser,
  request,
}) => {
  const call = await startThreePersonCall(browser, title);
  const roomName = await roomOf(request, baseUrl, call.tokens.tutor);

  const organisation = openOrganisation();
  const reviewerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  try {
    const reviewer = await organisation.inviteStaff('reviewer', 'Rae Reviewer');
    await reviewerContext.addCookies((await reviewer.api.storageState()).cookies);
  } finally {
    await organisation.dispose();
  }
  const observer = await reviewerContext.newPage();
  await observer.goto('/', { waitUntil: 'networkidle' });
  const live = observer.getByRole('region', { name: 'Live sessions' });
  const item = live.getByRole('listitem').filter({ has: observer.getByRole('heading', { name: title }) });
  await expect(item).toContainText('Ada Tutor (tutor)');
  await screenshotBothSizes(observer, 'observer-live-sessions');

  await item.getByRole('button', { name: 'Observe' }).click();
  await expect(observer.getByText('Rae Reviewer · Observer')).toBeVisible();
  await observer.getByRole('button', { name: 'Join session' }).click();
  await expect(observer.getByRole('button', { name: 'Leave' })).toBeVisible();

  // LiveKit's participant list: the observer is in the room with the Observer role, publishing nothing.
  const rooms = new RoomServiceClient(e2eLivekit().url, e2eLivekit().apiKey, e2eLivekit().apiSecret);
  const observerInRoom = async () =>
    (await rooms.listParticipants(roomName)).find((p) => p.attributes['assent.role'] === 'observer');
  await expect.poll(async () => (await observerInRoom())?.name).toBe('Rae Reviewer');
  expect((await observerInRoom())?.tracks).toEqual([]);

  // No hidden observers: every screen labels the seat Observer, never Student.
  for (const page of [...call.everyone, observer]) {
    await expect(tileOf(page, 'Rae Reviewer').getByText('Observer', { exact: true })).toBeVisible();
    await expect(tileOf(page, 'Rae Reviewer').getByText('Student', { exact: true })).toHaveCount(0);
  }
  await screenshotBothSizes(observer, 'observer-in-call');
  await screenshotBothSizes(call.tutor, 'observer-seen-by-tutor');

  // The recording shows the seat as Observer too: the layout page egress records, joined as its recorder.
  const layoutFrom = Date.now();
  const layout = await (await browser.newContext()).newPage();
  await layout.goto(await recordingLayoutUrl(roomName, title));
  for (const [name, role] of [
    ['Ada Tutor', 'Tutor'],
    ['Sam Student', 'Student'],
    ['Pat Parent', 'Guardian'],
    ['Rae Reviewer', 'Observer'],
  ] as const) {
    await expect(tileOf(layout, name).locator('.role-badge')).toHaveText(role, { timeout: 15_000 });
  }
  await expect(layout.locator('.lk-participant-tile')).toHaveCount(4);
  await layout.screenshot({ path: test.info().outputPath('recording-layout-observer.png') });
  await layout.context().close();
  console.log(`observer: the recording layout's labels checked in ${Date.now() - layoutFrom} ms`);

  // The gate counts the observer: three yeses of four start nothing.
  await requestRecording(call.tutor);
  for (const page of call.everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  await expect(banner(call.tutor)).toContainText('3 of 4');
  await call.tutor.waitForTimeout(3000);
  expect(await livekit.running(roomName)).toEqual([]);
  expect(await livekit.roomIsRecording(roomName)).toBe(false);

  await consentDialog(observer).getByRole('button', { name: 'I consent', exact: true }).click();
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000, intervals: [200] })
    .toEqual(['EGRESS_ACTIVE']);

  // The observer's withdrawal stops it like anyone's.
  await observer.getByRole('button', { name: 'Withdraw consent' }).click();
  for (const page of call.everyone) await expect(banner(page)).toContainText('Recording stopped');
  await expect.poll(async () => (await livekit.running(roomName)).length, { timeout: 20_000 }).toBe(0);
});
