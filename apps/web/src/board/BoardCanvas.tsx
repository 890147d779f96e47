// The editor itself, loaded only when a board is shown: this module and Excalidraw come in their own chunk.
import '@excalidraw/excalidraw/index.css';
import './board-canvas.css';
import { Excalidraw, MainMenu } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI, ExcalidrawProps } from '@excalidraw/excalidraw/types';
import { type RefObject, useEffect, useRef } from 'react';

export interface BoardCanvasProps {
  onApi: (api: ExcalidrawImperativeAPI) => void;
  viewMode: boolean;
  /** The recording's and the saved board's look: no tool bars or menus at all. */
  bare?: boolean;
  onChange?: ExcalidrawProps['onChange'];
  /** What the board shows from the start (a kept board), fitted to the box. */
  initialData?: ExcalidrawProps['initialData'];
}

/**
 * Excalidraw with what does not fit a children's tutoring call turned off: no pictures (nothing is
 * uploaded), no library, no collaboration or sharing links, no export to files or the cloud, no links out
 * of the main menu.
 */
export function BoardCanvas({ onApi, viewMode, bare = false, onChange, initialData }: BoardCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  useNamedMenuButton(box);
  return (
    <div className={bare ? 'board-canvas board-canvas--bare' : 'board-canvas'} ref={box}>
      <Excalidraw
        excalidrawAPI={onApi}
        initialData={initialData}
        viewModeEnabled={viewMode}
        zenModeEnabled={bare}
        theme="light"
        langCode="en"
        onChange={onChange}
        detectScroll={false}
        handleKeyboardGlobally={false}
        UIOptions={{
          canvasActions: {
            changeViewBackgroundColor: false,
            clearCanvas: false,
            export: false,
            loadScene: false,
            saveAsImage: false,
            saveToActiveFile: false,
            toggleTheme: false,
          },
          tools: { image: false },
        }}
        validateEmbeddable={false}
        aiEnabled={false}
      >
        <MainMenu>
          <MainMenu.DefaultItems.Help />
        </MainMenu>
      </Excalidraw>
    </div>
  );
}

/**
 * Excalidraw's menu button is an icon without an accessible name; name it, and again whenever the editor
 * draws it anew (it moves between the top and the bottom bar with the screen's width).
 */
function useNamedMenuButton(box: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    const name = () => {
      for (const button of root.querySelectorAll<HTMLButtonElement>('.main-menu-trigger:not([aria-label])'))
        button.setAttribute('aria-label', 'Whiteboard menu');
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [box]);
}
