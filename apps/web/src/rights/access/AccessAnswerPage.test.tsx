// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, answered } from '../../test-support/access-fixtures';
import { stubApi } from '../../test-support/stub-api';
import { formatDate } from '../../ui/format';
import { AccessAnswerPage } from './AccessAnswerPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const sectionNamed = (name: string) =>
  screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;

describe('AccessAnswerPage', () => {
  it('shows the answer section by section, with the archive to download', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/me/access-requests/areq_1' ? { body: answered } : undefined,
    );
    render(<AccessAnswerPage requestId="areq_1" />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Everything Assent holds about Sam Student' }),
    ).toBeTruthy();
    expect(screen.getByText(/Compiled on/)).toBeTruthy();
    const download = screen.getByRole('link', { name: 'Download archive' });
    expect(download.getAttribute('href')).toBe('/api/me/access-requests/areq_1/archive');
    expect(download.hasAttribute('download')).toBe(true);

    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Account',
      'Sessions',
      'Talk time',
      'Consent records',
      'Recordings you appear in',
      'Transcripts',
      'Who watched these recordings',
      'Audit entries about your data',
      'Deletion records',
      'Your requests and reports',
    ]);
    expect(within(sectionNamed('Account')).getByText(/has no sign-in of their own/)).toBeTruthy();
    expect(
      within(sectionNamed('Account')).getByText(/Pat Guardian is their parent or guardian/),
    ).toBeTruthy();

    const sessions = within(sectionNamed('Sessions'));
    expect(sessions.getByText('Invited, never joined')).toBeTruthy();
    expect(sessions.getAllByText(/Joined/)).toHaveLength(1);

    // Talk time per session (two sessions share a title), from sound levels, never what was said.
    const talk = within(sectionNamed('Talk time'));
    expect(talk.getByText(/what was said is not recorded by this/)).toBeTruthy();
    const talkRows = talk.getAllByRole('row').slice(1);
    expect(talkRows.map((row) => row.textContent)).toEqual([
      `Algebra, week 3${formatDate('2026-03-01T15:02:00.000Z')}2 times2 min 5 s`,
      `Algebra, week 3${formatDate('2026-03-04T15:00:00.000Z')}1 time12 s`,
    ]);

    const transcripts = within(sectionNamed('Transcripts'));
    expect(transcripts.getByText('Kept')).toBeTruthy();
    expect(transcripts.getByText(formatDate('2029-02-28T16:01:00.000Z'))).toBeTruthy();

    const consents = within(sectionNamed('Consent records'));
    expect(consents.getByText('Pat Guardian, for them')).toBeTruthy();
    expect(consents.getByText('Consented')).toBeTruthy();
    expect(consents.getAllByText('Quality assurance').length).toBeGreaterThan(0);
    expect(consents.getByText('Refused')).toBeTruthy();
    expect(consents.queryByText('quality_assurance')).toBeNull();

    const recordings = within(sectionNamed('Recordings you appear in'));
    expect(
      recordings.getByText(
        `May be watched until ${formatDate('2026-05-30T15:40:00.000Z')}, because you took part`,
      ),
    ).toBeTruthy();
    expect(recordings.getByText('Cannot be watched: it is no longer kept')).toBeTruthy();
    expect(recordings.getByText('Destroyed')).toBeTruthy();

    const views = within(sectionNamed('Who watched these recordings'));
    expect(views.getByText('Rhea Reviewer (Reviewer)')).toBeTruthy();
    expect(views.getByText('Their role may watch recordings for this purpose')).toBeTruthy();

    const audit = within(sectionNamed('Audit entries about your data'));
    expect(audit.getByText('Watch a recording')).toBeTruthy();
    expect(audit.getByText('Done')).toBeTruthy();

    const deletions = within(sectionNamed('Deletion records'));
    expect(
      deletions.getByText(/An administrator decided a deletion request\. Pat Guardian asked for deletion/),
    ).toBeTruthy();
    expect(deletions.getByText('Safeguarding')).toBeTruthy();

    const requests = within(sectionNamed('Your requests and reports'));
    expect(requests.getByText('Deletion of recordings of Algebra, week 3')).toBeTruthy();
    expect(requests.getByText('Approved')).toBeTruthy();
  });

  it('leaves out talk time and transcripts of an answer compiled before they were kept', async () => {
    const { talkTime: _talk, transcripts: _transcripts, ...older } = answered.answer ?? answer;
    stubApi(() => ({ body: { ...answered, answer: older } }));
    render(<AccessAnswerPage requestId="areq_1" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Sessions' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'Talk time' })).toBeNull();
    expect(screen.queryByRole('heading', { level: 2, name: 'Transcripts' })).toBeNull();
  });

  it('says a request not yet answered was received and waits', async () => {
    stubApi(() => ({ body: { ...answered, status: 'received', answeredAt: null, answer: null } }));
    render(<AccessAnswerPage requestId="areq_1" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Everything Assent holds about Sam Student' }),
    ).toBeTruthy();
    expect(screen.getByText(/We received this request on .* waiting for an administrator/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download archive' })).toBeNull();
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
  });

  it('treats someone else’s request as one it cannot find', async () => {
    stubApi(() => undefined);
    render(<AccessAnswerPage requestId="areq_other" />);
    expect(await screen.findByRole('heading', { name: 'We could not find this request' })).toBeTruthy();
  });
});
