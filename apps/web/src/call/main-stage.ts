/**
 * What the call's main stage shows. A shared screen takes it as soon as it appears, for everyone; anyone
 * may pin another tile there or unpin, for themselves only. Unpinning a share gives the whole grid back
 * until a new share starts (a new share is a new track, so it takes the stage again).
 */

/** The parts of a LiveKit track reference (or placeholder) that decide the stage. */
export interface StageTrack {
  participant: { identity: string };
  source: string;
  publication?: { trackSid: string };
}

export interface StageChoice {
  /** The tile this person pinned, by `stageKey`; null when they have not pinned one. */
  pinned: string | null;
  /** Shares this person unpinned: they stay in the strip and do not take the stage again. */
  dismissed: readonly string[];
}

export const noChoice: StageChoice = { pinned: null, dismissed: [] };

const screenShare = 'screen_share';

/** One key per track, or per person's placeholder while their camera is off. */
export function stageKey(track: StageTrack): string {
  return `${track.participant.identity}:${track.source}:${track.publication?.trackSid ?? 'placeholder'}`;
}

export function isShare(track: StageTrack): boolean {
  return track.source === screenShare && track.publication !== undefined;
}

/**
 * The main stage and the strip beside it: the pinned tile while it is there, else the newest share not
 * unpinned; null (everyone in the grid) when neither.
 */
export function mainStage<T extends StageTrack>(
  tracks: readonly T[],
  choice: StageChoice,
): { main: T | null; strip: T[] } {
  const pinned = choice.pinned === null ? undefined : tracks.find((t) => stageKey(t) === choice.pinned);
  const main =
    pinned ??
    [...tracks].reverse().find((t) => isShare(t) && !choice.dismissed.includes(stageKey(t))) ??
    null;
  return { main, strip: main === null ? [...tracks] : tracks.filter((t) => t !== main) };
}

/** Pins a tile to the main stage. */
export function pin(choice: StageChoice, track: StageTrack): StageChoice {
  return { ...choice, pinned: stageKey(track) };
}

/** Takes the main tile off the stage; a share unpinned stays off it. */
export function unpin(choice: StageChoice, main: StageTrack): StageChoice {
  return {
    pinned: null,
    dismissed: isShare(main) ? [...choice.dismissed, stageKey(main)] : choice.dismissed,
  };
}
