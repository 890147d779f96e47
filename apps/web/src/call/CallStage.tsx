import { useRoomContext, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { type RefObject, useEffect, useRef } from 'react';
import { useBoardStatusFeed } from '../board/useBoardStatusFeed';
import { GuardianNotice } from './GuardianNotice';
import { SharedStage } from './SharedStage';

/** Everyone's camera (a placeholder tile while it is off), and any shared screen as the main stage. */
export function CallStage() {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const stage = useRef<HTMLDivElement>(null);
  useBoardStatusFeed(useRoomContext());
  useNamedPaginationButtons(stage);
  return (
    <div className="call__stage" ref={stage}>
      <GuardianNotice />
      <SharedStage tracks={tracks} />
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
