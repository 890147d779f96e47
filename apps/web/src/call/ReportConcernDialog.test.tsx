// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { type CallSession, CallSessionContext } from './call-session';
import { ReportConcernButton } from './ReportConcernButton';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The dialog's code is fetched when it first opens: compiled once here, not inside a test's wait.
beforeAll(() => import('./ReportConcernDialog'));

const session = {
  inviteToken: 'invite-token',
  role: 'student',
  consentScope: { consentsFor: [], needsGuardian: false },
  commands: {},
} as unknown as CallSession;

function renderInCall() {
  render(
    <CallSessionContext value={session}>
      <ReportConcernButton />
    </CallSessionContext>,
  );
}

async function fillIn() {
  // The dialog's code is fetched when it first opens (see call-dialogs.tsx).
  const dialog = await screen.findByRole('dialog', { name: 'Report a concern' });
  const group = within(dialog).getByRole('radiogroup', { name: 'What is it about?' });
  await userEvent.click(within(group).getByRole('radio', { name: 'Behaviour in the session' }));
  await userEvent.type(within(dialog).getByRole('textbox', { name: 'What happened' }), 'He was rude');
  return dialog;
}

describe('Report a concern in the call', () => {
  it('sends the report with the invite token, to the server only, and confirms privately', async () => {
    const fetchMock = stubApi((method, path) =>
      method === 'POST' && path === '/api/call/concern'
        ? { status: 201, body: { id: 'rpt_1', receivedAt: '2026-03-02T15:00:00.000Z' } }
        : undefined,
    );
    renderInCall();
    await userEvent.click(screen.getByRole('button', { name: 'Report a concern' }));
    const dialog = await fillIn();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(
      await screen.findByText(
        'Thank you. Your report went to the safeguarding team. Nobody else in the call can see that you reported.',
      ),
    ).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['POST /api/call/concern']);
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer invite-token');
    expect(JSON.parse(String(init?.body))).toEqual({ category: 'conduct', description: 'He was rude' });

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('waits for a choice and words before sending, and Cancel closes without sending', async () => {
    const fetchMock = stubApi(() => undefined);
    renderInCall();
    await userEvent.click(screen.getByRole('button', { name: 'Report a concern' }));
    const send = (await screen.findByRole('button', { name: 'Send report' })) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says so when the report could not be sent, keeping what was written', async () => {
    stubApi(() => ({ status: 503, body: { error: { code: 'internal', message: 'Down' } } }));
    renderInCall();
    await userEvent.click(screen.getByRole('button', { name: 'Report a concern' }));
    const dialog = await fillIn();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Your report was not sent\./);
    expect(
      (within(dialog).getByRole('textbox', { name: 'What happened' }) as HTMLTextAreaElement).value,
    ).toBe('He was rude');
  });
});
