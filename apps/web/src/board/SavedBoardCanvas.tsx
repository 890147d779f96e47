// Loaded with the editor, only on the saved board's page.
import type { BoardElement } from '@assent/shared';
import { CaptureUpdateAction, restoreElements } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useEffect, useState } from 'react';
import { BoardCanvas } from './BoardCanvas';

/** A kept board, read-only and fitted to its box. */
export default function SavedBoardCanvas({ elements }: { elements: BoardElement[] }) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  useEffect(() => {
    if (!api) return;
    api.updateScene({
      elements: restoreElements(elements as unknown as Parameters<typeof restoreElements>[0], null),
      captureUpdate: CaptureUpdateAction.NEVER,
    });
    api.scrollToContent(undefined, { fitToViewport: true, viewportZoomFactor: 0.9, animate: false });
  }, [api, elements]);
  return <BoardCanvas onApi={setApi} viewMode bare />;
}
