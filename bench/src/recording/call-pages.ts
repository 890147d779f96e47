/**
 * Real media publishers: each person opens their join link in headless Debian Chromium (fake camera and
 * microphone), clicks "Join session" on our own join page and stays in the call page.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../e2e/fixtures/chromium';
import type { Invitee } from './session-api';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

export interface CallPage {
  person: Invitee;
  page: Page;
}

/** Opens the person's join link in a context of its own (a separate device) and joins the call. */
export async function joinCall(browser: Browser, person: Invitee): Promise<CallPage> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 1024, height: 640 },
  });
  const page = await context.newPage();
  await page.goto(person.joinUrl);
  await page.getByRole('button', { name: 'Join session' }).click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Leave' }).waitFor({ state: 'visible', timeout: 30_000 });
  return { person, page };
}

export async function leaveCall(call: CallPage): Promise<void> {
  await call.page.context().close();
}

/**
 * Clicks "Withdraw consent" and returns the page's own Date.now() at the click event: the moment the person
 * withdrew, on the same clock as Node's and egress's (one machine).
 */
export async function clickWithdraw(page: Page): Promise<number> {
  await page.evaluate(
    `document.addEventListener('click', () => { window.__benchClickedAt = Date.now(); }, { capture: true, once: true })`,
  );
  await page.getByRole('button', { name: 'Withdraw consent', exact: true }).click({ timeout: 10_000 });
  const clickedAt = await page.evaluate('window.__benchClickedAt');
  if (typeof clickedAt !== 'number') throw new Error('the withdraw click was not seen by the page');
  return clickedAt;
}

/** Closes the "you withdrew" panel so the next request starts from a plain call page. */
export async function dismissWithdrawalNotice(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
  if (await dismiss.isVisible()) await dismiss.click();
}
