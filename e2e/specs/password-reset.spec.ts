/**
 * A tutor who forgot their password asks for a link on the sign-in page, opens it from the mail the
 * server really sent, chooses a new password and signs in with it; the link does not work twice, the old
 * password and the sessions from before are gone. Then they change it again on their Account page.
 */
import { linkMailedTo } from '../fixtures/mailbox';
import { e2ePassword, e2eSite, openOrganisation } from '../fixtures/organisation';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';

test.use({ actionTimeout: 20_000 });

const site = e2eSite();
const newPassword = 'lantern quietly orbits a mossy piano';
const thirdPassword = 'copper kettles hum beside slow rivers';

test('forgot password: a mailed one-time link sets a new password, then the account page changes it', async ({
  browser,
}) => {
  const organisation = openOrganisation();
  const tutor = await organisation.inviteStaff('tutor', 'Rhea Reset');

  const context = await browser.newContext({ baseURL: site.baseUrl });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(tutor.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${tutor.email} has an Assent account`);
  await screenshotBothSizes(page, 'forgot-password-sent');

  const link = await linkMailedTo(site.mailDir, tutor.email);
  expect(new URL(link).pathname).toMatch(/^\/reset-password\/[A-Za-z0-9]+$/);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  // A common password is refused on the page, beside the field.
  await page.getByRole('textbox', { name: 'New password' }).fill('password12345');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This password is too easy to guess', { exact: false })).toBeVisible();
  await page.getByRole('textbox', { name: 'New password' }).fill(newPassword);
  await screenshotBothSizes(page, 'reset-password');
  await page.getByRole('button', { name: 'Set new password' }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status')).toContainText('Sign in with your new password');
  // The session the invitation opened (the API context) ended with the reset.
  expect(((await (await tutor.api.get('/api/me')).json()) as { user: unknown }).user).toBeNull();
  await page.getByRole('textbox', { name: 'Email' }).fill(tutor.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(e2ePassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText("That email and password don't match")).toBeVisible();
  await page.getByRole('textbox', { name: 'Password' }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Rhea' })).toBeVisible();

  // The link worked once.
  const again = await browser.newContext({ baseURL: site.baseUrl });
  const second = await again.newPage();
  await second.goto(link);
  await second.getByRole('textbox', { name: 'New password' }).fill(thirdPassword);
  await second.getByRole('button', { name: 'Set new password' }).click();
  await expect(second.getByText('This link does not work any more')).toBeVisible();

  // Change password on the Account page: the current one first; the other device is signed out.
  const other = await organisation.signInAs(tutor.email, newPassword);
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('textbox', { name: 'Current password' }).fill(newPassword);
  await page.getByRole('textbox', { name: 'New password' }).fill(thirdPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();
  await screenshotBothSizes(page, 'account-password-changed');
  expect(((await (await other.api.get('/api/me')).json()) as { user: unknown }).user).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await organisation.dispose();
});
