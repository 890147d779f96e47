import type { SavedBoard } from '@assent/shared';
import { lazy, Suspense, useMemo } from 'react';
import { fetchSavedBoard, savedBoardImageUrl } from '../api/board';
import { describeFailure } from '../api/failure-words';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { loadEditor } from './excalidraw-assets';
import '../styles/signed-in.css';
import './board.css';

const SavedBoardCanvas = lazy(() => loadEditor(() => import('./SavedBoardCanvas')));

/** The board in the editor's own file format, which Excalidraw opens. */
export function excalidrawFile(board: SavedBoard): string {
  return JSON.stringify({
    type: 'excalidraw',
    version: 2,
    source: window.location.origin,
    elements: board.elements,
    appState: { viewBackgroundColor: '#ffffff', gridSize: null },
    files: {},
  });
}

function Downloads({ board }: { board: SavedBoard }) {
  const file = useMemo(
    () => URL.createObjectURL(new Blob([excalidrawFile(board)], { type: 'application/json' })),
    [board],
  );
  return (
    <p className="saved-board__downloads">
      {board.hasImage && (
        <a
          className="button button--secondary"
          href={savedBoardImageUrl(board.sessionId)}
          download="whiteboard.png"
        >
          Download picture
        </a>
      )}{' '}
      <a className="button button--secondary" href={file} download="whiteboard.excalidraw">
        Download board
      </a>
    </p>
  );
}

/**
 * `/sessions/:id/board`: the whiteboard as the session ended, kept with its chat log (the same readers
 * and retention; the server decides and audits every reading). Read-only, with the picture and the file.
 */
export function SessionBoardPage({ sessionId }: { sessionId: string }) {
  usePageTitle('Whiteboard');
  const { state } = useRemote(() => fetchSavedBoard(sessionId));
  return (
    <section className="card" aria-labelledby="saved-board-heading">
      <PageHeading id="saved-board-heading">Whiteboard</PageHeading>
      {state.kind === 'loading' && <PageLoading />}
      {state.kind === 'failed' && (
        <ErrorAlert title={describeFailure(state.error, 'admin').title}>
          <p>{describeFailure(state.error, 'admin').detail}</p>
        </ErrorAlert>
      )}
      {state.kind === 'ready' && (
        <>
          <p className="muted">
            The board as the session ended ({formatDateTime(state.data.savedAt)}), kept with the chat log.
            Your reading is recorded in the audit log.
          </p>
          <Downloads board={state.data} />
          <section className="saved-board" aria-label="Whiteboard">
            <Suspense fallback={<PageLoading />}>
              <SavedBoardCanvas elements={state.data.elements} />
            </Suspense>
          </section>
        </>
      )}
    </section>
  );
}
