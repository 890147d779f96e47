import { writeFileSync } from 'node:fs';
import { expectRemoteAudioFlowing, expectRemoteVideosPlaying, remoteTileCount } from '../fixtures/media';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

test('a tutor, a student and a guardian see and hear each other, and see someone leave', async ({
  browser,
}, testInfo) => {
  const tutorPage = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutorPage, 'Algebra — week 3', 'Ada Tutor', [
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

  const people = [tutorPage, student, guardian];
  for (const page of people) {
    await expect(page.getByRole('status', { name: 'Recording status' })).toContainText('Not recording');
  }
  for (const page of people) await expectRemoteVideosPlaying(page, 2);

  await expect(tutorPage.getByText('Student', { exact: true }).first()).toBeVisible();
  await expect(tutorPage.getByText('Guardian', { exact: true }).first()).toBeVisible();
  for (const page of people) await expectRemoteAudioFlowing(page, 2);
  await tutorPage.screenshot({ path: testInfo.outputPath('call-tutor.png') });
  await student.setViewportSize({ width: 375, height: 740 });
  await student.screenshot({ path: testInfo.outputPath('call-student-phone.png') });

  await guardian.getByRole('button', { name: 'Leave' }).click();
  await expect(guardian.getByText('You left the session')).toBeVisible();
  for (const page of [tutorPage, student]) {
    await expect.poll(() => remoteTileCount(page)).toBe(1);
    await expectRemoteVideosPlaying(page, 1);
  }

  testInfo.annotations.push({
    type: 'third person: page load → remote video playing',
    description: `${remoteVideoMs} ms`,
  });
  writeFileSync(testInfo.outputPath('timings.json'), JSON.stringify({ remoteVideoMs }, null, 2));
  console.log(`third person: page load → both remote videos playing: ${remoteVideoMs} ms`);
});
