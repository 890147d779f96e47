import { writeFileSync } from 'node:fs';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { runningEgressCount } from '../fixtures/livekit-api';
import { expect, test } from '../fixtures/test';

test('everyone is asked; one decline keeps recording off for that request', async ({ browser }, testInfo) => {
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

  // The tutor's consent record lists every answer with who, what and the purpose.
  await call.tutor.getByRole('button', { name: 'Consent record' }).click();
  const record = call.tutor.getByRole('dialog', { name: 'Consent record' });
  await expect(record.getByRole('row').filter({ hasText: 'Sam Student' })).toContainText('Declined');
  await expect(record.getByRole('row').filter({ hasText: 'Pat Parent' }).first()).toContainText(
    'Quality assurance',
  );
  await expect(record.getByRole('row').filter({ hasText: 'Requested recording' })).toHaveCount(1);
  await call.tutor.screenshot({ path: testInfo.outputPath('consent-record.png') });
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
    for (const page of [call.tutor, call.guardian]) {
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
    await call.student.evaluate(() => {
      document.addEventListener(
        'click',
        () => {
          (window as unknown as { __withdrawClickedAt?: number }).__withdrawClickedAt = Date.now();
        },
        { capture: true, once: true },
      );
    });
    await call.student.getByRole('button', { name: 'Withdraw consent' }).click();
    const clickedAt = await call.student.evaluate(
      () => (window as unknown as { __withdrawClickedAt?: number }).__withdrawClickedAt ?? 0,
    );
    for (const page of [call.tutor, call.guardian]) {
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
