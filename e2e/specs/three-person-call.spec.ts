/**
 * One call a tutor can teach in, against the real stack:
 * - a tutor, a student and a guardian see and hear each other (and how long the third waits for video);
 * - with an observer joining: grid and speaker view and pinning from the control bar; on a phone (375 px)
 *   every name shows without a pager; raise hand in the bar with the queue; "People" for a student
 *   (read-only, Observer labelled); each tile's connection quality read out; the tutor's "Let NAME share"
 *   survives the student's reload (LiveKit's own participant list agrees); "You are muted" when talking
 *   into a muted microphone; the microphone is captured with echo cancellation, noise suppression and
 *   auto gain;
 * - the guardian leaves, and the others see it;
 * - where the banner, the consent dialog and "Withdraw consent" are on a phone and a desktop, the board
 *   open; axe-clean at 1280 and 375 px.
 * One call for all of it: setting a call up is the slowest part of a journey.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { consentDialog, requestRecording } from '../fixtures/call';
import { e2eLivekit } from '../fixtures/livekit-api';
import { expectRemoteAudioFlowing, expectRemoteVideosPlaying, remoteTileCount } from '../fixtures/media';
import { openOrganisation } from '../fixtures/organisation';
import { scriptBytes } from '../fixtures/page-bytes';
import { e2ePorts } from '../fixtures/ports';
import { roomOf } from '../fixtures/recording';
import { screenshotBothSizes } from '../fixtures/screens';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;
const names = ['Ada Tutor', 'Sam Student', 'Pat Parent', 'Rae Reviewer'];
const title = 'Algebra — week 3';
const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };

const controls = (page: Page) => page.getByRole('navigation', { name: 'Call controls' });
/** How many rows the control bar's visible controls take (their distinct tops). */
const barRows = (page: Page) =>
  controls(page).evaluate((bar) => {
    const tops = new Set<number>();
    for (const child of Array.from(bar.querySelectorAll(':scope > *, :scope > .more-controls > button'))) {
      const box = child.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) tops.add(Math.round(box.top));
    }
    return tops.size;
  });
const tileOf = (page: Page, name: string) => page.locator('.lk-participant-tile').filter({ hasText: name });

/**
 * Records what the page asked getUserMedia for, and what the browser says it gave, for the microphone;
 * then swaps the fake device's beeps (too short to be speech) for a steady tone, a voice that never stops.
 */
function voiceOnMicrophone() {
  const seen: { asked: unknown[]; settings: unknown[] } = { asked: [], settings: [] };
  (window as unknown as { micCapture: typeof seen }).micCapture = seen;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    if (!constraints?.audio) return stream;
    seen.asked.push(constraints.audio);
    const context = new AudioContext();
    const tone = context.createOscillator();
    const gain = context.createGain();
    gain.gain.value = 0.3;
    const out = context.createMediaStreamDestination();
    tone.connect(gain).connect(out);
    tone.start();
    for (const track of stream.getAudioTracks()) {
      seen.settings.push(track.getSettings());
      stream.removeTrack(track);
      track.stop();
    }
    for (const track of out.stream.getAudioTracks()) stream.addTrack(track);
    return stream;
  };
}
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

