// @vitest-environment jsdom
import type { ChatMessage } from '@assent/shared';
import { RoomContext } from '@livekit/components-react';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Room, RoomEvent } from 'livekit-client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CallSession, CallSessionContext } from '../call/call-session';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { ChatButton } from './ChatButton';
import { ChatPanel } from './ChatPanel';
import { chatPacketFrom } from './chat-packet';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The dialog's code is fetched when it first opens: compiled once here, not inside a test's wait.
beforeAll(() => import('../call/ReportConcernDialog'));

const message = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'msg_1',
  senderPersonId: 'per_tutor',
  senderName: 'Dana Tutor',
  senderRole: 'tutor',
  text: 'Look at https://example.org/worksheet?page=2',
  sentAt: '2026-12-07T12:00:00.000Z',
  removedAt: null,
  ...over,
});

const sessionAs = (role: 'tutor' | 'student', personId: string) =>
  ({
    inviteToken: 'invite-token',
    personId,
    role,
    consentScope: { consentsFor: [], needsGuardian: false },
    commands: {},
  }) as unknown as CallSession;

function renderCall(session: CallSession) {
  const room = new Room();
  render(
    <RoomContext.Provider value={room}>
      <CallSessionContext value={session}>
        <ChatButton />
        <ChatPanel />
      </CallSessionContext>
    </RoomContext.Provider>,
  );
  const fromServer = (packet: unknown, sender?: { identity: string }, topic = 'chat') =>
    act(() => {
      room.emit(
        RoomEvent.DataReceived,
        new TextEncoder().encode(JSON.stringify(packet)),
        sender as never,
        undefined,
        topic,
      );
    });
  return { room, fromServer };
}

describe('the chat packet', () => {
  const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  it('is trusted only from the server, on the chat topic, in a known shape', () => {
    const packet = { type: 'message', message: message() };
    expect(chatPacketFrom(bytes(packet), undefined, 'chat')).toEqual(packet);
    expect(chatPacketFrom(bytes(packet), { identity: 'p_someone' }, 'chat')).toBeUndefined();
    expect(chatPacketFrom(bytes(packet), undefined, 'other')).toBeUndefined();
    expect(
      chatPacketFrom(bytes({ type: 'message', message: { id: 'x' } }), undefined, 'chat'),
    ).toBeUndefined();
    expect(chatPacketFrom(new Uint8Array([0xff]), undefined, 'chat')).toBeUndefined();
  });
});

