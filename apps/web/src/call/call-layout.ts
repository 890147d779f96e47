/**
 * How this person lays out the call: everyone in a grid, or the person speaking on the main stage with the
 * others in a strip. A shared screen or a pinned tile takes the main stage in either. Each person's own
 * view; nothing of it is sent anywhere.
 */
import { create } from 'zustand';
import { mainStage, type StageChoice, type StageTrack } from './main-stage';

export type CallLayout = 'grid' | 'speaker';

interface CallLayoutState {
  layout: CallLayout;
  setLayout: (layout: CallLayout) => void;
}

export const useCallLayout = create<CallLayoutState>((set) => ({
  layout: 'grid',
  setLayout: (layout) => set({ layout }),
}));

const camera = 'camera';

/**
 * Speaker view's main tile: the camera of whoever spoke last, else of the first other person, else this
 * person's own; the rest stay in the strip in their order.
 */
export function speakerStage<T extends StageTrack>(
  tracks: readonly T[],
  lastSpeaker: string | null,
  localIdentity: string,
): { main: T | null; strip: T[] } {
  const cameras = tracks.filter((t) => t.source === camera);
  const main =
    cameras.find((t) => t.participant.identity === lastSpeaker) ??
    cameras.find((t) => t.participant.identity !== localIdentity) ??
    cameras[0] ??
    null;
  return { main, strip: main === null ? [...tracks] : tracks.filter((t) => t !== main) };
}

/**
 * The main stage in either layout: a pinned tile or a share first (main-stage.ts), for both; with neither,
 * speaker view puts whoever spoke last there and grid view leaves everyone in the grid. `chosen` is the
 * pinned tile or share alone (null while speaker view merely follows the voice).
 */
export function layoutStage<T extends StageTrack>(
  tracks: readonly T[],
  choice: StageChoice,
  layout: CallLayout,
  lastSpeaker: string | null,
  localIdentity: string,
): { main: T | null; strip: T[]; chosen: T | null } {
  const staged = mainStage(tracks, choice);
  if (staged.main !== null || layout === 'grid') return { ...staged, chosen: staged.main };
  return { ...speakerStage(tracks, lastSpeaker, localIdentity), chosen: null };
}

/** The tiles per row in the phone grid: one above the other for two, two side by side from three. */
export function phoneColumns(count: number): number {
  return count <= 2 ? 1 : 2;
}
