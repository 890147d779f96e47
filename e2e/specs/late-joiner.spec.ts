import { banner, consentDialog, requestRecording } from '../fixtures/call';
import { createSessionThroughUi, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

test('someone joining while recording is starting stops it until they consent', async ({
  browser,
}, testInfo) => {
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSessionThroughUi(tutor, 'Consent — late joiner', 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student', minor: true },
    { name: 'Pat Parent', role: 'Guardian' },
    { name: 'Lee Late', role: 'Student', minor: false },
  ]);
  await tutor.goto(session.tutorUrl);
  const student = await openInvite(browser, inviteUrlFor(session, 'Sam Student'));
  const guardian = await openInvite(browser, inviteUrlFor(session, 'Pat Parent'));
  const first = [tutor, student, guardian];
  for (const page of first) await joinCall(page);

  await requestRecording(tutor);
  for (const page of first)
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  // Everyone present said yes: the server asks LiveKit for the recorder and every banner says so.
  for (const page of first) await expect(banner(page)).toContainText('Recording');
  for (const page of first) await expect(banner(page)).not.toContainText('Not recording');

  // The pre-join screen tells the newcomer that recording is on.
  const late = await openInvite(browser, inviteUrlFor(session, 'Lee Late'));
  await expect(late.getByRole('region', { name: 'Recording notice' })).toContainText('Recording is on now');
  await late.screenshot({ path: testInfo.outputPath('join-while-recording.png'), fullPage: true });
  await joinCall(late);

  // Fail closed: nobody may be recorded while Lee has not consented.
  for (const page of [...first, late]) {
    await expect(banner(page)).toContainText('Waiting for consent (3 of 4)', { timeout: 45_000 });
    await expect(banner(page)).toContainText('Not recording');
  }
  await expect(consentDialog(late)).toBeVisible();
  await consentDialog(late).getByRole('button', { name: 'I consent', exact: true }).click();
  for (const page of [...first, late]) await expect(banner(page)).not.toContainText('Not recording');
  for (const page of [...first, late]) await expect(banner(page)).toContainText('Recording');
});
