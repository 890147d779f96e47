// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { SessionChatPage } from './SessionChatPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const message = {
  id: 'msg_1',
  senderPersonId: 'per_1',
  senderName: 'Sam Student',
  senderRole: 'student',
  text: 'See https://example.org/sheet',
  sentAt: '2026-12-07T12:00:00.000Z',
  removedAt: null,
  removedText: null,
};

describe('the chat log afterwards', () => {
  it('shows each message with who sent it, addresses as text, removed ones as removed, erased ones as erased', async () => {
    const fetchMock = stubApi((method, path) =>
      method === 'GET' && path === '/api/sessions/ses_1/chat'
        ? {
            body: {
              sessionId: 'ses_1',
              keptDays: 1095,
              messages: [
                message,
                {
                  ...message,
                  id: 'msg_2',
                  text: null,
                  removedAt: '2026-12-07T12:01:00.000Z',
                  removedText: 'unkind',
                },
                { ...message, id: 'msg_3', text: null, erasedAt: '2026-12-07T12:02:00.000Z' },
              ],
            },
          }
        : undefined,
    );
    render(<SessionChatPage sessionId="ses_1" />);
    expect(await screen.findByText('See https://example.org/sheet')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getAllByText('Sam Student (Student)')).toHaveLength(3);
    expect(screen.getByText('Message erased at the sender’s request')).toBeTruthy();
    expect(screen.getByText('Message removed')).toBeTruthy();
    expect(screen.getByText(/it said: “unkind”/)).toBeTruthy();
    expect(screen.getByText(/Kept for 1095 days/)).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['GET /api/sessions/ses_1/chat']);
  });

  it('says so when the policy does not let the reader in', async () => {
    stubApi(() => ({
      status: 403,
      body: { error: { code: 'forbidden', message: 'Your account may not do this.' } },
    }));
    render(<SessionChatPage sessionId="ses_1" />);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
