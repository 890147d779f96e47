// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, type StubRoutes, stubApi } from '../test-support/stub-api';
import { playbackGrant, recordingDetail } from '../test-support/vault-fixtures';
import { formatDateTime } from '../ui/format';
import { RecordingPage } from './RecordingPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const grant = playbackGrant();

function vault(playback: StubRoutes = () => ({ body: grant })): StubRoutes {
  return (method, path) => {
    if (method === 'GET' && path === '/api/recordings/rec_1') return { body: recordingDetail() };
    if (method === 'POST' && path === '/api/recordings/rec_1/playback') return playback(method, path);
    return undefined;
  };
}

describe('RecordingPage', () => {
  it('shows the session and the consents the recording was made under', async () => {
    stubApi(vault());
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Algebra with Sam' })).toBeTruthy();
    const consents = screen.getByRole('table', { name: /Consent entries/ });
    const rows = within(consents).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const guardian = within(rows[2] as HTMLElement);
    expect(guardian.getByRole('rowheader', { name: 'Gail Guardian' })).toBeTruthy();
    expect(guardian.getByText('Parent or guardian')).toBeTruthy();
    expect(guardian.getByText('Consented in advance')).toBeTruthy();
    expect(guardian.getByText('Sam')).toBeTruthy();
    expect(guardian.getByText('Quality assurance')).toBeTruthy();
    expect(guardian.getByText('v3')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Asked to record')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Recorded under these consents' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Access log for this recording' })).toBeNull();
  });

  it('plays the granted media URL under a "Viewed by" overlay', async () => {
    const fetchMock = stubApi(vault());
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Play recording' }));

    const overlayText = `Viewed by Ada Lovelace, ${formatDateTime(grant.viewedAt)}`;
    const overlay = await screen.findByText(overlayText);
    const video = document.querySelector('video');
    expect(video?.getAttribute('src')).toBe(grant.mediaUrl);
    expect(video?.hasAttribute('controls')).toBe(true);
    expect(video?.getAttribute('aria-describedby')).toBe(overlay.id);
    expect(screen.queryByRole('button', { name: 'Play recording' })).toBeNull();

    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[1]?.body).toBe('{}');
    // The media itself is the video element's to fetch, never the page's.
    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/recordings/rec_1',
      'POST /api/recordings/rec_1/playback',
    ]);
  });

  it('shows the server’s reason when it refuses playback, and lets the person try again', async () => {
    const message = 'Your time to watch this recording ended on 1 March 2026.';
    stubApi(vault(() => ({ status: 403, body: { error: { code: 'playback_window_closed', message } } })));
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Play recording' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(message)).toBeTruthy();
    expect(within(alert).getByRole('heading', { name: 'You can’t watch this recording now' })).toBeTruthy();
    expect(document.querySelector('video')).toBeNull();
    expect(screen.getByRole('button', { name: 'Play recording' })).toBeTruthy();
  });

  it('says the same for a recording that is missing or not the reader’s to watch', async () => {
    stubApi(() => ({ status: 404, body: { error: { code: 'not_found', message: 'Not found' } } }));
    render(<RecordingPage recordingId="rec_gone" showAccessLog={false} />);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This recording does not exist or you may not watch it',
      }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play recording' })).toBeNull();
  });

  it('links admins to the audit log filtered to this recording', async () => {
    stubApi(vault());
    render(<RecordingPage recordingId="rec_1" showAccessLog />);
    const link = await screen.findByRole('link', { name: 'Access log for this recording' });
    expect(link.getAttribute('href')).toBe('/admin/audit?targetType=recording&targetId=rec_1');
  });

  it('lets someone who attended ask for deletion, saying why, and points them to their requests', async () => {
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/recordings/rec_1')
        return { body: recordingDetail({ access: 'attended', playableUntil: '2026-05-31T15:45:00.000Z' }) };
      if (method === 'POST' && path === '/api/recordings/rec_1/deletion-request')
        return {
          status: 201,
          body: { id: 'dreq_1', status: 'open', receivedAt: '2026-03-03T10:00:00.000Z' },
        };
      return undefined;
    });
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Request deletion' }));

    const dialog = screen.getByRole('dialog', { name: 'Request deletion' });
    const why = within(dialog).getByLabelText('Why (optional)');
    expect(document.activeElement).toBe(why);
    await userEvent.type(why, 'My child is in it');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send deletion request' }));

    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(
      'Your deletion request was sent. An administrator will decide and you will see the answer under Your requests.',
    );
    expect(within(status).getByRole('link', { name: 'Your requests' }).getAttribute('href')).toBe(
      '/requests',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[1]?.body).toBe(JSON.stringify({ reason: 'My child is in it' }));
  });

  it('keeps the dialog open with the reason when sending fails, and closes on Cancel', async () => {
    stubApi((method, path) => {
      if (method === 'GET' && path === '/api/recordings/rec_1')
        return { body: recordingDetail({ access: 'own_session' }) };
      return { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } };
    });
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Request deletion' }));
    const dialog = screen.getByRole('dialog', { name: 'Request deletion' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send deletion request' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Request deletion' })).toBeTruthy();
  });

  it('offers no deletion request to staff watching by their role', async () => {
    stubApi(vault());
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);
    await screen.findByRole('heading', { level: 1, name: 'Algebra with Sam' });
    expect(screen.queryByRole('button', { name: 'Request deletion' })).toBeNull();
  });
});
