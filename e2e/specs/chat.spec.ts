import { writeFileSync } from 'node:fs';
import type { MySessionList, SessionChatLog } from '@assent/shared';
import type { Page } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { e2eLivekit } from '../fixtures/livekit-api';
import { screenshotBothSizes } from '../fixtures/screens';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';
import { deletionRecordsOf, runVaultCommand } from '../fixtures/vault';

const chatOf = (page: Page) => page.getByRole('region', { name: 'Chat' });

async function openChat(page: Page) {
  if (!(await chatOf(page).isVisible())) await page.getByRole('button', { name: /^Chat/ }).click();
  await expect(chatOf(page)).toBeVisible();
}

async function send(page: Page, text: string) {
  await openChat(page);
  await chatOf(page).getByRole('textbox', { name: 'Message' }).fill(text);
  await chatOf(page).getByRole('button', { name: 'Send' }).click();
}

const messageItem = (page: Page, text: string | RegExp) =>
  chatOf(page).getByRole('listitem').filter({ hasText: text });

test('chat messages reach everyone through the server, survive a reload, are removed by the tutor and can be reported', async ({
  browser,
}, testInfo) => {
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutor, 'Fractions — chat', 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student', minor: true },
    { name: 'Pat Parent', role: 'Guardian' },
  ]);
  await tutor.goto(session.tutorUrl);
  await joinCall(tutor);
  const student = await openInvite(browser, inviteUrlFor(session, 'Sam Student'));
  await joinCall(student);
  const guardian = await openInvite(browser, inviteUrlFor(session, 'Pat Parent'));
  await joinCall(guardian);

  // LiveKit's own view: nobody in the room may publish data, so chat can only come from the server.
  const lk = e2eLivekit();
  const rooms = new RoomServiceClient(lk.url, lk.apiKey, lk.apiSecret);
  const roomName = await (async () => {
    for (let i = 0; i < 40; i += 1) {
      const list = await rooms.listRooms();
      for (const room of list) {
        const people = await rooms.listParticipants(room.name);
        if (people.filter((p) => !p.permission?.hidden).length === 3) return room.name;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('no room with the three of them');
  })();
  for (const p of await rooms.listParticipants(roomName)) {
    expect(p.permission?.canPublishData, `${p.identity} may publish data`).toBe(false);
  }

  // The student asks, with a link: everyone else sees an unread count, then the message, the address as text.
  const link = 'https://example.org/worksheet?page=2';
  const sentAt = Date.now();
  await send(student, `Is this the right sheet? ${link}`);
  for (const page of [tutor, guardian]) {
    await expect(page.getByRole('button', { name: 'Chat (1 unread)' })).toBeVisible();
  }
  const receivedMs = Date.now() - sentAt;
  for (const page of [tutor, guardian, student]) {
    await openChat(page);
    const item = messageItem(page, link);
    await expect(item).toContainText('Sam Student');
    await expect(item).toContainText('Student');
    await expect(item.getByRole('link')).toHaveCount(0);
  }
  await expect(tutor.getByRole('button', { name: 'Chat', exact: true })).toBeVisible();

  await send(tutor, 'Yes — start with question 3.');
  for (const page of [student, guardian]) {
    await expect(messageItem(page, 'start with question 3')).toContainText('Ada Tutor');
    await expect(messageItem(page, 'start with question 3')).toContainText('Tutor');
  }
  // Only the tutor may remove.
  await expect(
    messageItem(student, 'start with question 3').getByRole('button', { name: 'Remove' }),
  ).toHaveCount(0);

  await tutor.setViewportSize({ width: 1280, height: 800 });
  await screenshotBothSizes(tutor, 'chat-tutor');
  await screenshotBothSizes(student, 'chat-student');

  // A reload loads the history again.
  await guardian.reload();
  await joinCall(guardian);
  await openChat(guardian);
  await expect(messageItem(guardian, link)).toBeVisible();
  await expect(messageItem(guardian, 'start with question 3')).toBeVisible();

  // The tutor removes the student's message: everyone sees "Message removed" in its place.
  await messageItem(tutor, link).getByRole('button', { name: 'Remove' }).click();
  for (const page of [tutor, student, guardian]) {
    await expect(chatOf(page).getByText('Message removed')).toBeVisible();
    await expect(chatOf(page).getByText(link)).toHaveCount(0);
  }

  // The guardian reports the tutor's message: the concern dialog opens with the message attached.
  await messageItem(guardian, 'start with question 3').getByRole('button', { name: 'Report' }).click();
  const dialog = guardian.getByRole('dialog', { name: 'Report a concern' });
  await expect(dialog).toContainText('About this message from Ada Tutor');
  await expect(dialog).toContainText('start with question 3');
  await dialog.getByRole('radio').first().check();
  await dialog
    .getByRole('textbox', { name: 'What happened' })
    .fill('I want someone to look at this message.');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog.getByRole('status')).toContainText('safeguarding team');
  await screenshotBothSizes(guardian, 'chat-report');

  testInfo.annotations.push({
    type: 'chat: send → unread count on two other screens',
    description: `${receivedMs} ms`,
  });
  writeFileSync(testInfo.outputPath('timings.json'), JSON.stringify({ receivedMs }, null, 2));
  console.log(`chat: student send → both others show it unread: ${receivedMs} ms`);
});

