import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { e2eLivekit } from '../fixtures/livekit-api';
import { screenshotBothSizes } from '../fixtures/screens';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

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
