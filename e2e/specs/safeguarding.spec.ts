/**
 * Safeguarding against the real stack: the tutor is told in the call while no guardian of the child is
 * there; a child reports a concern from the call and nobody else in it can tell; the report holds the
 * session's recording past its retention; a reviewer (not otherwise allowed to watch) investigates it,
 * watches the recording and closes the report; the next sweep destroys it. A session the child attended
 * without a guardian shows on the admin's guardian-presence page.
 */
import type { AuditPage } from '@assent/shared';
import type { Page } from '@playwright/test';
import { openOrganisation } from '../fixtures/organisation';
import {
  egressComplete,
  leaveCall,
  livekit,
  pageFor,
  recordWithEveryone,
  setPolicy,
  threeInACall,
} from '../fixtures/recorded-call';
import { screenshotBothSizes } from '../fixtures/screens';
import { joinCall } from '../fixtures/session';
import { expect, test } from '../fixtures/test';
import { recordingOfEgress, recordingsOfSession, runVaultCommand } from '../fixtures/vault';

test.use({ actionTimeout: 20_000 });

const noGuardianNotice = (page: Page) => page.getByText('No parent or guardian is here for Kit Student.');

test('a concern reported in the call holds the recording until a reviewer has investigated and closed it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = 'Safeguarding — a difficult lesson';
  // Reviewers may not watch this purpose: only the report lets them.
  const organisation = openOrganisation();
  const admin = await organisation.admin();
  await setPolicy(admin, (p) => ({
    ...p,
    purposes: p.purposes.map((purpose, i) =>
      i === 0 ? { ...purpose, viewerRoles: purpose.viewerRoles.filter((r) => r !== 'reviewer') } : purpose,
    ),
  }));
  try {
    // The child is in the call before their guardian: the tutor is told, until the guardian comes.
    const call = await threeInACall(browser, title, { organisation, join: ['tutor', 'student'] });
    await expect(noGuardianNotice(call.pages.tutor)).toBeVisible({ timeout: 20_000 });
    await screenshotBothSizes(call.pages.tutor, 'call-no-guardian-notice');
    await expect(noGuardianNotice(call.pages.student)).toHaveCount(0);
    await joinCall(call.pages.guardian);
    await expect(noGuardianNotice(call.pages.tutor)).toHaveCount(0, { timeout: 20_000 });

    const egress = await recordWithEveryone(call);
    await call.pages.tutor.waitForTimeout(4000);

    // The child reports from the call; what everyone in the room can read does not change.
    const before = await livekit.visibleToEveryone(call.roomName);
    await call.pages.student.getByRole('button', { name: 'Report a concern' }).click();
    const dialog = call.pages.student.getByRole('dialog', { name: 'Report a concern' });
    await dialog.getByRole('radio', { name: /safety or wellbeing/ }).check();
    await dialog
      .getByRole('textbox', { name: 'What happened' })
      .fill('Someone said something that upset me.');
    await screenshotBothSizes(call.pages.student, 'call-report-concern');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByText(/Nobody else in the call can see that you reported/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await call.pages.tutor.waitForTimeout(1500);
    expect(await livekit.visibleToEveryone(call.roomName)).toBe(before);
    for (const other of [call.pages.tutor, call.pages.guardian]) {
      await expect(other.getByText(/reported|your report/i)).toHaveCount(0);
      await expect(other.getByRole('dialog')).toHaveCount(0);
    }

    await call.pages.tutor.getByRole('button', { name: 'Cancel request' }).click();
    await egressComplete(egress.egressId);
    await expect.poll(() => recordingOfEgress(egress.egressId)?.status, { timeout: 20_000 }).toBe('stored');
    const recording = recordingOfEgress(egress.egressId);
    if (!recording) throw new Error('not stored');
    await leaveCall(call);

    // Past its retention the recording is held while the report is open.
    const reviewer = await organisation.inviteStaff('reviewer', 'Sadie Safeguarding');
    const { retainUntil } = (await (await admin.api.get(`/api/recordings/${recording.id}`)).json()) as {
      retainUntil: string;
    };
    const pastRetention = new Date(Date.parse(retainUntil) + 60_000).toISOString();
    runVaultCommand(['sweep', '--as-of', pastRetention]);
    expect(recordingOfEgress(egress.egressId)?.status).toBe('stored');

    // The reviewer finds the report, sees who made it, and watches the recording for the investigation.
    const reviewerPage = await pageFor(browser, reviewer);
    await reviewerPage.goto('/safeguarding');
    await expect(reviewerPage.getByRole('heading', { name: 'Safeguarding reports', level: 1 })).toBeVisible();
    await screenshotBothSizes(reviewerPage, 'safeguarding-reports');
    await reviewerPage
      .getByRole('link', { name: `Report about ${title}` })
      .first()
      .click();
    await expect(reviewerPage.getByRole('heading', { name: `Report about ${title}` })).toBeVisible();
    await expect(reviewerPage.getByText('Kit Student').first()).toBeVisible();
    await expect(reviewerPage.getByText('Someone said something that upset me.')).toBeVisible();
    await screenshotBothSizes(reviewerPage, 'safeguarding-report');
    const reportUrl = reviewerPage.url();
    await reviewerPage
      .getByRole('link', { name: `Watch recording of ${title}` })
      .first()
      .click();
    await reviewerPage.getByRole('button', { name: 'Play recording' }).click();
    await expect(reviewerPage.getByText(/Viewed by Sadie Safeguarding/)).toBeVisible();
    const views = (await (
      await admin.api.get(
        `/api/admin/audit?targetType=recording&targetId=${recording.id}&actionPrefix=recording.view&outcome=done`,
      )
    ).json()) as AuditPage;
    expect(views.entries[0]?.detail).toMatchObject({ access: 'investigation' });

    // Closed with its outcome: the hold ends and the next sweep past retention destroys the recording.
    await reviewerPage.goto(reportUrl);
    await reviewerPage.getByRole('textbox', { name: 'Outcome' }).fill('Spoke with the family and the tutor.');
    await reviewerPage
      .getByRole('textbox', { name: 'Corrective actions' })
      .fill('Tutor reminded of the conduct rules.');
    await reviewerPage.getByRole('button', { name: 'Close report' }).click();
    await expect(reviewerPage.getByText('Spoke with the family and the tutor.')).toBeVisible();
    expect((await reviewer.api.post(`/api/recordings/${recording.id}/playback`, { data: {} })).status()).toBe(
      404,
    );
    // The child, who has no account, learns from their own link that the report was handled.
    const childPage = await (await browser.newContext()).newPage();
    await childPage.goto(call.links['Kit Student'] ?? '');
    await expect(childPage.getByText(/Your report about this session was handled on/)).toBeVisible();
    await screenshotBothSizes(childPage, 'join-report-handled');
    runVaultCommand(['sweep', '--as-of', pastRetention]);
    expect(recordingOfEgress(egress.egressId)?.status).toBe('destroyed');
    expect(recordingsOfSession(call.sessionId).map((r) => r.status)).toEqual(['destroyed']);
  } finally {
    await setPolicy(admin, (p) => ({
      ...p,
      purposes: p.purposes.map((purpose, i) =>
        i === 0 ? { ...purpose, viewerRoles: ['tutor', 'reviewer', 'admin'] } : purpose,
      ),
    }));
    await organisation.dispose();
  }
});

test('a session the child attended without a guardian shows on the guardian-presence page', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = 'Safeguarding — no guardian came';
  const call = await threeInACall(browser, title, { join: ['tutor', 'student'] });
  await expect(noGuardianNotice(call.pages.tutor)).toBeVisible({ timeout: 20_000 });
  await call.pages.student.getByRole('button', { name: 'Leave' }).click();
  await call.pages.tutor.getByRole('button', { name: 'Leave' }).click();
  await leaveCall(call);

  const admin = await call.organisation.admin();
  const adminPage = await pageFor(browser, admin);
  // LiveKit reports the leaves by webhook; then the session counts as over.
  await expect
    .poll(
      async () =>
        (await (await admin.api.get('/api/admin/guardian-presence?missedOnly=true')).text()).includes(title),
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(true);
  await adminPage.goto('/admin/guardian-presence');
  await expect(adminPage.getByRole('heading', { name: 'Guardian presence', level: 1 })).toBeVisible();
  const row = adminPage.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText(/missing/i);
  await screenshotBothSizes(adminPage, 'admin-guardian-presence');
  await call.organisation.dispose();
});
