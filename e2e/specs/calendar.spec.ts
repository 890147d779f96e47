/**
 * Everyday use: a tutor in New York creates a weekly series of three on their dashboard; the guardian in
 * London gets one invitation per occurrence over real SMTP, each with an iCalendar attachment that a
 * maintained parser (node-ical) reads as the tutor's 16:30 wherever it is opened. Moving one sends an
 * update with the same UID and a higher SEQUENCE; cancelling one sends METHOD:CANCEL. Of two sessions
 * about to start, the one kept is reminded once and the cancelled one never. Join is closed before its
 * window (the page says when it opens, the server refuses) and open within it.
 */
import type { CreateSessionResponse, MySessionList, OrganisationPolicy } from '@assent/shared';
import { type CalendarMail, mailsTo, waitForMail } from '../fixtures/calendar-mail';
import { openOrganisation } from '../fixtures/organisation';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';

test.use({ actionTimeout: 15_000 });

const tutorZone = 'America/New_York';
const guardianZone = 'Europe/London';

/** The wall clock an instant reads in a zone: what a calendar app there shows. */
function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The calendar events in a person's mail of one METHOD, by UID. */
const eventsOf = (mails: CalendarMail[], method: string) =>
  mails.filter((m) => m.method === method).flatMap((m) => m.events);

