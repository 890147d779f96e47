import { GridLayout, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { ParticipantTileWithRole } from './ParticipantTileWithRole';

/** Everyone's camera in a grid; a placeholder tile for people with their camera off. */
export function CallStage() {
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  });
  return (
    <div className="call__stage">
      <GridLayout tracks={tracks} className="call__grid">
        <ParticipantTileWithRole />
      </GridLayout>
    </div>
  );
}
