import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { expect, test } from '../fixtures/test';

const heldOff = 'Your camera and microphone are off until your withdrawal is confirmed';

test('an unconfirmed withdrawal stops the person’s own camera and microphone until the server confirms', async ({
  browser,
}, testInfo) => {
  const call = await startThreePersonCall(browser, 'Consent — slow withdrawal');
  await requestRecording(call.tutor);
  for (const page of call.everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  for (const page of call.everyone) await expect(banner(page)).not.toContainText('Waiting');

  // The student's network holds the withdrawal until the checks below are done: the server has not heard of
  // it while they run, however long a loaded machine takes over them.
  let deliver: () => void = () => undefined;
  const delivered = new Promise<void>((resolve) => {
    deliver = resolve;
  });
  await call.student.route('**/api/recording/withdraw', async (route) => {
    await delivered;
    await route.continue();
  });
  const samOnTutorPage = call.tutor.locator('.lk-participant-tile', { hasText: 'Sam Student' });
  await expect(samOnTutorPage).toHaveAttribute('data-lk-video-muted', 'false');

  await call.student.getByRole('button', { name: 'Withdraw consent' }).click();
  // Within about a second, and before the server has heard of it, Sam's media stops for everyone.
  await expect(call.student.getByRole('alert').filter({ hasText: heldOff })).toBeVisible({ timeout: 2000 });
  await expect(samOnTutorPage).toHaveAttribute('data-lk-video-muted', 'true', { timeout: 1500 });
  await expect(samOnTutorPage).toHaveAttribute('data-lk-audio-muted', 'true', { timeout: 1500 });
  await expect(banner(call.tutor)).not.toContainText('withdrew');
  await call.student.screenshot({ path: testInfo.outputPath('withdrawal-unconfirmed.png') });
  deliver();

  // Once the server confirms, everyone sees the withdrawal and Sam's camera and microphone come back.
  for (const page of call.everyone) {
    await expect(banner(page)).toContainText('Recording stopped — a participant withdrew consent');
  }
  await expect(call.student.getByRole('alert').filter({ hasText: heldOff })).toHaveCount(0);
  await expect(samOnTutorPage).toHaveAttribute('data-lk-video-muted', 'false');
  await expect(samOnTutorPage).toHaveAttribute('data-lk-audio-muted', 'false');
});
