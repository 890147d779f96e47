import './board.css';
import { useRoomContext } from '@livekit/components-react';
import { lazy, Suspense, useCallback } from 'react';
import { fetchBoard, postBoardImage, sendBoardElements } from '../api/board';
import { useCallSession } from '../call/call-session';
import { useBoardStatus } from './board-store';
import { loadEditor } from './excalidraw-assets';

const LiveBoard = lazy(() => loadEditor(() => import('./LiveBoard')));

/** The whiteboard as the call's main stage: the editor (loaded now), in view mode while locked for others. */
export function BoardStage() {
  const room = useRoomContext();
  const { inviteToken, role, runsBoard } = useCallSession();
  const locked = useBoardStatus((s) => s.locked);
  const isTutor = role === 'tutor';
  const readOnly = locked && !runsBoard;
  const load = useCallback(() => fetchBoard(inviteToken), [inviteToken]);
  const send = useCallback(
    (elements: Parameters<typeof sendBoardElements>[1]) => sendBoardElements(inviteToken, elements),
    [inviteToken],
  );
  const postImage = useCallback(
    (revision: number, png: Blob, keepalive: boolean) =>
      postBoardImage(inviteToken, revision, png, keepalive),
    [inviteToken],
  );
  return (
    <section className="call__main-stage board-stage" aria-label="Whiteboard">
      {readOnly && (
        <p className="board-stage__locked" role="status">
          Only the tutor can draw
        </p>
      )}
      <Suspense fallback={<p className="board-stage__loading">Loading the whiteboard…</p>}>
        <LiveBoard
          room={room}
          load={load}
          send={readOnly ? undefined : send}
          postImage={postImage}
          isTutor={isTutor}
          viewMode={readOnly}
        />
      </Suspense>
    </section>
  );
}
