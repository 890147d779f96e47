/**
 * Re-agreement that means something: a policy change that alters nothing guardians agree to (only the
 * cool-down after a no) leaves their agreement standing and the child joins; a change to what they read
 * (a purpose's retention) asks them again, and until they agree the child's join page refuses, saying
 * why, while the guardian's page says the same.
 */
import { openOrganisation } from '../fixtures/organisation';
import { pageFor, setPolicy } from '../fixtures/recorded-call';
import { expect, test } from '../fixtures/test';

test.use({ actionTimeout: 20_000 });

test('guardians are asked again only when what they agreed to changed; until then the child cannot join', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const org = openOrganisation();
  try {
    const admin = await org.admin();
    const tutor = await org.inviteStaff('tutor', 'Rea Tutor');
    const family = await org.enrolFamily(tutor, {
      guardianName: 'Rhea Guardian',
      children: [{ name: 'Remy Child', minor: true }],
    });
    const created = await org.createSessionAsTutor(tutor, {
      title: 'Re-agreement',
      students: family.children,
      guests: [],
    });
    const links = await org.seatLinks(created, [family.guardian]);
    const childLink = links['Remy Child'] ?? '';
    expect(childLink).not.toBe('');
    const guardianPage = await pageFor(browser, family.guardian);
    const childPage = await (await browser.newContext()).newPage();
    const refusal = childPage.getByRole('alert').filter({ hasText: 'agree to the policy first' });

    // Only the cool-down after a no: nothing a guardian agreed to changed.
    await setPolicy(admin, (p) => ({ ...p, askAgainAfterMinutes: p.askAgainAfterMinutes === 10 ? 11 : 10 }));
    await guardianPage.goto('/');
    await expect(guardianPage.getByText('Can join sessions.')).toBeVisible();
    await expect(guardianPage.getByText(/has updated its online tutoring and recording policy/)).toHaveCount(
      0,
    );
    await childPage.goto(childLink);
    await expect(childPage.getByRole('button', { name: /Join/ }).first()).toBeVisible();
    await expect(refusal).toHaveCount(0);

    // A purpose kept one day longer: what guardians read changed.
    await setPolicy(admin, (p) => ({
      ...p,
      purposes: p.purposes.map((x, i) => (i === 0 ? { ...x, retentionDays: x.retentionDays + 1 } : x)),
    }));
    await guardianPage.goto('/');
    await expect(
      guardianPage.getByText(/has updated its online tutoring and recording policy/),
    ).toBeVisible();
    await expect(guardianPage.getByText('Can join sessions.')).toHaveCount(0);
    await guardianPage.screenshot({ path: test.info().outputPath('guardian-asked-again.png') });
    await childPage.goto(childLink);
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText(
      'Remy Child can join once a parent or guardian has agreed to the updated',
    );
    await childPage.screenshot({ path: test.info().outputPath('child-held-back.png') });
    // The server refuses the token itself, not only the page.
    const joined = await childPage.request.post('/api/join', {
      data: { inviteToken: decodeURIComponent(new URL(childLink).pathname.split('/').pop() ?? '') },
    });
    expect(joined.status()).toBe(403);

    // The guardian agrees to the version in force: the child's same link works again.
    const current = (await (await family.guardian.api.get('/api/policy')).json()) as { version: number };
    const agreed = await family.guardian.api.post('/api/me/agreement', {
      data: { policyVersion: current.version, adultConfirmed: true },
    });
    expect(agreed.status()).toBe(201);
    await guardianPage.goto('/');
    await expect(guardianPage.getByText('Can join sessions.')).toBeVisible();
    await childPage.goto(childLink);
    await expect(refusal).toHaveCount(0);
    await expect(childPage.getByRole('button', { name: /Join/ }).first()).toBeVisible();
  } finally {
    await org.dispose();
  }
});
