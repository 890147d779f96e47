/**
 * Access that ends: an administrator disables a tutor on People while the tutor is in a live call and
 * after they have watched a recording of their own session. LiveKit's own participant list loses the
 * tutor, the tutor's join link and sign-in are refused, and the recording they watched before is
 * refused to them.
 */
import { banner } from '../fixtures/call';
import { e2ePassword } from '../fixtures/organisation';
import {
  egressComplete,
  livekit,
  pageFor,
  recordWithEveryone,
  threeInACall,
  tokenOf,
} from '../fixtures/recorded-call';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';
import { recordingOfEgress } from '../fixtures/vault';

test.use({ actionTimeout: 20_000 });

test('a disabled tutor is dropped from the live call and refused the recording they watched before', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const call = await threeInACall(browser, 'Lifecycle — a tutor who leaves');
  const { organisation, tutor, roomName } = call;
  const egress = await recordWithEveryone(call);
  await call.pages.tutor.waitForTimeout(4000);
  await call.pages.tutor.getByRole('button', { name: 'Cancel request' }).click();
  await expect(banner(call.pages.tutor)).toContainText(/Not recording|stopped/i);
  await egressComplete(egress.egressId);
  await expect
    .poll(() => recordingOfEgress(egress.egressId)?.status ?? null, { timeout: 30_000 })
    .toBe('stored');
  const recordingId = recordingOfEgress(egress.egressId)?.id ?? '';

  // The tutor watches it (their own session's recording, which the policy lets tutors watch).
  const tutorPage = await pageFor(browser, tutor);
  await tutorPage.goto(`/recordings/${recordingId}`);
  await tutorPage.getByRole('button', { name: 'Play recording' }).click();
  const video = tutorPage.getByLabel(/^Recording of /);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(0.5);
  const mediaUrl = await video.evaluate((v: HTMLVideoElement) => v.currentSrc);
  expect((await tutor.api.get(mediaUrl, { headers: { Range: 'bytes=0-99' } })).status()).toBe(206);

  // Still in the call, by LiveKit's own word.
  const tutorToken = tokenOf(call.links[tutor.name] ?? '');
  const joined = await tutor.api.post('/api/join', { data: { inviteToken: tutorToken } });
  const tutorIdentity = ((await joined.json()) as { identity: string }).identity;
  const before = await livekit.participantIdentities(roomName);
  expect(before).toContain(tutorIdentity);
  const others = before.filter((identity) => identity !== tutorIdentity);
  expect(others.length).toBeGreaterThanOrEqual(2);

  // An administrator disables the account on People, saying why.
  const admin = await organisation.admin();
  const adminPage = await pageFor(browser, admin);
  await adminPage.goto('/admin/people');
  const row = adminPage.getByRole('row', { name: new RegExp(tutor.email.replace(/[.+]/g, '\\$&')) });
  await row.getByText('Manage').click();
  await row.getByLabel('Action').selectOption({ label: 'Disable the account' });
  await row.getByLabel('Reason').fill('Left the organisation');
  await screenshotBothSizes(adminPage, 'people-disable-account');
  const clickedAt = Date.now();
  await row.getByRole('button', { name: 'Confirm' }).click();
  await expect(row.getByRole('status')).toContainText('taken out of 1 live call');
  await expect
    .poll(() => livekit.participantIdentities(roomName), { timeout: 10_000, intervals: [100] })
    .not.toContain(tutorIdentity);
  const droppedMs = Date.now() - clickedAt;
  console.log(`disable click → tutor gone from LiveKit's participant list: ${droppedMs} ms`);
  await expect(row.getByText(/^Disabled/)).toBeVisible();
  await screenshotBothSizes(adminPage, 'people-account-disabled');
  // Everyone else is still there.
  expect((await livekit.participantIdentities(roomName)).sort()).toEqual(
    expect.arrayContaining(others.sort()),
  );

  // The recording they watched minutes ago: refused, by the media URL, a new playback and the page.
  expect((await tutor.api.get(mediaUrl, { headers: { Range: 'bytes=0-99' } })).status()).toBe(401);
  expect((await tutor.api.post(`/api/recordings/${recordingId}/playback`, { data: {} })).status()).toBe(401);
  await tutorPage.reload();
  await expect(tutorPage.getByRole('button', { name: 'Play recording' })).toHaveCount(0);
  // Their join link and their password no longer let them in.
  const rejoin = await tutor.api.post('/api/join', { data: { inviteToken: tutorToken } });
  expect(rejoin.status()).toBe(403);
  expect(((await rejoin.json()) as { error: { code: string } }).error.code).toBe('account_disabled');
  const signIn = await tutor.api.post('/api/auth/sign-in/email', {
    data: { email: tutor.email, password: e2ePassword },
  });
  expect(signIn.status()).toBe(403);

  for (const page of [...Object.values(call.pages), tutorPage, adminPage]) await page.context().close();
  await organisation.dispose();
});
