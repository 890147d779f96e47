// Loaded with the editor, only on the saved board's page.
import type { BoardElement } from '@assent/shared';
import { restoreElements } from '@excalidraw/excalidraw';
import { useMemo } from 'react';
import { BoardCanvas } from './BoardCanvas';

const noApi = () => {};

/** A kept board, read-only and fitted to its box. */
export default function SavedBoardCanvas({ elements }: { elements: BoardElement[] }) {
  const initialData = useMemo(
    () => ({
      elements: restoreElements(elements as unknown as Parameters<typeof restoreElements>[0], null),
      appState: { viewBackgroundColor: '#ffffff' },
      scrollToContent: true,
    }),
    [elements],
  );
  return <BoardCanvas onApi={noApi} viewMode bare initialData={initialData} />;
}