test('a tutor, a student and a guardian in one call: seeing and hearing each other, layouts, hands, People, sharing kept across reloads, someone leaving', async ({
  browser,
  request,
}, testInfo) => {
  // Two journeys' worth in one call: a ceiling for a loaded machine, not a wait.
  test.setTimeout(240_000);
  const tutorPage = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutorPage, title, 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student', minor: true },
    { name: 'Pat Parent', role: 'Guardian' },
  ]);
  await tutorPage.screenshot({ path: testInfo.outputPath('home-invites.png'), fullPage: true });

  await tutorPage.goto(session.tutorUrl);
  const student = await openInvite(browser, inviteUrlFor(session, 'Sam Student'));
  await expect(student.getByText('Sam Student')).toBeVisible();
  await expect(student.getByRole('region', { name: 'Recording notice' })).toBeVisible();
  await student.screenshot({ path: testInfo.outputPath('join-page.png'), fullPage: true });
  await joinCall(tutorPage);
  await joinCall(student);

  // The guardian arrives last: page load → Join → both remote videos playing, as a person would wait.
  const guardianLoad = Date.now();
  const guardian = await openInvite(browser, inviteUrlFor(session, 'Pat Parent'));
  await joinCall(guardian);
  await expectRemoteVideosPlaying(guardian, 2);
  const remoteVideoMs = Date.now() - guardianLoad;
  // What the guardian's browser downloaded of our scripts to get here came compressed: no more bytes on
  // the wire than the same files gzipped (the server sends its brotli copies to a browser that takes them).
  const guardianScripts = await scriptBytes(guardian);
  expect(guardianScripts.files.length).toBeGreaterThan(2);
  expect(guardianScripts.wire).toBeGreaterThan(0);
  expect(guardianScripts.wire).toBeLessThanOrEqual(guardianScripts.gzip);

  const everyone = [tutorPage, student, guardian];
  for (const page of everyone) {
    await expect(page.getByRole('status', { name: 'Recording status' })).toContainText('Not recording');
  }
  for (const page of everyone) await expectRemoteVideosPlaying(page, 2);

  await expect(tutorPage.getByText('Student', { exact: true }).first()).toBeVisible();
  await expect(tutorPage.getByText('Guardian', { exact: true }).first()).toBeVisible();
  for (const page of everyone) await expectRemoteAudioFlowing(page, 2);
  await tutorPage.screenshot({ path: testInfo.outputPath('call-tutor.png') });
  await student.setViewportSize({ width: 375, height: 740 });
  await student.screenshot({ path: testInfo.outputPath('call-student-phone.png') });

  // The same call goes on: layouts, hands, People, sharing and the microphone, with an observer joining.
  const tutor = tutorPage;
  const roomName = await roomOf(request, baseUrl, tokenOf(session.tutorUrl));
  const { url, apiKey, apiSecret } = e2eLivekit();
  const rooms = new RoomServiceClient(url, apiKey, apiSecret);

  // A reviewer observes: a fourth seat, labelled Observer.
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
  await live
    .getByRole('listitem')
    .filter({ has: observer.getByRole('heading', { name: title }) })
    .getByRole('button', { name: 'Observe' })
    .click();
  await joinCall(observer);
  for (const name of names) await expect(tileOf(tutor, name)).toHaveCount(1);

  // Grid by default; speaker view from the bar; pin and unpin a person; back to the grid.
  await tutor.setViewportSize(desktop);
  const layout = controls(tutor).getByRole('group', { name: 'Layout' });
  const grid = layout.getByRole('button', { name: 'Grid view' });
  const speaker = layout.getByRole('button', { name: 'Speaker view' });
  await expect(grid).toHaveAttribute('aria-pressed', 'true');
  await expect(tutor.getByRole('region', { name: 'Speaker' })).toHaveCount(0);
  await speaker.click();
  await expect(speaker).toHaveAttribute('aria-pressed', 'true');
  await expect(grid).toHaveAttribute('aria-pressed', 'false');
  const onSpeakerStage = tutor.getByRole('region', { name: 'Speaker' });
  await expect(onSpeakerStage).toBeVisible();
  // Nobody else is on the main stage but the speaker: the tutor's own tile is in the strip.
  await expect(onSpeakerStage.locator('.lk-participant-tile')).toHaveCount(1);
  await expect(onSpeakerStage).not.toContainText('Ada Tutor');
  await tutor.getByRole('button', { name: 'Pin Pat Parent' }).click();
  const pinned = tutor.getByRole('region', { name: 'Pinned' });
  await expect(pinned).toContainText('Pat Parent');
  await screenshotBothSizes(tutor, 'call-speaker-pinned');
  await pinned.getByRole('button', { name: 'Unpin Pat Parent' }).click();
  await expect(pinned).toHaveCount(0);
  await expect(onSpeakerStage).toBeVisible();
  await grid.click();
  await expect(onSpeakerStage).toHaveCount(0);
  for (const name of names) await expect(tileOf(tutor, name)).toBeVisible();

  // A phone: the student sees all four people at once, no pager anywhere.
  await student.setViewportSize(phone);
  for (const name of names) {
    await expect(tileOf(student, name).locator('.lk-participant-name')).toBeInViewport();
  }
  await expect(student.locator('.lk-pagination-control')).toHaveCount(0);

  // Raise hand, on a phone under "More" (a disclosure button), pressed while up; the queue shows beside it
  // and on the tiles.
  const more = controls(student).getByRole('button', { name: 'More' });
  await expect(controls(student).getByRole('button', { name: 'Raise hand' })).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const raise = controls(student).getByRole('button', { name: 'Raise hand' });
  await expect(raise).toHaveAttribute('aria-pressed', 'false');
  await raise.click();
  await expect(controls(student).getByRole('button', { name: 'Lower hand' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await controls(observer).getByRole('button', { name: 'Raise hand' }).click();
  const queue = controls(tutor).getByRole('list', { name: 'Raised hands, first first' });
  await expect(queue.getByRole('listitem')).toHaveText(['Sam Student', 'Rae Reviewer']);
  await expect(
    tileOf(tutor, 'Sam Student').getByRole('img', { name: 'Hand raised, number 1' }),
  ).toBeVisible();
  await expect(
    tileOf(tutor, 'Rae Reviewer').getByRole('img', { name: 'Hand raised, number 2' }),
  ).toBeVisible();

  // Each tile reads out LiveKit's measure of the connection.
  await expect(
    tileOf(tutor, 'Sam Student').getByRole('img', { name: /^Connection: (excellent|good|poor)$/ }),
  ).toBeVisible({ timeout: 15_000 });

  // People, for a student: everyone with their role and hand, the observer labelled; nothing to act on.
  await student.getByRole('button', { name: 'People' }).click();
  const people = student.getByRole('region', { name: 'People in the call' });
  await expect(people.getByRole('listitem')).toHaveCount(4);
  for (const line of [
    'Ada Tutor · Tutor',
    'Sam Student (you) · Student · hand raised (1)',
    'Pat Parent · Guardian',
    'Rae Reviewer · Observer · hand raised (2)',
  ]) {
    await expect(people.getByText(line, { exact: true })).toBeVisible();
  }
  await expect(people.getByRole('button')).toHaveCount(0);
  // A click elsewhere closed "More"; Escape closes it too and gives the focus back.
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await student.keyboard.press('Escape');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();
  await more.click();
  await controls(student).getByRole('button', { name: 'Lower hand' }).click();
  await controls(observer).getByRole('button', { name: 'Lower hand' }).click();
  await expect(queue).toHaveCount(0);

  // "Let Sam Student share" survives the student's reload: LiveKit agrees.
  const mayShareInLiveKit = async () => {
    const found = (await rooms.listParticipants(roomName)).find((p) => p.name === 'Sam Student');
    return found?.permission?.canPublishSources.includes(TrackSource.SCREEN_SHARE) ?? false;
  };
  await tutor.getByRole('button', { name: 'Let Sam Student share' }).click();
  await expect(tutor.getByRole('button', { name: 'Stop Sam Student sharing' })).toBeVisible();
  await expect(controls(student).getByRole('button', { name: 'Share screen' })).toBeVisible();
  await student.context().addInitScript(voiceOnMicrophone);
  await student.reload();
  await joinCall(student);
  await expect(controls(student).getByRole('button', { name: 'Share screen' })).toBeVisible();
  await expect.poll(mayShareInLiveKit, { timeout: 10_000 }).toBe(true);
  await expect(tutor.getByRole('button', { name: 'Stop Sam Student sharing' })).toBeVisible();
  await tutor.getByRole('button', { name: 'Stop Sam Student sharing' }).click();
  await expect(tutor.getByRole('button', { name: 'Let Sam Student share' })).toBeVisible();
  await expect.poll(mayShareInLiveKit, { timeout: 10_000 }).toBe(false);
  await expect(controls(student).getByRole('button', { name: 'Share screen' })).toHaveCount(0);

  // The student's microphone after the reload: voice processing asked for, and given by the browser.
  const capture = await student.evaluate(
    () => (window as unknown as { micCapture: { asked: unknown[]; settings: unknown[] } }).micCapture,
  );
  expect(capture.asked.length).toBeGreaterThan(0);
  for (const asked of capture.asked) {
    expect(asked).toMatchObject({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  }
  for (const settings of capture.settings) {
    expect(settings).toMatchObject({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  }

  // Talking into a muted microphone: a polite "You are muted" beside it, gone once it is on again.
  const hint = controls(student).getByRole('status').filter({ hasText: 'You are muted' });
  await expect(controls(student).getByRole('button', { name: 'Microphone' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await student.waitForTimeout(1000);
  await expect(hint).toHaveCount(0);
  await controls(student).getByRole('button', { name: 'Microphone' }).click();
  await expect(hint).toBeVisible({ timeout: 5000 });
  await controls(student).getByRole('button', { name: 'Microphone' }).click();
  await expect(hint).toHaveCount(0);

  // The guardian leaves: the tutor and the student each see one tile fewer (the other of them and the
  // observer, whose camera is off), and the other's video still playing.
  await guardian.getByRole('button', { name: 'Leave' }).click();
  await expect(guardian.getByText('You left the session')).toBeVisible();
  for (const page of [tutorPage, student]) {
    await expect.poll(() => remoteTileCount(page)).toBe(2);
    await expect(tileOf(page, 'Pat Parent')).toHaveCount(0);
    await expectRemoteVideosPlaying(page, 1);
  }

  // Where a person finds the banner, the consent dialog and "Withdraw consent" on a phone and a desktop.
  // The student's People panel stays open: one axe run at 375 px covers it, the grid, the bar and the dialog.
  await student.getByRole('button', { name: 'People' }).click();
  await expect(people).toBeVisible();
  await requestRecording(tutor);
  await expect(consentDialog(student)).toBeVisible();
  await expect(controls(student).getByRole('button', { name: 'Withdraw consent' })).toBeVisible();
  await screenshotBothSizes(student, 'call-layouts-consent');

  // The tutor on a phone with the board open and the request active: the fullest bar keeps to two rows,
  // with "Withdraw consent" in words among its icons; "More" is not there on a desktop.
  await tutor.getByRole('button', { name: 'Whiteboard', exact: true }).click();
  await expect(tutor.getByRole('region', { name: 'Whiteboard' })).toBeVisible();
  await expect(controls(tutor).getByRole('button', { name: 'Lock whiteboard' })).toBeVisible();
  await screenshotBothSizes(tutor, 'call-layouts-board');
  await tutor.setViewportSize(desktop);
  await expect(controls(tutor).getByRole('button', { name: 'More' })).toBeHidden();
  await expect(controls(tutor).getByRole('group', { name: 'Layout' })).toBeVisible();
  for (const page of [tutor, student]) {
    await page.setViewportSize(phone);
    const withdraw = controls(page).getByRole('button', { name: 'Withdraw consent' });
    await expect(withdraw).toHaveText('Withdraw consent');
    await expect(withdraw).toBeInViewport({ ratio: 1 });
    await expect(page.locator('.recording-banner')).toBeInViewport({ ratio: 1 });
    await expect(consentDialog(page)).toBeInViewport();
    expect(
      await barRows(page),
      `${await page.title()}: rows of the control bar at 375 px`,
    ).toBeLessThanOrEqual(2);
  }

  testInfo.annotations.push({
    type: 'third person: page load → remote video playing',
    description: `${remoteVideoMs} ms`,
  });
  writeFileSync(
    testInfo.outputPath('timings.json'),
    JSON.stringify({ remoteVideoMs, guardianScripts }, null, 2),
  );
  console.log(`third person: page load → both remote videos playing: ${remoteVideoMs} ms`);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `third person's scripts: ${guardianScripts.files.length} files, ${kb(guardianScripts.wire)} on the wire, ` +
      `${kb(guardianScripts.gzip)} gzipped, ${kb(guardianScripts.decoded)} decoded`,
  );
});
