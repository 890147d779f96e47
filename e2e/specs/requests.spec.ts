/**
 * Participants' requests against the real stack: a guardian asks for two recordings of their child's
 * session to be deleted; the admin approves one (destroyed, with a deletion record citing the request)
 * and refuses the other (the guardian reads why). The guardian asks for everything Assent holds about
 * their child; the admin prepares the answer, reads it and releases it (each destructive step confirmed in
 * a dialog); the guardian reads the answer and downloads the archive, which holds it.
 */

import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import {
  egressComplete,
  leaveCall,
  pageFor,
  recordWithEveryone,
  threeInACall,
} from '../fixtures/recorded-call';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';
import {
  deletionRecordsOf,
  recordingById,
  recordingOfEgress,
  transcriptOf,
  vaultFiles,
} from '../fixtures/vault';

test.use({ actionTimeout: 20_000 });

test('deletion requests are approved or refused with a reason, and an access request is answered with an archive', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const title = 'Requests — two recordings';
  const call = await threeInACall(browser, title);
  const recorded: string[] = [];
  for (let i = 0; i < 2; i++) {
    const egress = await recordWithEveryone(call);
    await call.pages.tutor.waitForTimeout(3000);
    await call.pages.tutor.getByRole('button', { name: 'Cancel request' }).click();
    await egressComplete(egress.egressId);
    await expect.poll(() => recordingOfEgress(egress.egressId)?.status, { timeout: 20_000 }).toBe('stored');
    recorded.push(recordingOfEgress(egress.egressId)?.id ?? '');
  }
  const [first, second] = recorded as [string, string];
  await leaveCall(call);

  // The guardian asks, from each recording's page, for it to be deleted.
  const guardianPage = await pageFor(browser, call.guardian);
  for (const [id, why] of [
    [first, 'My child would rather this was not kept.'],
    [second, 'Please delete this one too.'],
  ] as const) {
    await guardianPage.goto(`/recordings/${id}`);
    await guardianPage.getByRole('button', { name: 'Request deletion' }).click();
    const dialog = guardianPage.getByRole('dialog', { name: 'Request deletion' });
    await dialog.getByRole('textbox', { name: 'Why (optional)' }).fill(why);
    if (id === first) await screenshotBothSizes(guardianPage, 'request-deletion');
    await dialog.getByRole('button', { name: 'Send deletion request' }).click();
    await expect(guardianPage.getByText(/Your deletion request was sent/)).toBeVisible();
  }

  // The admin approves the first (oldest first) and refuses the second, each with a reason.
  const admin = await call.organisation.admin();
  const adminPage = await pageFor(browser, admin);
  await adminPage.goto('/admin/requests');
  await expect(adminPage.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
  const forms = adminPage.getByRole('form', { name: `Decide Gus Guardian's request about ${title}` });
  await expect(forms).toHaveCount(2);
  await screenshotBothSizes(adminPage, 'admin-requests');
  await forms
    .first()
    .getByRole('textbox', { name: 'Reason for your decision' })
    .fill('The family asked and no other rule needs it kept.');
  await forms.first().getByRole('button', { name: 'Approve deletion' }).click();
  // Destroying cannot be undone: the admin confirms in a dialog first (nothing is destroyed before).
  const confirmDeletion = adminPage.getByRole('alertdialog', { name: 'Approve this deletion?' });
  await expect(confirmDeletion).toBeVisible();
  await screenshotBothSizes(adminPage, 'admin-confirm-deletion');
  expect(recordingById(first)?.status).toBe('stored');
  await confirmDeletion.getByRole('button', { name: 'Approve and delete' }).click();
  await expect(adminPage.getByText(/Approved/).first()).toBeVisible();
  const open = adminPage.getByRole('form', { name: `Decide Gus Guardian's request about ${title}` });
  await open
    .getByRole('textbox', { name: 'Reason for your decision' })
    .fill('Kept for the quality review that is under way.');
  await open.getByRole('button', { name: 'Refuse deletion' }).click();
  await expect(adminPage.getByText('Kept for the quality review that is under way.')).toBeVisible();

  // Approved: destroyed, blob gone, a deletion record citing the request; refused: still stored.
  expect(recordingById(first)?.status).toBe('destroyed');
  expect(recordingById(second)?.status).toBe('stored');
  expect(vaultFiles().some((f) => f.includes(first))).toBe(false);
  // Its transcript, if one was begun by then, goes with it (a deletion record if it held text).
  const transcript = transcriptOf(first);
  expect(transcript === undefined || transcript.status === 'destroyed').toBe(true);
  const records = deletionRecordsOf(call.sessionId);
  expect(records.filter((r) => r.recording_id === first).map((r) => r.reason)).toEqual(['decision']);
  expect(records.filter((r) => r.recording_id !== first)).toEqual(
    transcript ? records.filter((r) => r.recording_id === transcript.id) : [],
  );
  expect(records.every((r) => r.reason === 'decision' && /Gus Guardian/.test(r.detail))).toBe(true);
  expect(transcriptOf(second)?.status ?? 'none').not.toBe('destroyed');
  await guardianPage.goto('/requests');
  await expect(guardianPage.getByText(/Kept for the quality review that is under way/)).toBeVisible();
  await expect(guardianPage.getByText(/Approved on/)).toBeVisible();

  // An access request for the child, answered by the admin, read and downloaded by the guardian.
  await guardianPage.getByRole('button', { name: "Request Kit Student's data" }).click();
  await expect(guardianPage.getByText(/waiting for an administrator/i).first()).toBeVisible();
  await screenshotBothSizes(guardianPage, 'your-requests');
  await adminPage.goto('/admin/requests');
  await adminPage.getByRole('button', { name: 'Prepare answer for Gus Guardian' }).click();
  await expect(adminPage.getByRole('button', { name: 'Prepare answer for Gus Guardian' })).toHaveCount(0);
  // A prepared answer is a draft: the guardian still sees the request as waiting.
  await guardianPage.goto('/requests');
  await expect(guardianPage.getByText(/waiting for an administrator/i).first()).toBeVisible();
  await expect(guardianPage.getByRole('link', { name: 'View answer' })).toHaveCount(0);
  // The admin reads it and releases it, confirming in a dialog.
  await expect(
    adminPage.getByRole('heading', { name: 'Answer for Gus Guardian about Kit Student' }),
  ).toBeVisible();
  await adminPage.getByRole('button', { name: 'Release answer to Gus Guardian' }).click();
  const confirmRelease = adminPage.getByRole('alertdialog', { name: 'Release this answer?' });
  await expect(confirmRelease).toBeVisible();
  await screenshotBothSizes(adminPage, 'admin-confirm-release');
  await confirmRelease.getByRole('button', { name: 'Release answer' }).click();
  await expect(adminPage.getByText(/The answer is released to Gus Guardian/)).toBeVisible();
  await guardianPage.goto('/requests');
  await guardianPage.getByRole('link', { name: 'View answer' }).first().click();
  await expect(
    guardianPage.getByRole('heading', { name: 'Everything Assent holds about Kit Student', level: 1 }),
  ).toBeVisible();
  await expect(guardianPage.getByText(title).first()).toBeVisible();
  await screenshotBothSizes(guardianPage, 'access-answer');
  const downloading = guardianPage.waitForEvent('download');
  await guardianPage.getByRole('link', { name: 'Download archive' }).click();
  const download = await downloading;
  const archive = unzipSync(new Uint8Array(readFileSync((await download.path()) ?? '')));
  expect(Object.keys(archive)).toEqual(expect.arrayContaining(['README.txt', 'answer.json', 'consents.csv']));
  const answer = new TextDecoder().decode(archive['answer.json']);
  expect(answer).toContain(title);
  expect(answer).toContain(second);
  expect(answer).toContain(first);
  const consents = new TextDecoder().decode(archive['consents.csv']);
  expect(consents.split('\n').length).toBeGreaterThan(2);
  await call.organisation.dispose();
});
