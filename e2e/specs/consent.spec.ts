import { writeFileSync } from 'node:fs';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { runningEgressCount } from '../fixtures/livekit-api';
import { e2ePorts } from '../fixtures/ports';
import { livekitView, roomOf } from '../fixtures/recording';
import { expect, test } from '../fixtures/test';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;

test('everyone is asked; one decline keeps recording off, names nobody, and starts the cool-down', async ({
  browser,
  request,
}, testInfo) => {
  const call = await startThreePersonCall(browser, 'Consent — decline');
  for (const page of call.everyone) await expect(banner(page)).toContainText('Not recording');

  await requestRecording(call.tutor);
  for (const page of call.everyone) {
    await expect(consentDialog(page)).toBeVisible();
    await expect(banner(page)).toContainText('Waiting for consent (0 of 3)');
  }
  await call.student.screenshot({ path: testInfo.outputPath('consent-dialog.png') });

  await consentDialog(call.tutor).getByRole('button', { name: 'I consent', exact: true }).click();
  await consentDialog(call.guardian).getByRole('button', { name: 'I consent', exact: true }).click();
  for (const page of call.everyone) await expect(banner(page)).toContainText('(2 of 3)');
  expect(await runningEgressCount()).toBe(0);

  await consentDialog(call.student).getByRole('button', { name: 'I do not consent' }).click();
  for (const page of call.everyone) {
    await expect(banner(page)).toContainText('Not recording');
    await expect(banner(page)).not.toContainText('Waiting');
  }
  // Nobody is told who declined.
  await expect(banner(call.tutor)).not.toContainText('Sam');
  expect(await runningEgressCount()).toBe(0);
  await call.tutor.screenshot({ path: testInfo.outputPath('declined-tutor.png') });

  // Nobody in the call learns who said no: not from the room's metadata or anyone's attributes (what
  // everyone in the room can read, asked of LiveKit itself) ...
  const roomName = await roomOf(request, baseUrl, call.tokens.tutor);
  const everyoneReads = await livekitView().visibleToEveryone(roomName);
  const metadata = JSON.parse(everyoneReads).metadata as string;
  const sam = (await (await request.get(`${baseUrl}/api/invites/${call.tokens.student}`)).json()) as {
    personId: string;
  };
  expect(metadata).toContain('a participant declined');
  expect(metadata).not.toContain(sam.personId);
  expect(metadata).not.toContain('Sam');
  expect(await livekitView().attributeKeys(roomName)).toEqual([
    'assent.name',
    'assent.person',
    'assent.role',
  ]);
  // ... nor from the tutor's consent record, which counts the others' answers and names nobody.
  await call.tutor.getByRole('button', { name: 'Consent record' }).click();
  const record = call.tutor.getByRole('dialog', { name: 'Consent record' });
  await expect(record.getByRole('row').filter({ hasText: 'Requested recording' })).toHaveCount(1);
  await expect(record).toContainText('Quality assurance: 1 person consented, 1 person declined');
  await expect(record).not.toContainText('Sam Student');
  await expect(record).not.toContainText('Pat Parent');
  await call.tutor.screenshot({ path: testInfo.outputPath('consent-record.png') });
  await record.getByRole('button', { name: 'Close' }).click();

  // The tutor may ask again only after the policy's cool-down; the button says when.
  const again = call.tutor.getByRole('button', { name: /^Request recording again at \d{1,2}:\d{2}/ });
  await expect(again).toBeDisabled();
  await expect(call.tutor.getByText(/Someone said no\. You can ask again in (10|9) minutes/)).toBeVisible();
  const refused = await request.post(`${baseUrl}/api/recording/request`, {
    headers: { authorization: `Bearer ${call.tokens.tutor}` },
    data: { clientRequestId: crypto.randomUUID(), purpose: 'quality_assurance' },
  });
  expect(refused.status()).toBe(409);
  const refusal = (await refused.json()) as { error: { code: string; message: string } };
  expect(refusal.error.code).toBe('request_cooling_down');
  expect(refusal.error.message).toMatch(/You can ask again in (10|9) minutes/);
  // The person who said no is told when they may be asked again.
  await expect(call.student.getByText(/The tutor cannot ask again until/)).toBeVisible();
  await call.student.screenshot({ path: testInfo.outputPath('declined-student.png') });

  // A student sees only their own entries.
  await call.student.getByRole('button', { name: 'Consent record' }).click();
  const own = call.student.getByRole('dialog', { name: 'Consent record' });
  await expect(own.getByRole('row').filter({ hasText: 'Sam Student' })).toHaveCount(1);
  await expect(own.getByRole('row').filter({ hasText: 'Pat Parent' })).toHaveCount(0);
});

test('a withdrawal reaches every other banner; click → banner latency', async ({ browser }, testInfo) => {
  const call = await startThreePersonCall(browser, 'Consent — withdraw');
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    await requestRecording(call.tutor);
    for (const page of call.everyone) await expect(consentDialog(page)).toBeVisible();
    await consentDialog(call.tutor).getByRole('button', { name: 'I consent', exact: true }).click();
    await consentDialog(call.guardian).getByRole('button', { name: 'I consent', exact: true }).click();
    await consentDialog(call.student).getByRole('button', { name: 'I consent', exact: true }).click();
    for (const page of call.everyone) await expect(banner(page)).not.toContainText('Waiting');

    // Each observer page stamps when its banner first shows the withdrawal.
    for (const page of [call.student, call.guardian]) {
      await page.evaluate(() => {
        const w = window as unknown as { __withdrawSeenAt?: number };
        w.__withdrawSeenAt = undefined;
        const el = document.querySelector('[role="status"][aria-label="Recording status"]');
        if (!el) throw new Error('no recording banner');
        const observer = new MutationObserver(() => {
          if (el.textContent?.includes('withdrew') && w.__withdrawSeenAt === undefined) {
            w.__withdrawSeenAt = Date.now();
            observer.disconnect();
          }
        });
        observer.observe(el, { childList: true, subtree: true, characterData: true });
      });
    }
    // The click is stamped by the page itself, when the person's click event fires.
    // The tutor withdraws: their own no starts no cool-down, so the next round may ask at once.
    await call.tutor.evaluate(() => {
      document.addEventListener(
        'click',
        () => {
          (window as unknown as { __withdrawClickedAt?: number }).__withdrawClickedAt = Date.now();
        },
        { capture: true, once: true },
      );
    });
    await call.tutor.getByRole('button', { name: 'Withdraw consent' }).click();
    const clickedAt = await call.tutor.evaluate(
      () => (window as unknown as { __withdrawClickedAt?: number }).__withdrawClickedAt ?? 0,
    );
    for (const page of [call.student, call.guardian]) {
      await expect(banner(page)).toContainText('Recording stopped — a participant withdrew consent');
      const seenAt = await page.evaluate(
        () => (window as unknown as { __withdrawSeenAt?: number }).__withdrawSeenAt,
      );
      latencies.push((seenAt ?? Date.now()) - clickedAt);
    }
    if (round === 0) await call.guardian.screenshot({ path: testInfo.outputPath('withdrawn-guardian.png') });
  }
  await expect.poll(() => runningEgressCount(), { timeout: 15_000 }).toBe(0);
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  const report = { samples: latencies.length, p50: p(0.5), p95: p(0.95), max: latencies.at(-1) };
  console.log(`withdraw click → other banners (ms): ${JSON.stringify(report)}`);
  testInfo.annotations.push({ type: 'withdraw click → other banners', description: JSON.stringify(report) });
  writeFileSync(testInfo.outputPath('withdraw-latency.json'), JSON.stringify(report, null, 2));
});
