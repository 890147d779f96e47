// Rule 5: a yes holds for one continuous presence (LiveKit's participant session). Browsers killed
// mid-recording, a reload: whoever comes back is a joiner, and LiveKit's own API shows no egress running
// until they consent again.
import type { Page } from '@playwright/test';
import { banner, consentDialog, requestRecording } from '../fixtures/call';
import { chromiumArgs, chromiumPath } from '../fixtures/chromium';
import { e2ePorts } from '../fixtures/ports';
import { livekitView, roomOf, statusOf } from '../fixtures/recording';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

const livekit = livekitView();
const server = `http://127.0.0.1:${e2ePorts.server}`;
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
const people = [
  { name: 'Sam Student', role: 'Student' as const, minor: true },
  { name: 'Pat Parent', role: 'Guardian' as const },
];

async function everyoneConsents(pages: Page[]) {
  for (const page of pages) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
}

async function recordingActive(roomName: string) {
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000 })
    .toEqual(['EGRESS_ACTIVE']);
  return (await livekit.running(roomName))[0]?.egressId;
}

/** LiveKit's own word, polled for a while: nothing records. */
async function nothingRecordsFor(page: Page, roomName: string, ms: number) {
  for (let waited = 0; waited < ms; waited += 500) {
    expect(await livekit.running(roomName)).toEqual([]);
    await page.waitForTimeout(500);
  }
}

test('browsers killed mid-recording: LiveKit drops them, the request closes, and nobody coming back is recorded until asked and consenting again', async ({
  browser,
  playwright,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const setup = await (await browser.newContext()).newPage();
  const session = await createSession(setup, 'Presence — killed browsers', 'Ada Tutor', people);
  const urls = [session.tutorUrl, inviteUrlFor(session, 'Sam Student'), inviteUrlFor(session, 'Pat Parent')];
  const roomName = await roomOf(request, server, tokenOf(session.tutorUrl));

  // Everyone on a Chromium of their own process tree, so it can be killed as a crash would.
  const { chromium } = playwright;
  const doomed = await chromium.launchServer({ executablePath: chromiumPath(), args: chromiumArgs });
  const remote = await chromium.connect(doomed.wsEndpoint());
  const first: Page[] = [];
  for (const url of urls) first.push(await openInvite(remote, url));
  for (const page of first) await joinCall(page);
  const [tutor] = first;
  if (!tutor) throw new Error('no tutor page');
  await requestRecording(tutor);
  await everyoneConsents(first);
  const segment = await recordingActive(roomName);
  const humans = async () =>
    (await livekit.participantIdentities(roomName)).filter((identity) => !identity.startsWith('EG_'));
  expect(await humans()).toHaveLength(3);

  // SIGKILL: no leave is sent; LiveKit notices only when its disconnect timeout runs out.
  const killedAt = Date.now();
  doomed.process().kill('SIGKILL');
  await expect.poll(humans, { timeout: 90_000, intervals: [500] }).toEqual([]);
  const droppedMs = Date.now() - killedAt;
  // The room emptied: the request closed and the recorder was stopped.
  await expect
    .poll(async () => statusOf((await livekit.egress(segment ?? '')) as never), { timeout: 30_000 })
    .toMatch(/EGRESS_(COMPLETE|ENDING)/);
  // LiveKit's webhooks for the three leaves and for the recorder's own end may reach the server in any
  // order: if the recorder ends first, the people still listed (all consented) get a retry segment, which
  // the last leave then stops. Either way nothing may keep running once the room is empty.
  await expect.poll(() => livekit.running(roomName), { timeout: 30_000, intervals: [500] }).toEqual([]);

  // The tutor comes back first and only clicks "Join session".
  const tutorAgain = await openInvite(browser, session.tutorUrl);
  const notice = tutorAgain.getByRole('region', { name: 'Recording notice' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('You consented');
  const rejoinedAt = Date.now();
  await joinCall(tutorAgain);
  await expect(banner(tutorAgain)).toContainText('Not recording');
  await nothingRecordsFor(tutorAgain, roomName, 3_000);

  // Then the guardian and the child: still nothing records, and nobody is asked about the old request.
  const backAgain = [
    await openInvite(browser, inviteUrlFor(session, 'Pat Parent')),
    await openInvite(browser, inviteUrlFor(session, 'Sam Student')),
  ];
  for (const page of backAgain) await joinCall(page);
  const everyone = [tutorAgain, ...backAgain];
  for (const page of everyone) await expect(banner(page)).toContainText('Not recording');
  await nothingRecordsFor(tutorAgain, roomName, 4_000);
  for (const page of everyone) await expect(consentDialog(page)).toBeHidden();
  await tutorAgain.screenshot({ path: testInfo.outputPath('back-after-crash.png') });

  // A new call needs a new request, answered afresh by everyone.
  await requestRecording(tutorAgain);
  await everyoneConsents(everyone);
  const next = await recordingActive(roomName);
  expect(next).not.toBe(segment);
  console.log(
    `killed browsers: LiveKit dropped all three after ${droppedMs} ms; ` +
      `${Date.now() - rejoinedAt} ms from the tutor's return to a new, consented recording`,
  );
  await remote.close().catch(() => {});
  await doomed.close().catch(() => {});
});

test('a reload during a recording stops it once the reloader is back, until they consent again', async ({
  browser,
  request,
}, testInfo) => {
  const setup = await (await browser.newContext()).newPage();
  const session = await createSession(setup, 'Presence — reload', 'Ada Tutor', [
    { name: 'Lee Learner', role: 'Student', minor: false },
  ]);
  const roomName = await roomOf(request, server, tokenOf(session.tutorUrl));
  const tutor = await openInvite(browser, session.tutorUrl);
  const student = await openInvite(browser, inviteUrlFor(session, 'Lee Learner'));
  for (const page of [tutor, student]) await joinCall(page);
  await requestRecording(tutor);
  await everyoneConsents([tutor, student]);
  const segment = await recordingActive(roomName);

  await student.reload();
  const notice = student.getByRole('region', { name: 'Recording notice' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('You consented');
  await student.screenshot({ path: testInfo.outputPath('reloaded-join-page.png'), fullPage: true });
  await joinCall(student);

  // Back as a joiner: the recorder stops, they may not publish, and they are asked again.
  await expect
    .poll(async () => statusOf((await livekit.egress(segment ?? '')) as never), { timeout: 30_000 })
    .toMatch(/EGRESS_(COMPLETE|ENDING)/);
  await expect(consentDialog(student)).toBeVisible();
  for (const page of [tutor, student]) {
    await expect(banner(page)).toContainText('Waiting for consent (1 of 2)', { timeout: 20_000 });
  }
  await nothingRecordsFor(tutor, roomName, 3_000);
  await student.screenshot({ path: testInfo.outputPath('reloaded-asked-again.png') });

  await consentDialog(student).getByRole('button', { name: 'I consent', exact: true }).click();
  const next = await recordingActive(roomName);
  expect(next).not.toBe(segment);
  for (const page of [tutor, student]) await expect(banner(page)).toContainText('Recording — ');
});
