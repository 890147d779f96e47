/**
 * Issue 8 end to end, through the pages people use: the admin invites a tutor and a reviewer, who make
 * their accounts from the mail they got; the tutor enrols a family; a child cannot join until their
 * guardian has registered and agreed to the policy, and the join page says why; once the guardian has
 * agreed, tutor, guardian and child meet in one call; a standing "do not record" refuses the tutor's
 * recording request up front, and LiveKit never starts a recorder.
 */
import { resolve } from 'node:path';
import type { MySessionList } from '@assent/shared';
import type { BrowserContext, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { decodeJwt, SignJWT } from 'jose';
import { banner } from '../fixtures/call';
import { linkMailedTo } from '../fixtures/mailbox';
import { expectRemoteVideosPlaying } from '../fixtures/media';
import { adminStateFile, e2ePassword, e2eSite, uniqueEmail } from '../fixtures/organisation';
import { e2eDataDir, e2eSecrets } from '../fixtures/ports';
import { livekitView } from '../fixtures/recording';
import { adminPages, expectAccessible, expectFitsPhone, screenshotBothSizes } from '../fixtures/screens';
import { joinCall } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

// A step that cannot happen fails in seconds, not at the end of the journey's time.
test.use({ actionTimeout: 20_000 });

const site = e2eSite();
const media = { permissions: ['camera', 'microphone'] };

/** Opens a mailed invitation or enrolment link and creates the account on the welcome page. */
async function createAccountFromMail(context: BrowserContext, email: string, name: string, shot?: string) {
  const page = await context.newPage();
  await page.goto(await linkMailedTo(site.mailDir, email));
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
  if (shot) await screenshotBothSizes(page, shot);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('textbox', { name: 'Password' }).fill(e2ePassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${name.split(' ')[0]}` })).toBeVisible();
  return page;
}

/** The seat of a named student in a session, straight from the e2e database (read-only). */
function studentPersonId(sessionId: string, name: string): string {
  const db = new Database(resolve(e2eDataDir, 'assent.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare("select id from people where session_id = ? and name = ? and role = 'student'")
      .get(sessionId, name) as { id: string } | undefined;
    if (!row) throw new Error(`${name} has no seat in ${sessionId}`);
    return row.id;
  } finally {
    db.close();
  }
}

/** The link the product would mint for that seat, signed with this stack's invite secret. */
function inviteTokenFor(sessionId: string, personId: string): Promise<string> {
  return new SignJWT({ sid: sessionId, pid: personId, role: 'student' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('assent')
    .setAudience('assent-invite')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + 3600)
    .sign(new TextEncoder().encode(e2eSecrets().inviteSecret));
}

const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

test('staff invited by mail, a family enrolled, a child admitted only after the guardian agrees, and a "do not record" honoured', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const tutorEmail = uniqueEmail('Tess Tutor');
  const reviewerEmail = uniqueEmail('Remy Reviewer');
  const guardianEmail = uniqueEmail('Gwen Guardian');
  const child = `Mia ${Math.random().toString(36).slice(2, 6)}`;

  // The admin invites a tutor and a reviewer on the People page.
  const adminContext = await browser.newContext({ storageState: adminStateFile(site) });
  const admin = await adminContext.newPage();
  await admin.goto('/');
  await admin.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'People' }).click();
  await expect(admin.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  for (const [email, role] of [
    [tutorEmail, 'tutor'],
    [reviewerEmail, 'reviewer'],
  ] as const) {
    await admin.getByRole('textbox', { name: 'Email' }).fill(email);
    await admin.getByRole('combobox', { name: 'Role' }).selectOption(role);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await expect(admin.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  }
  await screenshotBothSizes(admin, 'admin-people');

  // Each reads their mail and creates their account on the welcome page.
  const tutorContext = await browser.newContext(media);
  const tutor = await createAccountFromMail(tutorContext, tutorEmail, 'Tess Tutor', 'welcome-staff');
  await expect(tutor.getByRole('navigation', { name: 'Your account' })).toContainText('Tutor');
  const reviewerContext = await browser.newContext();
  const reviewer = await createAccountFromMail(reviewerContext, reviewerEmail, 'Remy Reviewer');
  await expect(reviewer.getByRole('navigation', { name: 'Your account' })).toContainText('Reviewer');
  await expect(reviewer.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  // A reviewer oversees: no session or enrolment forms.
  await expect(reviewer.getByRole('heading', { name: 'Create a session' })).toHaveCount(0);
  await expect(reviewer.getByRole('heading', { name: 'Enrol a family' })).toHaveCount(0);
  await screenshotBothSizes(reviewer, 'dashboard-reviewer');
  // The admin's People page now lists both.
  await admin.reload();
  const people = admin.getByRole('table').first();
  await expect(people).toContainText('Tess Tutor');
  await expect(people).toContainText('Remy Reviewer');

  // The header groups the admin's pages, and on a phone folds them behind Menu: open, it is accessible,
  // and no admin page scrolls sideways on a 375 px screen.
  const nav = admin.getByRole('navigation', { name: 'Your account' });
  await expect(nav.getByRole('heading')).toHaveText(['People', 'Policy', 'Oversight']);
  await expect(nav.getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  await admin.setViewportSize({ width: 375, height: 812 });
  await expect(nav.getByRole('link', { name: 'People' })).toBeHidden();
  await nav.getByRole('button', { name: 'Menu' }).click();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expectAccessible(admin, 'admin-nav-menu');
  await expectFitsPhone(admin, adminPages);

  // The tutor enrols a family, naming the child.
  const enrol = tutor.getByRole('region', { name: 'Enrol a family' });
  await enrol.getByRole('textbox', { name: "Guardian's email" }).fill(guardianEmail);
  await enrol.getByRole('button', { name: 'Add a child' }).click();
  await enrol.getByRole('textbox', { name: "Child's name 1" }).fill(child);
  await enrol.getByRole('button', { name: 'Send enrolment link' }).click();
  await expect(enrol.getByRole('status')).toHaveText(`Enrolment link sent to ${guardianEmail}`);
  // The picker lists the child at once, but as waiting: not yet pickable.
  const create = tutor.getByRole('region', { name: 'Create a session' });
  const waiting = create.getByRole('checkbox', { name: child });
  await expect(waiting).toBeDisabled();
  await expect(waiting).toHaveAccessibleDescription(/Waiting for a guardian to register and agree/);
  await screenshotBothSizes(tutor, 'dashboard-tutor-child-waiting');

  // The guardian registers from the mailed enrolment link; they have not agreed yet.
  const guardianContext = await browser.newContext(media);
  const guardian = await createAccountFromMail(
    guardianContext,
    guardianEmail,
    'Gwen Guardian',
    'welcome-guardian',
  );
  await expect(guardian.getByRole('heading', { name: 'Before your child can join' })).toBeVisible();
  await screenshotBothSizes(guardian, 'dashboard-guardian-before-agreeing');
  // Still waiting in the tutor's picker: registering is not agreeing.
  await tutor.reload();
  await expect(create.getByRole('checkbox', { name: child })).toBeDisabled();

  // A session with the child in it (the API takes a student the picker would not offer yet).
  const early = await tutor.request.post('/api/sessions', {
    headers: { origin: site.baseUrl },
    data: { title: 'Early session', studentIds: [await studentIdOf(tutor, child)] },
  });
  expect(early.status(), await early.text()).toBe(201);
  const earlyId = ((await early.json()) as { sessionId: string }).sessionId;
  // The guardian's "Your sessions" says why the child cannot join, and gives no link for them.
  await guardian.reload();
  const earlyItem = guardian
    .getByRole('listitem')
    .filter({ has: guardian.getByRole('heading', { name: 'Early session' }) });
  await expect(earlyItem).toContainText(
    `${child}: ${child} can join once a parent or guardian has registered`,
  );
  await expect(earlyItem.getByRole('textbox', { name: `Join link for ${child}` })).toHaveCount(0);
  // The child's own seat link is refused by the server and on the join page, saying why and what to do.
  const childPersonId = studentPersonId(earlyId, child);
  const refusedToken = await inviteTokenFor(earlyId, childPersonId);
  const refused = await guardian.request.get(`/api/invites/${encodeURIComponent(refusedToken)}`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
    'guardian_agreement_missing',
  );
  const childContext = await browser.newContext(media);
  const childPage = await childContext.newPage();
  await childPage.goto(`/join/${refusedToken}`);
  const why = childPage.getByRole('alert');
  await expect(why).toContainText(`${child} can join once a parent or guardian has registered with Assent`);
  await expect(why).toContainText('Ask them to open the enrolment link they were sent');
  await expect(childPage.getByRole('button', { name: 'Join session' })).toHaveCount(0);
  await screenshotBothSizes(childPage, 'join-refused-guardian-not-agreed');

  // The guardian agrees: both boxes ticked.
  await guardian.getByRole('checkbox', { name: 'I confirm I am 18 or over' }).check();
  await guardian.getByRole('checkbox', { name: 'I have read and agree to this policy' }).check();
  await guardian.getByRole('button', { name: 'Agree' }).click();
  await expect(guardian.getByRole('heading', { name: 'Before your child can join' })).toHaveCount(0);
  const children = guardian.getByRole('region', { name: 'Your children' });
  await expect(children.getByRole('status')).toContainText('Your agreement is recorded');
  await expect(children.getByRole('listitem').filter({ hasText: child })).toContainText('Can join sessions.');
  await screenshotBothSizes(guardian, 'dashboard-guardian-agreed');
  // The same seat is now admitted.
  const admitted = await guardian.request.get(`/api/invites/${encodeURIComponent(refusedToken)}`);
  expect(admitted.status()).toBe(200);

  // The tutor now picks the child in the picker and creates the session from the dashboard.
  // A long title, as real ones are: the dashboard must still fit a phone (checked below).
  const title = `Fractions and decimals on one number line, week ${Math.random().toString(36).slice(2, 6)}`;
  await tutor.reload();
  await create.getByRole('textbox', { name: 'Session title' }).fill(title);
  await create.getByRole('checkbox', { name: child }).check();
  await create.getByRole('button', { name: 'Create session', exact: true }).click();
  await expect(create.getByRole('heading', { name: `“${title}” is ready` })).toBeVisible();
  await screenshotBothSizes(tutor, 'dashboard-tutor-session-created');
  // A tutor's pages fit a phone too, a session's long title and all; back on the dashboard after.
  await expectFitsPhone(tutor, ['/recordings', '/requests', '/account', '/']);

  // Everyone takes their own way in: the tutor and the guardian from "Your sessions", the child from
  // the link on the guardian's dashboard.
  await tutor.getByRole('link', { name: `Join ${title}` }).click();
  await guardian.reload();
  const item = guardian.getByRole('listitem').filter({ has: guardian.getByRole('heading', { name: title }) });
  const childLink = await item.getByRole('textbox', { name: `Join link for ${child}` }).inputValue();
  const { sessions } = (await (await guardian.request.get('/api/me/sessions')).json()) as MySessionList;
  const seat = sessions.find((s) => s.title === title);
  expect(seat?.children.map((c) => c.name)).toEqual([child]);
  expect(decodeJwt(tokenOf(childLink))).toMatchObject({ sid: seat?.sessionId, role: 'student' });
  // The early session now gives the child's link too, for the same seat that was refused.
  const earlyLink = await earlyItem.getByRole('textbox', { name: `Join link for ${child}` }).inputValue();
  expect(decodeJwt(tokenOf(earlyLink))).toMatchObject({ sid: earlyId, pid: childPersonId });
  await item.getByRole('link', { name: `Join ${title}` }).click();
  await childPage.goto(childLink);
  await expect(childPage.getByRole('heading', { name: title })).toBeVisible();
  for (const page of [tutor, guardian, childPage]) await joinCall(page);
  await expectRemoteVideosPlaying(tutor, 2);
  await expectRemoteVideosPlaying(childPage, 2);
  await screenshotBothSizes(tutor, 'call-three-people');

  // The guardian, on their dashboard in another tab, asks never to record the child.
  const guardianHome = await guardianContext.newPage();
  await guardianHome.goto('/');
  const noRecord = guardianHome.getByRole('checkbox', { name: `Do not record ${child}'s sessions` });
  await expect(noRecord).not.toBeChecked();
  await noRecord.check();
  await expect(noRecord).toHaveAccessibleDescription(/Recording is refused in these sessions/);
  await expect(noRecord).toBeEnabled();
  await guardianHome.reload();
  await expect(
    guardianHome.getByRole('checkbox', { name: `Do not record ${child}'s sessions` }),
  ).toBeChecked();
  await guardianHome.close();

  // The tutor's request is refused up front, with the reason in the request form.
  await tutor.getByRole('button', { name: 'Request recording' }).click();
  const form = tutor.getByRole('dialog', { name: 'Request recording' });
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(form.getByRole('alert')).toContainText(
    `${child}'s family has asked for ${child}'s sessions not to be recorded, so this session cannot be recorded.`,
  );
  await screenshotBothSizes(tutor, 'call-request-refused');
  // Nobody was asked, nothing records, and LiveKit never started a recorder for the room.
  for (const page of [tutor, guardian, childPage]) {
    await expect(page.getByRole('dialog', { name: 'Recording consent' })).toHaveCount(0);
    await expect(banner(page)).toContainText('Not recording');
  }
  const joined = await tutor.request.post('/api/join', {
    headers: { origin: site.baseUrl },
    data: { inviteToken: tokenOf(tutor.url()) },
  });
  expect(joined.status(), await joined.text()).toBe(200);
  const room = ((await joined.json()) as { roomName: string }).roomName;
  expect(room).toBeTruthy();
  expect(await livekitView().participantIdentities(room)).toHaveLength(3);
  const livekit = livekitView();
  await tutor.waitForTimeout(2_000);
  expect(await livekit.egresses(room)).toEqual([]);
  expect(await livekit.roomIsRecording(room)).toBe(false);
});

/** A student's id as the tutor's student list has it. */
async function studentIdOf(tutor: Page, name: string): Promise<string> {
  const res = await tutor.request.get('/api/students');
  const { students } = (await res.json()) as { students: { id: string; name: string }[] };
  const found = students.find((s) => s.name === name);
  if (!found) throw new Error(`${name} is not among the students`);
  return found.id;
}
