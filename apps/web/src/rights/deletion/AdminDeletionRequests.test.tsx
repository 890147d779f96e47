// @vitest-environment jsdom
import type { AdminDeletionRequest } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { AdminDeletionRequests } from './AdminDeletionRequests';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const request = (patch: Partial<AdminDeletionRequest>): AdminDeletionRequest => ({
  id: 'dreq_1',
  sessionId: 'ses_1',
  sessionTitle: 'Algebra with Sam',
  origin: 'recordings_page',
  recordingId: 'rec_1',
  recordedAt: '2026-03-02T15:00:00.000Z',
  reason: 'I did not want to be recorded',
  createdAt: '2026-03-03T10:00:00.000Z',
  status: 'open',
  decidedAt: null,
  decisionReason: null,
  requesterName: 'Gail Guardian',
  requesterRole: 'guardian',
  recordings: [
    {
      id: 'rec_1',
      purpose: 'quality_assurance',
      purposeLabel: 'Quality assurance',
      recordedAt: '2026-03-02T15:00:00.000Z',
      status: 'stored',
    },
  ],
  openDays: 4,
  onHold: false,
  decidedByName: null,
  ...patch,
});

const held = request({
  id: 'dreq_2',
  requesterName: 'Tess Tutor',
  requesterRole: 'tutor',
  sessionTitle: 'French',
  origin: 'withdrawal',
  recordingId: null,
  reason: null,
  onHold: true,
  openDays: 1,
});

const refused = request({
  id: 'dreq_3',
  requesterName: 'Sam Student',
  requesterRole: 'student',
  status: 'refused',
  decidedAt: '2026-03-04T10:00:00.000Z',
  decisionReason: 'Kept for the review',
  decidedByName: 'Ada Admin',
});

describe('AdminDeletionRequests', () => {
  it('lists open requests with their facts, the on-hold ones unable to be approved, and decided ones', async () => {
    stubApi(() => ({ body: { requests: [request({}), held, refused] } }));
    render(<AdminDeletionRequests />);
    const form = await screen.findByRole('form', {
      name: "Decide Gail Guardian's request about Algebra with Sam",
    });
    const item = form.closest('li') as HTMLElement;
    expect(within(item).getByText(/from the recordings page/)).toBeTruthy();
    expect(within(item).getByText('Their reason: I did not want to be recorded')).toBeTruthy();
    expect(within(item).getByText('Open for 4 days')).toBeTruthy();
    expect(within(item).getByRole('list', { name: 'Recordings it covers' }).textContent).toContain(
      'Quality assurance',
    );
    expect(within(form).getByRole('button', { name: 'Approve deletion' }).hasAttribute('disabled')).toBe(
      false,
    );

    const heldForm = screen.getByRole('form', { name: "Decide Tess Tutor's request about French" });
    const heldItem = heldForm.closest('li') as HTMLElement;
    expect(
      within(heldItem).getByText('On hold: a safeguarding report about this session is open'),
    ).toBeTruthy();
    expect(within(heldItem).getByText(/after withdrawing in the call/)).toBeTruthy();
    expect(within(heldItem).getByText('Open for 1 day')).toBeTruthy();
    expect(within(heldForm).getByRole('button', { name: 'Approve deletion' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(within(heldForm).getByRole('button', { name: 'Refuse deletion' }).hasAttribute('disabled')).toBe(
      false,
    );

    expect(screen.getByText(/Refused by Ada Admin on .*: Kept for the review/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: /Sam Student/ })).toBeNull();
  });

  it('asks for a reason, then sends the decision and shows the request as decided', async () => {
    const approved = request({
      status: 'approved',
      decidedAt: '2026-03-07T10:00:00.000Z',
      decisionReason: 'Fair request, approved',
      decidedByName: 'Ada Admin',
      recordings: [
        { ...(request({}).recordings[0] as AdminDeletionRequest['recordings'][0]), status: 'destroyed' },
      ],
    });
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/admin/deletion-requests')
        return { body: { requests: [request({})] } };
      if (method === 'POST' && path === '/api/admin/deletion-requests/dreq_1/decision')
        return { body: { request: approved, destroyed: 1, requesterMailed: true } };
      return undefined;
    });
    render(<AdminDeletionRequests />);
    const form = await screen.findByRole('form', {
      name: "Decide Gail Guardian's request about Algebra with Sam",
    });
    await userEvent.click(within(form).getByRole('button', { name: 'Approve deletion' }));
    expect(within(form).getByText(/Write why you decided this/)).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['GET /api/admin/deletion-requests']);

    await userEvent.type(within(form).getByLabelText('Reason for your decision'), 'Fair request, approved');
    await userEvent.click(within(form).getByRole('button', { name: 'Approve deletion' }));
    // Destroying cannot be undone: a dialog says what will happen, and Cancel sends nothing.
    let confirm = screen.getByRole('alertdialog', { name: 'Approve this deletion?' });
    expect(confirm.textContent).toContain('“Algebra with Sam” asked for by Gail Guardian will be destroyed');
    expect(confirm.textContent).toContain('cannot be undone');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(requestsMade(fetchMock)).toEqual(['GET /api/admin/deletion-requests']);
    await userEvent.click(within(form).getByRole('button', { name: 'Approve deletion' }));
    confirm = screen.getByRole('alertdialog', { name: 'Approve this deletion?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Approve and delete' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      "Gail Guardian's request was approved: 1 recording deleted.",
    );
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText(/Approved by Ada Admin on .*: Fair request, approved/)).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[1]?.body).toBe(JSON.stringify({ decision: 'approve', reason: 'Fair request, approved' }));
  });

  it('shows the server’s reason when a decision is refused', async () => {
    const message = 'A safeguarding report about this session is open; decide after it is closed.';
    stubApi((method) =>
      method === 'GET'
        ? { body: { requests: [request({})] } }
        : { status: 409, body: { error: { code: 'recording_on_hold', message } } },
    );
    render(<AdminDeletionRequests />);
    const form = await screen.findByRole('form', { name: /Decide Gail Guardian's request/ });
    await userEvent.type(within(form).getByLabelText('Reason for your decision'), 'Approve it please');
    await userEvent.click(within(form).getByRole('button', { name: 'Approve deletion' }));
    await userEvent.click(screen.getByRole('button', { name: 'Approve and delete' }));
    const alert = await within(form).findByRole('alert');
    expect(within(alert).getByText(message)).toBeTruthy();
  });
});
