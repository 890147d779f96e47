import type { RecordingStatus } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { type ServerBanner, shownBanner } from './banner-truth';

const server = (status: RecordingStatus, text: string): ServerBanner => ({
  status,
  text,
  purposeLabel: 'Quality assurance',
});

const everyServerState: ServerBanner[] = [
  server('not_requested', 'Not recording'),
  server('waiting', 'Waiting for consent (2 of 3) — Not recording'),
  server('starting', 'Recording starting — quality assurance'),
  server('recording', 'Recording — quality assurance'),
  server('stopping', 'Recording stopping'),
  server('stopped_withdrawn', 'Recording stopped — a participant withdrew consent'),
  server('declined', 'Not recording — a participant declined'),
  server('failed', 'Not recording — the recorder could not start'),
];

describe('the banner believes LiveKit about a recorder in the room', () => {
  it.each(everyServerState)(
    'says Recording whenever LiveKit reports a recorder (server: $status)',
    (state) => {
      const shown = shownBanner(state, true);
      expect(shown.text).toMatch(/^Recording/);
      expect(shown.text).not.toContain('Not recording');
      expect(shown.tone).toBe('on');
    },
  );

  it('keeps the reason while the recorder is leaving, never naming anyone', () => {
    expect(shownBanner(everyServerState[5] as ServerBanner, true).text).toBe(
      'Recording stopping — a participant withdrew consent',
    );
    expect(shownBanner(everyServerState[1] as ServerBanner, true).text).toBe(
      'Recording stopping — waiting for consent (2 of 3)',
    );
    expect(shownBanner(everyServerState[6] as ServerBanner, true).text).toBe(
      'Recording stopping — a participant declined',
    );
  });

  it('says starting when the server says recording but LiveKit has no recorder yet', () => {
    expect(shownBanner(server('recording', 'Recording — quality assurance'), false)).toEqual({
      text: 'Recording starting — Quality assurance',
      tone: 'on',
    });
  });

  it('says starting, not recording, while the recorder is in the room but not yet capturing', () => {
    expect(shownBanner(server('starting', 'Recording starting — quality assurance'), true).text).toBe(
      'Recording starting — Quality assurance',
    );
  });

  it("otherwise says what the server says, in the server's tone", () => {
    expect(shownBanner(everyServerState[1] as ServerBanner, false)).toEqual({
      text: 'Waiting for consent (2 of 3) — Not recording',
      tone: 'waiting',
    });
    expect(shownBanner(everyServerState[6] as ServerBanner, false).tone).toBe('off');
    expect(shownBanner(everyServerState[2] as ServerBanner, false).tone).toBe('on');
  });
});
