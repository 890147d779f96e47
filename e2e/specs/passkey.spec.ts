/**
 * A staff member adds a passkey on their Account page with Chromium's virtual authenticator, signs out,
 * and signs back in with the passkey alone. WebAuthn refuses IP addresses, so the app is opened as
 * localhost (the server trusts localhost on its own port).
 */
import { e2ePassword, openOrganisation } from '../fixtures/organisation';
import { e2ePorts } from '../fixtures/ports';
import { expect, test } from '../fixtures/test';

const app = `http://localhost:${e2ePorts.server}`;

test('a tutor adds a passkey and signs in with it after signing out', async ({ browser }) => {
  const organisation = openOrganisation();
  const tutor = await organisation.inviteStaff('tutor', 'Pia Passkey');
  await organisation.dispose();

  const context = await browser.newContext({ baseURL: app });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  // Sign in with the password.
  await page.goto(`${app}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(tutor.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(e2ePassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Pia' })).toBeVisible();

  // Add a passkey on the Account page.
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name for this passkey (optional)' }).fill('Test laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Passkey “Test laptop” added' })).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]?.isResidentCredential).toBe(true);

  // Sign out: the next page is signed out and has no session cookie.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Your account' })).toHaveCount(0);
  const me = await page.request.get(`${app}/api/me`);
  expect(((await me.json()) as { user: unknown }).user).toBeNull();

  // Sign in with the passkey alone: no email, no password typed.
  await page.goto(`${app}/sign-in`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Pia' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your account' })).toContainText('Pia Passkey');
  const after = (await (await page.request.get(`${app}/api/me`)).json()) as { user: { email: string } };
  expect(after.user.email).toBe(tutor.email);
  // The authenticator really signed: its credential's counter moved on from the registration.
  const signed = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(signed.credentials[0]?.signCount).toBeGreaterThan(credentials[0]?.signCount ?? 0);
});
