import './stage-grid.css';
import {
  GridLayout,
  TrackLoop,
  type TrackReferenceOrPlaceholder,
  useSpeakingParticipants,
} from '@livekit/components-react';
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import { phoneColumns } from './call-layout';

const phone = '(max-width: 600px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(phone);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(phone).matches,
    () => false,
  );
}

/**
 * Everyone's tiles. On a wide screen LiveKit's grid; on a phone a grid of one or two columns that scrolls,
 * so nobody in the call is ever paged out of sight (LiveKit's grid pages from three people on a phone).
 */
export function StageGrid({
  tracks,
  children,
}: {
  tracks: TrackReferenceOrPlaceholder[];
  children: ReactNode;
}) {
  const isPhone = useIsPhone();
  if (!isPhone) {
    return (
      <GridLayout tracks={tracks} className="call__grid">
        {children}
      </GridLayout>
    );
  }
  return (
    <div className="call__phone-grid" data-columns={phoneColumns(tracks.length)}>
      <TrackLoop tracks={tracks}>{children}</TrackLoop>
    </div>
  );
}

/** The person who spoke last other than oneself (speaker view keeps them on stage through pauses). */
export function useLastSpeaker(): string | null {
  const speaking = useSpeakingParticipants();
  const [last, setLast] = useState<string | null>(null);
  const current = speaking.find((p) => !p.isLocal)?.identity;
  useEffect(() => {
    if (current) setLast(current);
  }, [current]);
  return last;
}