test('the chat log is readable afterwards by the session’s tutor, audited, and destroyed by the sweeper past retention with a deletion record', async ({
  browser,
  playwright,
}) => {
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutor, 'Chat retention', 'Tia Tutor', [
    { name: 'Kim Student', role: 'Student', minor: true },
    { name: 'Lee Parent', role: 'Guardian' },
  ]);
  await tutor.goto(session.tutorUrl);
  await joinCall(tutor);
  const student = await openInvite(browser, inviteUrlFor(session, 'Kim Student'));
  await joinCall(student);
  await send(student, 'Can we do fractions next week?');
  await expect(messageItem(student, 'fractions next week')).toBeVisible();
  await tutor.getByRole('button', { name: 'Leave' }).click();
  await student.getByRole('button', { name: 'Leave' }).click();

  // The session's id, from the tutor's own list.
  const mine = (await (await tutor.request.get('/api/me/sessions')).json()) as MySessionList;
  const sessionId = mine.sessions.find((s) => s.title === 'Chat retention')?.sessionId;
  if (!sessionId) throw new Error('the tutor does not list the session');

  // The session's tutor reads it (the default policy's readers are the tutor and reviewers).
  const read = await tutor.request.get(`/api/sessions/${sessionId}/chat`);
  expect(read.status()).toBe(200);
  const log = (await read.json()) as SessionChatLog;
  expect(log.messages.map((m) => [m.senderName, m.senderRole, m.text])).toEqual([
    ['Kim Student', 'student', 'Can we do fractions next week?'],
  ]);
  // The page for it, linked from the tutor's session list.
  await tutor.goto('/');
  await tutor.getByRole('link', { name: 'Chat log of Chat retention' }).click();
  await expect(tutor.getByRole('heading', { name: 'Chat log' })).toBeVisible();
  await expect(tutor.getByRole('cell', { name: 'Can we do fractions next week?' })).toBeVisible();
  await expect(tutor.getByRole('cell', { name: 'Kim Student (Student)' })).toBeVisible();
  await screenshotBothSizes(tutor, 'chat-log-afterwards');

  // Nobody signed in reads nothing.
  const anonymous = await playwright.request.newContext({ baseURL: new URL(tutor.url()).origin });
  expect((await anonymous.get(`/api/sessions/${sessionId}/chat`)).status()).toBe(401);
  await anonymous.dispose();

  // Past the policy's chat-log retention (90 days after the last message), the sweep destroys it.
  const lastSent = Date.parse(log.messages.at(-1)?.sentAt ?? '');
  const short = new Date(lastSent + log.keptDays * 86_400_000 - 3_600_000).toISOString();
  runVaultCommand(['sweep', '--as-of', short]);
  expect(deletionRecordsOf(sessionId)).toEqual([]);
  const asOf = new Date(lastSent + log.keptDays * 86_400_000 + 60_000).toISOString();
  expect(runVaultCommand(['sweep', '--as-of', asOf])).toMatch(/[1-9]\d* chat logs destroyed by retention/);
  const records = deletionRecordsOf(sessionId);
  expect(records.map((r) => r.reason)).toEqual(['retention']);
  expect(records[0]?.detail).toMatch(/^The chat log's retention \(90 days after its last message/);
  expect(records[0]?.detail).not.toContain('fractions');
  const after = (await (await tutor.request.get(`/api/sessions/${sessionId}/chat`)).json()) as SessionChatLog;
  expect(after.messages).toEqual([]);
});
