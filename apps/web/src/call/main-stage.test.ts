import { describe, expect, it } from 'vitest';
import { mainStage, noChoice, pin, type StageTrack, stageKey, unpin } from './main-stage';

const camera = (identity: string): StageTrack => ({
  participant: { identity },
  source: 'camera',
  publication: { trackSid: `TR_cam_${identity}` },
});
const cameraOff = (identity: string): StageTrack => ({ participant: { identity }, source: 'camera' });
const share = (identity: string, n = 1): StageTrack => ({
  participant: { identity },
  source: 'screen_share',
  publication: { trackSid: `TR_share_${identity}_${n}` },
});

describe('the main stage', () => {
  it('is the grid while nobody shares or pins', () => {
    const tracks = [camera('tutor'), cameraOff('student')];
    expect(mainStage(tracks, noChoice)).toEqual({ main: null, strip: tracks });
  });

  it('is a share as soon as one appears, with every camera in the strip', () => {
    const tracks = [camera('tutor'), camera('student'), share('tutor')];
    const { main, strip } = mainStage(tracks, noChoice);
    expect(main).toBe(tracks[2]);
    expect(strip).toEqual([tracks[0], tracks[1]]);
  });

  it('is the newest of two shares', () => {
    const tracks = [camera('tutor'), share('tutor'), share('student')];
    expect(mainStage(tracks, noChoice).main).toBe(tracks[2]);
  });

  it('is what this person pinned, over a share, while it is there', () => {
    const [tutor, student, screen] = [camera('tutor'), camera('student'), share('tutor')];
    const choice = pin(noChoice, student);
    expect(mainStage([tutor, student, screen], choice)).toEqual({ main: student, strip: [tutor, screen] });
    // The pinned person leaves: the share takes the stage back.
    expect(mainStage([tutor, screen], choice).main).toBe(screen);
  });

  it('gives the grid back when a share is unpinned, until a new share starts', () => {
    const [tutor, screen] = [camera('tutor'), share('tutor', 1)];
    const choice = unpin(noChoice, screen);
    expect(mainStage([tutor, screen], choice)).toEqual({ main: null, strip: [tutor, screen] });
    const again = share('tutor', 2);
    expect(mainStage([tutor, again], choice).main).toBe(again);
  });

  it('unpins a camera without dismissing anything', () => {
    const [tutor, screen] = [camera('tutor'), share('tutor')];
    const choice = unpin(pin(noChoice, tutor), tutor);
    expect(choice).toEqual(noChoice);
    expect(mainStage([tutor, screen], choice).main).toBe(screen);
  });

  it('does not treat a placeholder as a share', () => {
    const placeholder: StageTrack = { participant: { identity: 'tutor' }, source: 'screen_share' };
    expect(mainStage([camera('tutor'), placeholder], noChoice).main).toBeNull();
    expect(stageKey(placeholder)).toBe('tutor:screen_share:placeholder');
  });
});
