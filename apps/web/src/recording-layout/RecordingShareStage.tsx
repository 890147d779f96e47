import { TrackRefContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { ParticipantTileWithRole } from '../call/ParticipantTileWithRole';
import { RecordingStage } from './RecordingStage';

/** A shared screen as the main stage, with everyone's camera in a strip beside it, names and roles as ever. */
export function RecordingShareStage({
  share,
  cameras,
}: {
  share: TrackReferenceOrPlaceholder;
  cameras: TrackReferenceOrPlaceholder[];
}) {
  return (
    <div className="recording-share">
      <div className="recording-share__main" data-source={share.source}>
        <TrackRefContext.Provider value={share}>
          <ParticipantTileWithRole />
        </TrackRefContext.Provider>
      </div>
      <div className="recording-share__strip">
        <RecordingStage seats={cameras} />
      </div>
    </div>
  );
}
