// Loaded with the editor, only on the saved board's page.
import type { BoardElement } from '@assent/shared';
import { restoreElements } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useEffect, useMemo, useState } from 'react';
import { BoardCanvas } from './BoardCanvas';
import { refitOnResize } from './refit-on-resize';

/** A kept board, read-only and fitted to its box, again whenever the window is resized. */
export default function SavedBoardCanvas({ elements }: { elements: BoardElement[] }) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const initialData = useMemo(
    () => ({
      elements: restoreElements(elements as unknown as Parameters<typeof restoreElements>[0], null),
      appState: { viewBackgroundColor: '#ffffff' },
      scrollToContent: true,
    }),
    [elements],
  );
  useEffect(() => {
    if (!api) return;
    return refitOnResize(window, () => api.scrollToContent(undefined, { fitToContent: true }));
  }, [api]);
  return <BoardCanvas onApi={setApi} viewMode bare initialData={initialData} />;
}
