import type { RecordingStatus } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { type Announced, nextAnnouncement, type ServerBanner, shownBanner } from './banner-truth';

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

  it('names the recording in the same words at every step of a start, whichever witness speaks first', () => {
    const steps = (order: [RecordingStatus, boolean][]) =>
      order.map(
        ([status, livekit]) => shownBanner(server(status, 'the server words it otherwise'), livekit).text,
      );
    const recorderJoinsFirst = steps([
      ['starting', false],
      ['starting', true],
      ['recording', true],
    ]);
    const serverSaysActiveFirst = steps([
      ['starting', false],
      ['recording', false],
      ['recording', true],
    ]);
    for (const texts of [recorderJoinsFirst, serverSaysActiveFirst]) {
      expect(texts).toEqual([
        'Recording starting — Quality assurance',
        'Recording starting — Quality assurance',
        'Recording — Quality assurance',
      ]);
    }
  });

  it('says Recording, without a purpose, when no purpose is known', () => {
    const unnamed = { status: 'recording', text: 'Recording — ' } as const;
    expect(shownBanner(unnamed, true).text).toBe('Recording');
    expect(shownBanner(unnamed, false).text).toBe('Recording starting');
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

describe('what is said aloud follows the banner', () => {
  const hear = (steps: [RecordingStatus, boolean][]) => {
    let announced: Announced = 'nothing';
    const said: string[] = [];
    for (const [status, livekitRecording] of steps) {
      const next = nextAnnouncement(announced, {
        status,
        livekitRecording,
        purposeLabel: 'Quality assurance',
      });
      announced = next.announced;
      if (next.say) said.push(next.say);
    }
    return said;
  };

  it('says started when the banner first says Recording — purpose, stopped when the recorder has left', () => {
    expect(
      hear([
        ['starting', false],
        ['starting', true],
        ['recording', true],
        ['stopped_withdrawn', true],
        ['stopped_withdrawn', false],
      ]),
    ).toEqual(['Recording started: Quality assurance', 'Recording stopped']);
  });

  it('says nothing of a recorder that joined but never began capturing', () => {
    expect(
      hear([
        ['starting', true],
        ['starting', false],
        ['failed', false],
      ]),
    ).toEqual([]);
  });

  it('does not say started while the server calls it active but LiveKit has no recorder', () => {
    expect(hear([['recording', false]])).toEqual([]);
  });
});
