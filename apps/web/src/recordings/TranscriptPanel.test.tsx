// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { transcript } from '../insights/fixtures';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { playbackGrant, recordingDetail } from '../test-support/vault-fixtures';
import { RecordingPage } from './RecordingPage';
import { TranscriptPanel } from './TranscriptPanel';
import { markMatches, matchingLines } from './transcript-search';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const withTranscript = (body: unknown, status = 200) =>
  stubApi((method, path) => {
    if (method === 'GET' && path === '/api/recordings/rec_1') return { body: recordingDetail() };
    if (method === 'POST' && path === '/api/recordings/rec_1/playback') return { body: playbackGrant() };
    if (method === 'GET' && path === '/api/recordings/rec_1/transcript') return { status, body };
    return undefined;
  });

describe('searching a transcript', () => {
  it('matches words and speakers in any case, and marks each occurrence', () => {
    expect(matchingLines(transcript.lines, 'FRACTIONS').map((l) => l.start)).toEqual([0, 65]);
    expect(matchingLines(transcript.lines, 'sam').map((l) => l.start)).toEqual([3.5]);
    expect(matchingLines(transcript.lines, '  ')).toHaveLength(3);
    expect(markMatches('Fractions of fractions', 'fraction')).toEqual([
      { text: 'Fraction', match: true },
      { text: 's of ', match: false },
      { text: 'fraction', match: true },
      { text: 's', match: false },
    ]);
  });
});

describe('the transcript beside the player', () => {
  it('is read only when asked (each reading is audited), then lists the lines with who spoke them', async () => {
    const fetchMock = withTranscript(transcript);
    render(<TranscriptPanel recordingId="rec_1" onSeek={() => {}} />);
    expect(requestsMade(fetchMock)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Show transcript' }));
    const list = await screen.findByRole('list', { name: 'Transcript lines' });
    const lines = within(list).getAllByRole('button');
    expect(lines.map((b) => b.textContent)).toEqual([
      '0:00Tina Tutor: Good afternoon, shall we start with fractions?',
      '0:03Sam Student: Yes, I found the homework hard.',
      '1:05Speaker not measured: Fractions are parts of a whole.',
    ]);
    expect(requestsMade(fetchMock)).toEqual(['GET /api/recordings/rec_1/transcript']);
  });

  it('narrows the lines to a search and marks what was searched for', async () => {
    withTranscript(transcript);
    render(<TranscriptPanel recordingId="rec_1" onSeek={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show transcript' }));
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Search transcript' }), 'fractions');
    const list = screen.getByRole('list', { name: 'Transcript lines' });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    expect([...list.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['fractions', 'Fractions']);
    expect(screen.getByText('2 of 3 lines contain “fractions”.')).toBeTruthy();
  });

  it.each([
    ['queued', /queued/, true],
    ['running', /being made/, true],
    ['failed', /could not be made/, false],
    ['destroyed', /has been destroyed/, false],
    ['none', /no transcript/, false],
  ] as const)('says the status %s in words', async (status, words, again) => {
    withTranscript({ recordingId: 'rec_1', status, lines: [] });
    render(<TranscriptPanel recordingId="rec_1" onSeek={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show transcript' }));
    expect((await screen.findByRole('status')).textContent).toMatch(words);
    expect(screen.queryByRole('button', { name: 'Check again' }) !== null).toBe(again);
  });

  it('plays the recording from a line: asks for the audited view, then seeks the video to the line’s start', async () => {
    const fetchMock = withTranscript(transcript);
    render(<RecordingPage recordingId="rec_1" showAccessLog={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show transcript' }));
    await userEvent.click(await screen.findByRole('button', { name: /Fractions are parts of a whole/ }));
    const video = await vi.waitFor(() => {
      const element = document.querySelector('video');
      if (!element) throw new Error('no video yet');
      return element;
    });
    expect(requestsMade(fetchMock)).toContain('POST /api/recordings/rec_1/playback');
    const play = vi.fn(() => Promise.resolve());
    Object.defineProperty(video, 'readyState', { value: 1 });
    Object.defineProperty(video, 'play', { value: play });
    fireEvent.loadedMetadata(video);
    expect(video.currentTime).toBe(65);
    expect(play).toHaveBeenCalled();
    // Another line, once playing: seeks at once.
    await userEvent.click(screen.getByRole('button', { name: /Yes, I found the homework hard/ }));
    expect(video.currentTime).toBe(3.5);
  });
});