describe('the chat panel', () => {
  it('loads the history, shows name and role, links as text, and sends through the server', async () => {
    const sent = message({
      id: 'msg_2',
      senderPersonId: 'per_student',
      senderName: 'Sam',
      senderRole: 'student',
      text: 'Thanks',
      sentAt: '2026-12-07T12:01:00.000Z',
    });
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/call/chat') return { body: { messages: [message()] } };
      if (method === 'POST' && path === '/api/call/chat') return { status: 201, body: sent };
      return undefined;
    });
    renderCall(sessionAs('student', 'per_student'));
    await userEvent.click(screen.getByRole('button', { name: 'Chat' }));
    const region = screen.getByRole('region', { name: 'Chat' });
    const item = await within(region).findByText('Look at https://example.org/worksheet?page=2');
    expect(item.closest('li')?.textContent).toContain('Dana Tutor');
    expect(item.closest('li')?.textContent).toContain('Tutor');
    // Never a link: the address is shown as text.
    expect(within(region).queryByRole('link')).toBeNull();
    // A student may report but not remove.
    expect(within(region).queryByRole('button', { name: 'Remove' })).toBeNull();
    await userEvent.type(within(region).getByRole('textbox', { name: 'Message' }), '  Thanks ');
    await userEvent.click(within(region).getByRole('button', { name: 'Send' }));
    expect(await within(region).findByText('Thanks')).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['GET /api/call/chat', 'POST /api/call/chat']);
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1]?.body))).toEqual({ text: 'Thanks' });
    expect((within(region).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('counts messages from others while closed, announces them politely, and ignores participants’ data', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/call/chat' ? { body: { messages: [] } } : undefined,
    );
    const { fromServer } = renderCall(sessionAs('student', 'per_student'));
    await act(async () => {});
    fromServer({ type: 'message', message: message() });
    fromServer({ type: 'message', message: message({ id: 'msg_2', text: 'Second' }) });
    // A participant cannot speak for the server, and the same message twice counts once.
    fromServer({ type: 'message', message: message({ id: 'msg_3', text: 'forged' }) }, { identity: 'p_x' });
    fromServer({ type: 'message', message: message({ id: 'msg_2', text: 'Second' }) });
    // This person's own message is not unread.
    fromServer({ type: 'message', message: message({ id: 'msg_4', senderPersonId: 'per_student' }) });
    const button = screen.getByRole('button', { name: 'Chat (2 unread)' });
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Dana Tutor (Tutor): Second');
    await userEvent.click(button);
    expect(screen.getByRole('button', { name: 'Chat' })).toBeTruthy();
    expect(screen.queryByText('forged')).toBeNull();
  });

  it('lets the tutor remove a message, and shows "Message removed" when the server says so', async () => {
    const removedAt = '2026-12-07T12:05:00.000Z';
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/call/chat')
        return { body: { messages: [message({ senderPersonId: 'per_student' })] } };
      if (method === 'POST' && path === '/api/call/chat/msg_1/remove')
        return { body: message({ senderPersonId: 'per_student', text: null, removedAt }) };
      return undefined;
    });
    renderCall(sessionAs('tutor', 'per_tutor'));
    await userEvent.click(screen.getByRole('button', { name: 'Chat' }));
    const region = screen.getByRole('region', { name: 'Chat' });
    await userEvent.click(await within(region).findByRole('button', { name: 'Remove' }));
    expect(await within(region).findByText('Message removed')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Report' })).toBeNull();
    expect(requestsMade(fetchMock)).toContain('POST /api/call/chat/msg_1/remove');
  });

  it('shows "Message removed" to everyone when the server sends the removal', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/call/chat' ? { body: { messages: [message()] } } : undefined,
    );
    const { fromServer } = renderCall(sessionAs('student', 'per_student'));
    await userEvent.click(screen.getByRole('button', { name: 'Chat' }));
    await screen.findByText(/worksheet/);
    fromServer({ type: 'removed', id: 'msg_1', removedAt: '2026-12-07T12:05:00.000Z' });
    expect(screen.getByText('Message removed')).toBeTruthy();
    expect(screen.queryByText(/worksheet/)).toBeNull();
  });

  it('shows "Message erased at the sender’s request" when the erase rule erases it, and no actions', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/call/chat' ? { body: { messages: [message()] } } : undefined,
    );
    const { fromServer } = renderCall(sessionAs('tutor', 'per_tutor'));
    await userEvent.click(screen.getByRole('button', { name: 'Chat' }));
    await screen.findByText(/worksheet/);
    fromServer({ type: 'erased', ids: ['msg_1'], erasedAt: '2026-12-07T12:05:00.000Z' });
    const region = screen.getByRole('region', { name: 'Chat' });
    expect(within(region).getByText('Message erased at the sender’s request')).toBeTruthy();
    expect(within(region).queryByText(/worksheet/)).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Remove' })).toBeNull();
  });

  it('reports a message through the concern dialog, with the message attached', async () => {
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/call/chat') return { body: { messages: [message()] } };
      if (method === 'POST' && path === '/api/call/concern')
        return { status: 201, body: { id: 'rpt_1', receivedAt: 'now' } };
      return undefined;
    });
    renderCall(sessionAs('student', 'per_student'));
    await userEvent.click(screen.getByRole('button', { name: 'Chat' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report a concern' });
    expect(dialog.textContent).toContain('About this message from Dana Tutor');
    expect(dialog.textContent).toContain('https://example.org/worksheet?page=2');
    const group = within(dialog).getByRole('radiogroup', { name: 'What is it about?' });
    await userEvent.click(within(group).getAllByRole('radio')[0] as HTMLElement);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'What happened' }), 'Worrying');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await screen.findByText(/Your report went to the safeguarding team/);
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/call/concern'));
    expect(JSON.parse(String(call?.[1]?.body))).toMatchObject({
      chatMessageId: 'msg_1',
      description: 'Worrying',
    });
  });
});
