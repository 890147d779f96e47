import { banner, consentDialog, requestRecording } from '../fixtures/call';
import { expectRemoteVideosPlaying } from '../fixtures/media';
import { e2ePorts } from '../fixtures/ports';
import { livekitView, roomOf, statusOf } from '../fixtures/recording';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

const livekit = livekitView();

test('someone joining a recording stops it; a new segment starts only once they consent', async ({
  browser,
  request,
}, testInfo) => {
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutor, 'Consent — late joiner', 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student', minor: true },
    { name: 'Pat Parent', role: 'Guardian' },
    { name: 'Lee Late', role: 'Student', minor: false },
  ]);
  const tutorToken = decodeURIComponent(new URL(session.tutorUrl).pathname.split('/').pop() ?? '');
  const roomName = await roomOf(request, `http://127.0.0.1:${e2ePorts.server}`, tutorToken);
  await tutor.goto(session.tutorUrl);
  const student = await openInvite(browser, inviteUrlFor(session, 'Sam Student'));
  const guardian = await openInvite(browser, inviteUrlFor(session, 'Pat Parent'));
  const first = [tutor, student, guardian];
  for (const page of first) await joinCall(page);

  await requestRecording(tutor);
  for (const page of first)
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000 })
    .toEqual(['EGRESS_ACTIVE']);
  const [segment] = await livekit.running(roomName);
  for (const page of first) await expect(banner(page)).toContainText('Recording — ');

  // The pre-join screen tells the newcomer that recording is on.
  const late = await openInvite(browser, inviteUrlFor(session, 'Lee Late'));
  await expect(late.getByRole('region', { name: 'Recording notice' })).toContainText('Recording is on now');
  await late.screenshot({ path: testInfo.outputPath('join-while-recording.png'), fullPage: true });
  // Watch LiveKit from before Lee enters: the moment Lee appears, what may Lee do, and is it recording?
  const lateIdentity = (await (
    await request.post(`http://127.0.0.1:${e2ePorts.server}/api/join`, {
      data: { inviteToken: decodeURIComponent(inviteUrlFor(session, 'Lee Late').split('/').pop() ?? '') },
    })
  ).json()) as { identity: string; canPublish: boolean };
  expect(lateIdentity.canPublish).toBe(false);
  const firstSight = (async () => {
    for (let i = 0; i < 400; i++) {
      const seen = await livekit.participant(roomName, lateIdentity.identity);
      if (seen) return { ...seen, recording: (await livekit.running(roomName)).length > 0 };
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  })();
  await joinCall(late);
  // Rule 5: while the recorder runs, Lee's media cannot reach it: Lee may not publish, and has not.
  const sight = await firstSight;
  expect(sight).toBeDefined();
  if (sight?.recording) expect(sight).toMatchObject({ canPublish: false, tracks: 0 });
  console.log(`late joiner first seen by LiveKit: ${JSON.stringify(sight)}`);

  // Fail closed: the segment ends, and nothing records while Lee has not consented.
  await expect
    .poll(async () => statusOf((await livekit.egress(segment?.egressId ?? '')) ?? (segment as never)), {
      timeout: 20_000,
    })
    .toBe('EGRESS_COMPLETE');
  for (const page of [...first, late]) {
    await expect(banner(page)).toContainText('Waiting for consent (3 of 4)', { timeout: 20_000 });
    await expect(banner(page)).toContainText('Not recording');
  }
  await late.screenshot({ path: testInfo.outputPath('late-joiner-asked.png') });
  for (let i = 0; i < 6; i++) {
    expect(await livekit.running(roomName)).toEqual([]);
    await tutor.waitForTimeout(500);
  }

  await expect(consentDialog(late)).toBeVisible();
  await consentDialog(late).getByRole('button', { name: 'I consent', exact: true }).click();
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000 })
    .toEqual(['EGRESS_ACTIVE']);
  const [next] = await livekit.running(roomName);
  expect(next?.egressId).not.toBe(segment?.egressId);
  for (const page of [...first, late]) await expect(banner(page)).toContainText('Recording — ');
  // Once allowed, Lee's camera came on as chosen on the join page: everyone sees three others.
  await expectRemoteVideosPlaying(tutor, 3);
  expect(await livekit.participant(roomName, lateIdentity.identity)).toMatchObject({ canPublish: true });
});
