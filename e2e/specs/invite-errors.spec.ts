import { SignJWT } from 'jose';
import { e2eSecrets } from '../fixtures/ports';
import { expect, test } from '../fixtures/test';

test('a garbled invite link shows the invalid-invite page', async ({ page }, testInfo) => {
  await page.goto('/join/this-is-not-a-real-invite-token-at-all');
  await expect(page.getByRole('alert')).toContainText('This invite link is not valid');
  await expect(page.getByRole('button', { name: 'Join session' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('invite-invalid.png') });
});

test('an expired invite link says so', async ({ page }) => {
  const secret = new TextEncoder().encode(e2eSecrets().inviteSecret);
  const expired = await new SignJWT({ sid: 'ses_gone', pid: 'per_gone', role: 'student' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('assent')
    .setAudience('assent-invite')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(secret);
  await page.goto(`/join/${expired}`);
  await expect(page.getByRole('alert')).toContainText('This invite link has expired');
});