test('a weekly series reaches the guardian’s calendar, moves, cancels, reminds once, and Join opens on time', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const org = openOrganisation();
  const mailFor = <T>(to: string, found: (mails: CalendarMail[]) => T | undefined, timeoutMs?: number) =>
    waitForMail(org.site.mailDir, to, found, timeoutMs);
  const admin = await org.admin();
  // Reminders a minute before, so the journey sees one arrive; the policy is put back afterwards.
  const before = (await (await admin.api.get('/api/policy')).json()) as OrganisationPolicy;
  const savePolicy = async (from: OrganisationPolicy, reminderLeadMinutes: number[]) => {
    const current = (await (await admin.api.get('/api/policy')).json()) as OrganisationPolicy;
    const saved = await admin.api.put('/api/admin/policy', {
      data: { ...from.policy, reminderLeadMinutes, basedOnVersion: current.version },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  };
  await savePolicy(before, [1]);
  try {
    const tutor = await org.inviteStaff('tutor', 'Cal Tutor');
    const family = await org.enrolFamily(tutor, {
      guardianName: 'Greta Calendar',
      children: [{ name: 'Kit Calendar', minor: true }],
    });
    const guardianMail = family.guardian.email;
    const child = family.children[0];
    if (!child) throw new Error('the family has no child');

    // Two sessions about to start, made first so their reminders fall due while the series is made:
    // each starts at least 80 s from now on a whole minute, so its reminder a minute before is ahead.
    const soon = new Date(Math.ceil((Date.now() + 80_000) / 60_000) * 60_000);
    const soonAt = wallClock(soon, tutorZone);
    const scheduleSoon = async (title: string) => {
      const response = await tutor.api.post('/api/sessions', {
        data: {
          title,
          studentIds: [child.id],
          schedule: {
            startsAt: `${soonAt.date}T${soonAt.time}`,
            durationMinutes: 30,
            timeZone: tutorZone,
          },
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as CreateSessionResponse;
    };
    const suffix = Math.random().toString(36).slice(2, 6);
    const kept = await scheduleSoon(`Reading ${suffix}`);
    const dropped = await scheduleSoon(`Spelling ${suffix}`);
    // The second overlaps the first: a warning, not a refusal.
    expect(dropped.overlaps?.map((o) => o.sessionId)).toEqual([kept.sessionId]);
    // The child's link to it, as handed out before it was cancelled.
    const linkBefore = (
      (await (await family.guardian.api.get('/api/me/sessions')).json()) as MySessionList
    ).sessions.find((s) => s.sessionId === dropped.sessionId)?.children[0]?.joinUrl;
    if (!linkBefore) throw new Error('no child link to the session about to be cancelled');
    const cancelDropped = await tutor.api.post(`/api/sessions/${dropped.sessionId}/cancel`);
    expect(cancelDropped.status(), await cancelDropped.text()).toBe(200);

    // The tutor, in New York, makes a weekly series of three on their dashboard.
    const tutorPage = await (
      await browser.newContext({ storageState: await tutor.api.storageState(), timezoneId: tutorZone })
    ).newPage();
    await tutorPage.goto('/');
    const title = `Algebra ${suffix}`;
    const firstDate = addDays(wallClock(new Date(), tutorZone).date, 2);
    const create = tutorPage.getByRole('region', { name: 'Create a session' });
    await create.getByRole('textbox', { name: 'Session title' }).fill(title);
    await create.getByRole('checkbox', { name: child.name }).check();
    await create.getByRole('radio', { name: 'At a set time' }).check();
    await create.getByLabel('Date', { exact: true }).fill(firstDate);
    await create.getByLabel('Start time', { exact: true }).fill('16:30');
    await create.getByLabel('Duration', { exact: true }).selectOption('60');
    await create.getByRole('checkbox', { name: 'Repeats weekly' }).check();
    await create.getByRole('radio', { name: 'After a number of weeks' }).check();
    await create.getByRole('spinbutton', { name: 'How many weeks' }).fill('3');
    await screenshotBothSizes(tutorPage, 'calendar-create-series');
    await create.getByRole('button', { name: 'Create session', exact: true }).click();
    await expect(create.getByRole('heading', { name: `“${title}” is ready` })).toBeVisible();
    await expect(create.getByRole('list', { name: 'When it takes place' }).getByRole('listitem')).toHaveCount(
      3,
    );

    // The guardian's mail: one invitation per occurrence, each read as 16:30 in New York a week apart,
    // and as the right hour in London (five hours later in December).
    const invited = await mailFor(guardianMail, (mails) => {
      const events = eventsOf(mails, 'REQUEST').filter((e) => String(e.summary) === title);
      return events.length === 3 ? events : undefined;
    });
    const byStart = [...invited].sort((a, b) => a.start.getTime() - b.start.getTime());
    byStart.forEach((event, week) => {
      expect(wallClock(event.start, tutorZone)).toEqual({
        date: addDays(firstDate, 7 * week),
        time: '16:30',
      });
      expect(wallClock(event.start, guardianZone).time).toBe('21:30');
      expect((event.end?.getTime() ?? 0) - event.start.getTime()).toBe(60 * 60_000);
    });
    expect(new Set(byStart.map((e) => e.uid)).size).toBe(3);
    const [first, second, third] = byStart;
    if (!first || !second || !third) throw new Error('three occurrences expected');

    // The tutor moves the second to 17:00: the same UID, a higher SEQUENCE, the new time.
    const tutorSessions = tutorPage.getByRole('region', { name: 'Your sessions' });
    const occurrence = (n: number) =>
      tutorSessions
        .getByRole('listitem')
        .filter({ hasText: title })
        .filter({ hasText: `Session ${n} of 3` });
    await occurrence(2).getByRole('button', { name: 'Move' }).click();
    const move = occurrence(2).getByRole('form', { name: 'Move this session' });
    await move.getByLabel('New start time').fill('17:00');
    await move.getByRole('button', { name: 'Move session' }).click();
    const updated = await mailFor(guardianMail, (mails) =>
      eventsOf(mails, 'REQUEST').find(
        (e) => e.uid === second.uid && Number(e.sequence) > Number(second.sequence),
      ),
    );
    expect(wallClock(updated.start, tutorZone)).toEqual({ date: addDays(firstDate, 7), time: '17:00' });

    // The tutor cancels the third: METHOD:CANCEL for its UID.
    await occurrence(3).getByRole('button', { name: 'Cancel session' }).click();
    await tutorPage.getByRole('alertdialog').getByRole('button', { name: 'Cancel this session' }).click();
    const cancelled = await mailFor(guardianMail, (mails) =>
      eventsOf(mails, 'CANCEL').find((e) => e.uid === third.uid),
    );
    expect(Number(cancelled.sequence)).toBeGreaterThan(Number(third.sequence));
    await expect(occurrence(3)).toContainText('Cancelled');

    // The guardian, in London, sees the series in their own time, and Join not yet open.
    const guardianPage = await (
      await browser.newContext({
        storageState: await family.guardian.api.storageState(),
        timezoneId: guardianZone,
        locale: 'en-GB',
      })
    ).newPage();
    await guardianPage.goto('/');
    const guardianSessions = guardianPage.getByRole('region', { name: 'Your sessions' });
    const firstItem = guardianSessions
      .getByRole('listitem')
      .filter({ hasText: title })
      .filter({ hasText: 'Session 1 of 3' });
    await expect(firstItem).toContainText('21:30');
    await expect(firstItem.getByRole('button', { name: `Join ${title}` })).toBeDisabled();
    await expect(firstItem).toContainText('Join opens at 21:20');
    // The session about to start is open now.
    const keptItem = guardianSessions.getByRole('listitem').filter({ hasText: kept.title });
    await expect(keptItem.getByRole('link', { name: `Join ${kept.title}` })).toBeVisible();
    await screenshotBothSizes(guardianPage, 'calendar-guardian-sessions');

    // The server holds the window too: the child's link to the first occurrence is refused until it opens.
    const { sessions } = (await (await family.guardian.api.get('/api/me/sessions')).json()) as MySessionList;
    const childLink = (sessionId: string) => {
      const url = sessions.find((s) => s.sessionId === sessionId)?.children[0]?.joinUrl;
      if (!url) throw new Error(`no child link for ${sessionId}`);
      return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    };
    const firstSession = sessions.find(
      (s) => s.title === title && s.time?.occurrence?.number === 1,
    )?.sessionId;
    if (!firstSession) throw new Error('the first occurrence is not among the guardian’s sessions');
    const early = await family.guardian.api.post('/api/join', {
      data: { inviteToken: childLink(firstSession) },
    });
    expect(early.status()).toBe(403);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('join_not_open');
    const inWindow = await family.guardian.api.post('/api/join', {
      data: { inviteToken: childLink(kept.sessionId) },
    });
    expect(inWindow.status(), await inWindow.text()).toBe(200);
    const toCancelled = await family.guardian.api.post('/api/join', {
      data: { inviteToken: decodeURIComponent(new URL(linkBefore).pathname.split('/').pop() ?? '') },
    });
    expect(toCancelled.status()).toBe(410);

    // The reminder: once for the session kept, never for the one cancelled.
    const reminders = (mails: CalendarMail[], of: string) =>
      mails.filter((m) => m.subject.startsWith('Reminder:') && m.text.includes(`“${of}”`));
    await mailFor(
      guardianMail,
      (mails) => (reminders(mails, kept.title).length > 0 ? true : undefined),
      150_000,
    );
    // Several of the worker's polls later, still one, and none for the cancelled session.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const all = await mailsTo(org.site.mailDir, guardianMail);
    expect(reminders(all, kept.title)).toHaveLength(1);
    expect(reminders(all, dropped.title)).toHaveLength(0);
  } finally {
    await savePolicy(before, before.policy.reminderLeadMinutes);
    await org.dispose();
  }
});
