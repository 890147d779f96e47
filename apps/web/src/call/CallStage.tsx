import { GridLayout, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { type RefObject, useEffect, useRef } from 'react';
import { GuardianNotice } from './GuardianNotice';
import { ParticipantTileWithRole } from './ParticipantTileWithRole';

/** Everyone's camera in a grid; a placeholder tile for people with their camera off. */
export function CallStage() {
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  });
  const stage = useRef<HTMLDivElement>(null);
  useNamedPaginationButtons(stage);
  return (
    <div className="call__stage" ref={stage}>
      <GuardianNotice />
      <GridLayout tracks={tracks} className="call__grid">
        <ParticipantTileWithRole />
      </GridLayout>
    </div>
  );
}

/**
 * GridLayout pages its tiles on small screens with icon-only buttons that have no accessible name;
 * name them, and again whenever the grid re-renders them.
 */
function useNamedPaginationButtons(container: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const name = () => {
      const buttons = root.querySelectorAll<HTMLButtonElement>('.lk-pagination-control > button');
      buttons[0]?.setAttribute('aria-label', 'Previous people');
      buttons[1]?.setAttribute('aria-label', 'Next people');
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}
