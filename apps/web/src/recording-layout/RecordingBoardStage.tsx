import type { TrackReferenceOrPlaceholder } from '@livekit/components-react';
import type { Room } from 'livekit-client';
import { lazy, Suspense, useCallback } from 'react';
import { fetchRecordedBoard } from '../api/board';
import { loadEditor } from '../board/excalidraw-assets';
import { RecordingStage } from './RecordingStage';

const LiveBoard = lazy(() => loadEditor(() => import('../board/LiveBoard')));

/** The open whiteboard as the main stage (view only, fitted), with everyone's camera in a strip beside it. */
export function RecordingBoardStage({
  room,
  boardKey,
  cameras,
}: {
  room: Room;
  boardKey: string;
  cameras: TrackReferenceOrPlaceholder[];
}) {
  const load = useCallback(() => fetchRecordedBoard(boardKey), [boardKey]);
  return (
    <div className="recording-share">
      <div className="recording-share__main recording-board" data-source="whiteboard">
        <Suspense fallback={null}>
          <LiveBoard room={room} load={load} viewMode recording />
        </Suspense>
      </div>
      <div className="recording-share__strip">
        <RecordingStage seats={cameras} />
      </div>
    </div>
  );
}
