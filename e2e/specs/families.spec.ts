/**
 * Families that grow: a tutor enrols a second child for a guardian who already has an account, and
 * nothing is enrolled until the guardian confirms on their own page (mailed over real SMTP that it
 * waits); then the guardian replaces a child's join link, and the old link is refused in the browser.
 */
import type { StudentList } from '@assent/shared';
import { linkMailedTo } from '../fixtures/mailbox';
import { openOrganisation } from '../fixtures/organisation';
import { pageFor } from '../fixtures/recorded-call';
import { expect, test } from '../fixtures/test';

test.use({ actionTimeout: 15_000 });

test('a second child is enrolled only once the guardian confirms; a replaced join link is refused', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const org = openOrganisation();
  try {
    const tutor = await org.inviteStaff('tutor', 'Fern Tutor');
    const family = await org.enrolFamily(tutor, {
      guardianName: 'Faye Guardian',
      children: [{ name: 'Finn Child', minor: true }],
    });
    const childNames = async () =>
      ((await (await family.guardian.api.get('/api/me/students')).json()) as StudentList).students.map(
        (s) => s.name,
      );

    // The tutor tries to enrol a family with an address that already has an account: asked instead.
    const tutorPage = await pageFor(browser, tutor);
    await tutorPage.goto('/');
    const enrol = tutorPage.getByRole('region', { name: 'Enrol a family' });
    await enrol.getByRole('textbox', { name: "Guardian's email" }).fill(family.guardian.email);
    await enrol.getByRole('button', { name: 'Add a child' }).click();
    await enrol.getByRole('textbox', { name: "Child's name 1" }).fill('Flo Child');
    await enrol.getByRole('button', { name: 'Send enrolment link' }).click();
    await expect(enrol.getByRole('alert')).toContainText('This guardian already has an account');
    await enrol.getByRole('button', { name: 'Ask the guardian to confirm' }).click();
    await expect(enrol.getByRole('status')).toContainText(
      'Asked Faye Guardian to confirm enrolling Flo Child',
    );
    // Mailed (real SMTP) that something waits; nothing is enrolled in the guardian's name yet.
    const mailed = await linkMailedTo(org.site.mailDir, family.guardian.email);
    expect(mailed).not.toContain('/welcome/');
    expect(await childNames()).toEqual(['Finn Child']);

    // The guardian confirms on their page.
    const guardianPage = await pageFor(browser, family.guardian);
    await guardianPage.goto(new URL(mailed).pathname);
    const waiting = guardianPage.getByRole('region', { name: 'Waiting for your answer' });
    await expect(waiting).toContainText('Fern Tutor asks to enrol Flo Child with you');
    await guardianPage.screenshot({ path: test.info().outputPath('guardian-asked.png') });
    await waiting.getByRole('button', { name: 'Confirm' }).click();
    await expect(waiting.getByRole('status')).toHaveText('Flo Child is enrolled with you.');
    const children = guardianPage.getByRole('region', { name: 'Your children' });
    await expect(
      children.getByRole('checkbox', { name: "Do not record Flo Child's sessions" }),
    ).toBeVisible();
    expect((await childNames()).sort()).toEqual(['Finn Child', 'Flo Child']);

    // The tutor may now pick Flo; a session with both children gives the guardian their links.
    const picker = (await (await tutor.api.get('/api/students')).json()) as StudentList;
    await org.createSessionAsTutor(tutor, {
      title: 'Families grow',
      students: picker.students.map((s) => ({ id: s.id, name: s.name, minor: s.minor })),
      guests: [],
    });
    await guardianPage.reload();
    const linkField = guardianPage.getByRole('textbox', { name: 'Join link for Flo Child' });
    const oldLink = await linkField.inputValue();
    await guardianPage.getByRole('button', { name: 'Replace link for Flo Child' }).click();
    await expect(guardianPage.getByText('New link made for Flo Child')).toBeVisible();
    const newLink = await linkField.inputValue();
    expect(newLink).not.toBe(oldLink);
    await guardianPage.screenshot({ path: test.info().outputPath('link-replaced.png') });

    // The old link is refused in the browser; the new one opens the join page.
    const childPage = await (await browser.newContext()).newPage();
    await childPage.goto(oldLink);
    const refused = childPage.getByRole('alert');
    await expect(refused.getByRole('heading', { name: 'This link was replaced' })).toBeVisible();
    // It will never work again: nothing to retry.
    await expect(refused.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await childPage.screenshot({ path: test.info().outputPath('old-link-refused.png') });
    await childPage.goto(newLink);
    await expect(childPage.getByRole('button', { name: /Join/ }).first()).toBeVisible();
    await expect(childPage.getByRole('alert')).toHaveCount(0);
    for (const page of [tutorPage, guardianPage, childPage]) await page.context().close();
  } finally {
    await org.dispose();
  }
});
