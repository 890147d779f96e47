/**
 * Research sharing against the real stack: two recorded sessions with the same people; in the first
 * everyone says yes to research (the tutor and guardian on their dashboards, the child from their own
 * join link), in the second the child is never asked. The research export holds only the first, with
 * people pseudonymised and, by default, only the recording's sound (no video track); once the guardian withdraws, a new export holds nothing,
 * and the family's own access to the recording is unchanged.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordingList } from '@assent/shared';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import {
  egressComplete,
  leaveCall,
  pageFor,
  type RecordedCall,
  recordWithEveryone,
  threeInACall,
} from '../fixtures/recorded-call';
import { probe } from '../fixtures/recording';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';
import { recordingOfEgress } from '../fixtures/vault';

test.use({ actionTimeout: 20_000 });

async function recordedSession(call: RecordedCall): Promise<string> {
  const egress = await recordWithEveryone(call);
  await call.pages.tutor.waitForTimeout(3000);
  await call.pages.tutor.getByRole('button', { name: 'Cancel request' }).click();
  await egressComplete(egress.egressId);
  await expect.poll(() => recordingOfEgress(egress.egressId)?.status, { timeout: 20_000 }).toBe('stored');
  return recordingOfEgress(egress.egressId)?.id ?? '';
}

/** Ticks a research choice on the dashboard and waits for it to be saved. */
async function choose(page: Page, who: string, title: string, answer: 'Yes, share for research' | 'No') {
  const group = page.getByRole('radiogroup', { name: `Research sharing for ${who} in ${title}` });
  await group.getByRole('radio', { name: answer }).check();
  await expect(group.getByRole('radio', { name: answer })).toBeChecked();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
}

async function exportArchive(adminPage: Page) {
  await adminPage.goto('/admin/research');
  await expect(adminPage.getByRole('heading', { name: 'Research exports', level: 1 })).toBeVisible();
  await adminPage.getByRole('button', { name: 'Export for research' }).click();
  const downloading = adminPage.waitForEvent('download');
  await adminPage.getByRole('link', { name: 'Download research export' }).first().click();
  const download = await downloading;
  return unzipSync(new Uint8Array(readFileSync((await download.path()) ?? '')));
}

test('only sessions where everyone agreed to research go into a pseudonymised export', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const agreed = 'Research — everyone agreed';
  const notAsked = 'Research — the child was not asked';
  const first = await threeInACall(browser, agreed);
  const agreedRecording = await recordedSession(first);
  await leaveCall(first);
  const second = await threeInACall(browser, notAsked, {
    organisation: first.organisation,
    tutor: first.tutor,
    family: first.family,
  });
  await recordedSession(second);
  await leaveCall(second);

  // The tutor and the guardian say yes on their dashboards (the guardian for themselves and the child)…
  const tutorPage = await pageFor(browser, first.tutor);
  await tutorPage.goto('/');
  await expect(tutorPage.getByRole('heading', { name: 'Research sharing' })).toBeVisible();
  for (const title of [agreed, notAsked])
    await choose(tutorPage, 'Vera Tutor', title, 'Yes, share for research');
  const guardianPage = await pageFor(browser, first.guardian);
  await guardianPage.goto('/');
  for (const title of [agreed, notAsked]) {
    await choose(guardianPage, 'Gus Guardian', title, 'Yes, share for research');
    await choose(guardianPage, 'Kit Student', title, 'Yes, share for research');
  }
  await screenshotBothSizes(guardianPage, 'research-sharing');

  // …and the child gives their own yes from their join link, for the first session only.
  const childPage = await (await browser.newContext()).newPage();
  await childPage.goto(first.links['Kit Student'] ?? '');
  await childPage.getByText('Research sharing (optional)').click();
  const childChoice = childPage.getByRole('radiogroup', {
    name: `Research sharing for Kit Student in ${agreed}`,
  });
  await childChoice.getByRole('radio', { name: 'Yes, share for research' }).check();
  await expect(childPage.getByText(/saved/i).first()).toBeVisible();
  await screenshotBothSizes(childPage, 'join-research-sharing');

  // The export holds the first session only: pseudonyms, consent metadata and the decrypted recording.
  const admin = await first.organisation.admin();
  const adminPage = await pageFor(browser, admin);
  const archive = await exportArchive(adminPage);
  await screenshotBothSizes(adminPage, 'research-exports');
  const media = Object.keys(archive).filter((name) => name.startsWith('recordings/'));
  expect(media).toEqual([expect.stringMatching(/^recordings\/R1\.ogg$/)]);
  // By default only the sound leaves: egress's Opus copied out of its MP4, no video track at all.
  const exported = join(mkdtempSync(join(tmpdir(), 'assent-research-')), 'R1.ogg');
  writeFileSync(exported, archive[media[0] ?? ''] ?? new Uint8Array());
  const probed = probe(exported);
  expect(probed.streams).toEqual(['audio:opus']);
  expect(probed.durationSeconds).toBeGreaterThan(1);
  expect(new TextDecoder().decode(archive['README.txt'])).toMatch(/voices can identify\s+people/);
  const manifest = new TextDecoder().decode(archive['manifest.json']);
  for (const identifying of [
    'Kit Student',
    'Gus Guardian',
    'Vera Tutor',
    first.guardian.email,
    first.tutor.email,
    first.sessionId,
    second.sessionId,
    agreedRecording,
    agreed,
    notAsked,
  ]) {
    expect(manifest, identifying).not.toContain(identifying);
  }
  const parsed = JSON.parse(manifest) as { sessions: unknown[] };
  expect(parsed.sessions).toHaveLength(1);

  // The guardian withdraws the child's sharing: nothing is exported now, and nothing else changed.
  await guardianPage.goto('/');
  await choose(guardianPage, 'Kit Student', agreed, 'No');
  const after = await exportArchive(adminPage);
  expect(Object.keys(after).filter((name) => name.startsWith('recordings/'))).toHaveLength(0);
  const theirs = (await (await first.guardian.api.get('/api/recordings')).json()) as RecordingList;
  expect(theirs.recordings.map((r) => r.id)).toContain(agreedRecording);
  await first.organisation.dispose();
});
