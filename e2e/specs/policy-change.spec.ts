/**
 * The organisation's policy is data: an admin changes how long the second purpose's recordings are kept
 * and who may watch them, the tutor picks that purpose (not the first), the request form and every
 * consent prompt state its retention and viewers, and the consent record cites the notice version of the
 * policy the person consented under.
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

test("the second purpose's retention and viewers, changed on the Recording policy page, are what its request form and consent prompt state and record", async ({
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
  // The second purpose's own fieldset (each purpose is one; its viewers are a fieldset inside it).
  const secondFieldset = admin.locator('fieldset.admin-purpose').nth(1);
  const retention = secondFieldset.getByRole('combobox', { name: 'Keep recordings for' });
  await expect(retention).toBeVisible();
  await screenshotBothSizes(admin, 'admin-recording-policy');
  const chosenPurpose = await secondFieldset.locator('legend').first().innerText();
  await retention.selectOption({ label: 'A number of days' });
  await secondFieldset.getByRole('spinbutton', { name: 'Days' }).fill(String(days));
  // Only administrators watch this purpose's recordings; the first purpose keeps its own viewers.
  await secondFieldset.getByRole('checkbox', { name: 'Tutors' }).setChecked(false);
  await secondFieldset.getByRole('checkbox', { name: 'Reviewers' }).setChecked(false);
  await secondFieldset.getByRole('checkbox', { name: 'Administrators' }).setChecked(true);
  // Before saving, the editor says what the change does to recordings already stored.
  const effects = admin.getByRole('region', { name: 'What this does to stored recordings' });
  await expect(effects.getByRole('listitem').first()).toHaveText(
    new RegExp(`^${chosenPurpose}: .*(stored recording|new recordings will be kept ${days} days)`),
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
    policy: { purposes: { id: string; label: string; retentionDays: number; viewerRoles: string[] }[] };
  };
  expect(policy.version).toBe(version);
  const [first, second] = policy.policy.purposes;
  expect(second).toMatchObject({ label: chosenPurpose, retentionDays: days, viewerRoles: ['admin'] });
  expect(first?.retentionDays).not.toBe(days);

  // A new session: the tutor and an adult student in a call.
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutor, `Policy ${version}`, 'Val Tutor', [
    { name: 'Ola Adult', role: 'Student' },
  ]);
  await tutor.goto(session.tutorUrl);
  const student = await openInvite(browser, inviteUrlFor(session, 'Ola Adult'));
  for (const page of [tutor, student]) await joinCall(page);

  // What the server says the chosen purpose states: its viewers differ from the first purpose's.
  const options = (await (
    await tutor.request.get('/api/recording/options', {
      headers: { authorization: `Bearer ${tokenOf(session.tutorUrl)}` },
    })
  ).json()) as { purposes: { id: string; viewers: string; retentionDays: number }[] };
  const [firstOption, secondOption] = options.purposes;
  if (!firstOption || !secondOption) throw new Error('the policy lists fewer than two purposes');
  expect(secondOption.viewers).toMatch(/^Administrators/);
  expect(secondOption.viewers).not.toBe(firstOption.viewers);

  // The tutor picks the second purpose; the request form states its retention and viewers at once.
  await tutor.getByRole('button', { name: 'Request recording' }).click();
  const form = tutor.getByRole('dialog', { name: 'Request recording' });
  const purposeSelect = form.getByRole('combobox', { name: 'Purpose' });
  await expect(purposeSelect).toHaveValue(/.+/);
  await purposeSelect.selectOption({ label: chosenPurpose });
  await expect(form).toContainText(`${days} days`);
  await expect(form).toContainText(secondOption.viewers);
  await expect(form).not.toContainText(firstOption.viewers);
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(form).toBeHidden();

  // Everyone's consent prompt states the chosen purpose, its viewers and its retention.
  for (const page of [tutor, student]) {
    const prompt = consentDialog(page);
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText(chosenPurpose);
    await expect(prompt).toContainText(`${days} days`);
    await expect(prompt).toContainText(secondOption.viewers);
  }
  await screenshotBothSizes(student, 'call-consent-new-retention');
  for (const page of [tutor, student]) {
    await consentDialog(page).getByRole('button', { name: 'I consent' }).click();
    await expect(consentDialog(page)).toBeHidden();
  }

  // The consent record cites the notice version of the new policy. In the call the tutor sees their own
  // entries and everyone else's answers only as counts (nobody there learns who said no).
  const noticeVersion = `policy-${version}`;
  await expect
    .poll(async () => {
      const res = await tutor.request.get('/api/recording/log', {
        headers: { authorization: `Bearer ${tokenOf(session.tutorUrl)}` },
      });
      const { entries, counts } = (await res.json()) as ConsentLogResponse;
      return {
        entries: entries.map((e) => `${e.personName}: ${e.kind} ${e.noticeVersion}`),
        consented: counts.map((c) => c.consented),
      };
    })
    .toEqual({
      entries: [`Val Tutor: request ${noticeVersion}`, `Val Tutor: consent ${noticeVersion}`],
      consented: [1],
    });
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
