import { describe, expect, it } from 'vitest';
import { layoutStage, phoneColumns, speakerStage } from './call-layout';
import { noChoice, pin, type StageTrack } from './main-stage';

const camera = (identity: string): StageTrack => ({
  participant: { identity },
  source: 'camera',
  publication: { trackSid: `TR_cam_${identity}` },
});
const share = (identity: string): StageTrack => ({
  participant: { identity },
  source: 'screen_share',
  publication: { trackSid: `TR_share_${identity}` },
});

describe('speaker view', () => {
  const tracks = [camera('me'), camera('tutor'), camera('student')];

  it('puts whoever spoke last on the main stage, everyone else in the strip', () => {
    const { main, strip } = speakerStage(tracks, 'student', 'me');
    expect(main).toBe(tracks[2]);
    expect(strip).toEqual([tracks[0], tracks[1]]);
  });

  it('shows the first other person before anyone has spoken, never oneself while others are there', () => {
    expect(speakerStage(tracks, null, 'me').main).toBe(tracks[1]);
    expect(speakerStage(tracks, 'gone-away', 'me').main).toBe(tracks[1]);
  });

  it('shows oneself when alone, and never a shared screen as the speaker', () => {
    expect(speakerStage([camera('me')], null, 'me').main?.participant.identity).toBe('me');
    const withShare = [share('tutor'), camera('me')];
    expect(speakerStage(withShare, 'tutor', 'me').main).toBe(withShare[1]);
  });

  it('is the grid when there is no camera tile at all', () => {
    expect(speakerStage([], null, 'me')).toEqual({ main: null, strip: [] });
  });
});

describe('the main stage in either layout', () => {
  const tracks = [camera('me'), camera('tutor'), camera('student'), share('tutor')];

  it('gives a share the main stage in speaker view too, over whoever is speaking', () => {
    const { main, chosen } = layoutStage(tracks, noChoice, 'speaker', 'student', 'me');
    expect(main).toBe(tracks[3]);
    expect(chosen).toBe(tracks[3]);
  });

  it('gives a pinned person the main stage in both layouts', () => {
    const choice = pin(noChoice, tracks[2] as StageTrack);
    for (const layout of ['grid', 'speaker'] as const) {
      expect(layoutStage(tracks, choice, layout, 'tutor', 'me').main).toBe(tracks[2]);
    }
  });

  it('follows the voice only in speaker view, and says nothing is chosen then', () => {
    const cameras = tracks.slice(0, 3);
    expect(layoutStage(cameras, noChoice, 'grid', 'student', 'me')).toEqual({
      main: null,
      strip: cameras,
      chosen: null,
    });
    const speaking = layoutStage(cameras, noChoice, 'speaker', 'student', 'me');
    expect(speaking.main).toBe(cameras[2]);
    expect(speaking.chosen).toBeNull();
  });
});

describe('the phone grid', () => {
  it('stacks one or two people, and puts three to six two to a row', () => {
    expect([1, 2, 3, 4, 6].map(phoneColumns)).toEqual([1, 1, 2, 2, 2]);
  });
});
