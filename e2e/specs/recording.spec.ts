import { existsSync, writeFileSync } from 'node:fs';
import { decryptedRecording } from '../../scripts/recordings/vault-copy';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { e2eDataDir, e2ePorts } from '../fixtures/ports';
import { fileEndsAt, livekitView, probe, roomOf, stampedClick, statusOf } from '../fixtures/recording';
import { expect, test } from '../fixtures/test';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;
const livekit = livekitView();

test('everyone consents: a real egress records; a withdrawal ends the file at the click', async ({
  browser,
  request,
}, testInfo) => {
  const call = await startThreePersonCall(browser, 'Recording — consent and withdraw');
  const roomName = await roomOf(request, baseUrl, call.tokens.tutor);
  await requestRecording(call.tutor);
  for (const page of [call.tutor, call.guardian]) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  expect(await livekit.running(roomName)).toEqual([]);
  const lastConsentAt = await stampedClick(call.student, 'I consent');

  // LiveKit, not our database, says the recorder is capturing.
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000, intervals: [100] })
    .toEqual(['EGRESS_ACTIVE']);
  const activeAfter = Date.now() - lastConsentAt;
  const [egress] = await livekit.running(roomName);
  if (!egress) throw new Error('no egress');
  expect(await livekit.roomIsRecording(roomName)).toBe(true);
  for (const page of call.everyone)
    await expect(banner(page)).toContainText(/Recording — quality assurance/i);
  await call.tutor.screenshot({ path: testInfo.outputPath('recording-tutor.png') });

  await call.tutor.waitForTimeout(3000);
  const clickedAt = await stampedClick(call.student, 'Withdraw consent');
  for (const page of call.everyone) await expect(banner(page)).toContainText('Recording stopped');
  // Under the "keep" rule, the one who withdrew is offered a one-click deletion request.
  await call.student.getByRole('button', { name: "Request deletion of this session's recordings" }).click();
  await expect(
    call.student.getByRole('status').filter({ hasText: 'Your deletion request was received' }),
  ).toBeVisible();
  await expect
    .poll(async () => statusOf((await livekit.egress(egress.egressId)) ?? egress), { timeout: 20_000 })
    .toBe('EGRESS_COMPLETE');
  await expect.poll(() => livekit.roomIsRecording(roomName), { timeout: 10_000 }).toBe(false);

  const done = await livekit.egress(egress.egressId);
  // The vault takes the file in: encrypted, and egress's plaintext gone.
  const plaintext = done?.fileResults[0]?.filename ?? '';
  const decrypted = await decryptedRecording(e2eDataDir, egress.egressId);
  expect(existsSync(plaintext)).toBe(false);
  const probed = probe(decrypted);
  expect(probed.streams).toEqual(expect.arrayContaining(['video:h264', 'audio:opus']));
  // At least the three seconds recorded before the withdrawal are in the file.
  expect(probed.durationSeconds).toBeGreaterThan(3);
  // Nothing after the withdrawal: the file ends within half a second of the click.
  const afterClick = (done ? fileEndsAt(done) : Number.POSITIVE_INFINITY) - clickedAt;
  const report = { activeAfterLastConsentMs: activeAfter, mediaAfterClickMs: Math.round(afterClick), probed };
  console.log(`recording: ${JSON.stringify(report)}`);
  writeFileSync(testInfo.outputPath('recording.json'), JSON.stringify(report, null, 2));
  expect(afterClick).toBeLessThanOrEqual(500);
  expect(await livekit.running(roomName)).toEqual([]);
});

test('a decline means no egress is ever started', async ({ browser, request }) => {
  const call = await startThreePersonCall(browser, 'Recording — decline');
  const roomName = await roomOf(request, baseUrl, call.tokens.tutor);
  await requestRecording(call.tutor);
  for (const page of [call.tutor, call.student]) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  await consentDialog(call.guardian).getByRole('button', { name: 'I do not consent', exact: true }).click();
  for (const page of call.everyone) await expect(banner(page)).toContainText('Not recording');
  // Nobody can learn who declined: no participant carries a decision anyone in the room could read.
  expect(await livekit.attributeKeys(roomName)).toEqual(['assent.name', 'assent.person', 'assent.role']);
  // Checked through LiveKit for ten seconds: no egress of any status, and no recorder in the room.
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    expect(await livekit.egresses(roomName)).toEqual([]);
    expect(await livekit.roomIsRecording(roomName)).toBe(false);
    await call.tutor.waitForTimeout(500);
  }
});
