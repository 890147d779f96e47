/**
 * The organisation's policy is data: an admin changes how long the first purpose's recordings are kept,
 * the next recording request's consent prompt states the new retention, and the consent record cites
 * the notice version of the policy the person consented under.
 */
import type { ConsentLogResponse } from '@assent/shared';
import { consentDialog } from '../fixtures/call';
import { adminStateFile, e2eSite } from '../fixtures/organisation';
import { screenshotBothSizes } from '../fixtures/screens';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

// A step that cannot happen fails in seconds, not at the end of the journey's time.
test.use({ actionTimeout: 20_000 });

const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

test('a retention changed on the Recording policy page is what the next consent prompt states and records', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A number of days no other run or default uses, so the prompt can only be showing this change.
  const days = 100 + Math.floor(Math.random() * 3000);

  const adminContext = await browser.newContext({ storageState: adminStateFile(e2eSite()) });
  const admin = await adminContext.newPage();
  await admin.goto('/');
  await admin
    .getByRole('navigation', { name: 'Your account' })
    .getByRole('link', { name: 'Recording policy' })
    .click();
  const retention = admin.getByRole('combobox', { name: 'Keep recordings for' }).first();
  await expect(retention).toBeVisible();
  await screenshotBothSizes(admin, 'admin-recording-policy');
  const firstPurpose = await admin
    .locator('fieldset')
    .filter({ has: retention })
    .first()
    .locator('legend')
    .first()
    .innerText();
  await retention.selectOption({ label: 'A number of days' });
  await admin.getByRole('spinbutton', { name: 'Days' }).first().fill(String(days));
  // Before saving, the editor says what the change does to recordings already stored.
  const effects = admin.getByRole('region', { name: 'What this does to stored recordings' });
  await expect(effects.getByRole('listitem').first()).toHaveText(
    new RegExp(`^${firstPurpose}: .*(stored recording|new recordings will be kept ${days} days)`),
  );
  await screenshotBothSizes(admin, 'admin-recording-policy-retention-effects');
  await admin.getByRole('button', { name: 'Save policy' }).click();
  const saved = admin.getByRole('status').filter({ hasText: /Saved as version \d+/ });
  await expect(saved).toBeVisible();
  const version = Number(/Saved as version (\d+)/.exec(await saved.innerText())?.[1]);
  expect(version).toBeGreaterThan(1);
  // What everyone reads is the new version.
  const policy = (await (await admin.request.get('/api/policy')).json()) as {
    version: number;
    policy: { purposes: { label: string; retentionDays: number }[] };
  };
  expect(policy.version).toBe(version);
  expect(policy.policy.purposes[0]).toMatchObject({ label: firstPurpose, retentionDays: days });

  // A new session: the tutor and an adult student in a call.
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutor, `Policy ${version}`, 'Val Tutor', [
    { name: 'Ola Adult', role: 'Student' },
  ]);
  await tutor.goto(session.tutorUrl);
  const student = await openInvite(browser, inviteUrlFor(session, 'Ola Adult'));
  for (const page of [tutor, student]) await joinCall(page);

  // The tutor asks with the first purpose; the request form already states the new retention.
  await tutor.getByRole('button', { name: 'Request recording' }).click();
  const form = tutor.getByRole('dialog', { name: 'Request recording' });
  await expect(form.getByRole('combobox', { name: 'Purpose' })).toHaveValue(/.+/);
  await expect(form.getByRole('combobox', { name: 'Purpose' }).locator('option:checked')).toHaveText(
    firstPurpose,
  );
  await expect(form).toContainText(`${days} days`);
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(form).toBeHidden();

  // Everyone's consent prompt states the purpose and the new retention.
  for (const page of [tutor, student]) {
    const prompt = consentDialog(page);
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText(firstPurpose);
    await expect(prompt).toContainText(`${days} days`);
  }
  await screenshotBothSizes(student, 'call-consent-new-retention');
  for (const page of [tutor, student]) {
    await consentDialog(page).getByRole('button', { name: 'I consent' }).click();
    await expect(consentDialog(page)).toBeHidden();
  }

  // The consent record (the tutor sees the session's log) cites the notice version of the new policy.
  const noticeVersion = `policy-${version}`;
  await expect
    .poll(async () => {
      const res = await tutor.request.get('/api/recording/log', {
        headers: { authorization: `Bearer ${tokenOf(session.tutorUrl)}` },
      });
      const { entries } = (await res.json()) as ConsentLogResponse;
      return entries
        .filter((e) => e.kind === 'consent')
        .map((e) => `${e.personName}: ${e.noticeVersion}`)
        .sort();
    })
    .toEqual([`Ola Adult: ${noticeVersion}`, `Val Tutor: ${noticeVersion}`]);
  // And the student's own view of the record says the same.
  const own = await student.request.get('/api/recording/log', {
    headers: { authorization: `Bearer ${tokenOf(inviteUrlFor(session, 'Ola Adult'))}` },
  });
  const ownEntries = ((await own.json()) as ConsentLogResponse).entries;
  expect(ownEntries.map((e) => [e.personName, e.kind, e.noticeVersion])).toEqual([
    ['Ola Adult', 'consent', noticeVersion],
  ]);

  // Done: the tutor withdraws so no recorder keeps running into the next journey.
  await tutor.getByRole('button', { name: 'Withdraw consent' }).click();
  const banner = tutor.getByRole('status', { name: 'Recording status' });
  await expect(banner).toContainText('Recording stopped');
  await expect(banner).toHaveAttribute('data-livekit-recording', 'false');
});
