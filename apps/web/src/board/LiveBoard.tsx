// Loaded only when the board opens (with the editor): the live board of the call and of the recording.
import { type BoardElement, type BoardState, ParticipantAttribute } from '@assent/shared';
import {
  CaptureUpdateAction,
  exportToBlob,
  reconcileElements,
  restoreElements,
} from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { type RemoteParticipant, type Room, RoomEvent } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { BoardCanvas } from './BoardCanvas';
import { boardPacketFrom } from './board-packet';
import { boardPicture } from './board-store';
import { BoardLedger, BoardSender } from './board-sync';

/** How long the board must be quiet before its picture is made. */
const settleMs = 2000;

export interface LiveBoardProps {
  room: Room;
  /** The whole board, from the server. */
  load: () => Promise<BoardState>;
  /** Sends this browser's changes; absent where nobody draws (the recording). */
  send?: (elements: BoardElement[]) => Promise<{ revision: number }>;
  /** Keeps a picture of the board with the session; absent where nobody keeps one. */
  postImage?: (revision: number, png: Blob, keepalive: boolean) => Promise<void>;
  /** Whether this browser is the tutor's (the tutor's browser makes the pictures while present). */
  isTutor?: boolean;
  viewMode: boolean;
  /** The recording: no tool bars, the drawing fitted to the stage. */
  recording?: boolean;
}

interface TestHook {
  elements: () => readonly unknown[];
  revision: () => number;
}

declare global {
  interface Window {
    /** Read by the end-to-end tests: what this browser's board shows. */
    __assentBoard?: TestHook;
  }
}

// Excalidraw's element and scene types are its own; the board's wire format keeps them as given.
const asWire = (elements: readonly unknown[]) => elements as unknown as BoardElement[];
const asScene = (elements: readonly BoardElement[]) =>
  restoreElements(elements as unknown as Parameters<typeof restoreElements>[0], null);

export default function LiveBoard({
  room,
  load,
  send,
  postImage,
  isTutor = false,
  viewMode,
  recording = false,
}: LiveBoardProps) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const ledger = useRef(new BoardLedger()).current;
  const state = useRef({ revision: 0, lastFrom: '', pictured: -1 });
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sender = useRef<BoardSender<BoardElement> | null>(null);
  const latest = useRef({ load, send, postImage, isTutor, recording });
  latest.current = { load, send, postImage, isTutor, recording };

  if (sender.current === null) {
    sender.current = new BoardSender<BoardElement>({
      post: async (elements) => {
        const send = latest.current.send;
        if (!send) return;
        const { revision } = await send(elements);
        const s = state.current;
        s.revision = Math.max(s.revision, revision);
        s.lastFrom = room.localParticipant.identity;
      },
      // Refused for good (locked, closed, too large): the next load shows the board as the server keeps
      // it. Too many at once (429) passes: sent again later.
      isFinal: (error) =>
        error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429,
    });
  }

  useEffect(() => {
    if (!api) return;
    let disposed = false;
    const s = state.current;

    /** Whether this browser makes the picture: the tutor's while present, else whoever changed it last. */
    const picturesHere = () => {
      if (!latest.current.postImage) return false;
      if (latest.current.isTutor) return true;
      const tutorPresent = [...room.remoteParticipants.values()].some(
        (p) => p.attributes[ParticipantAttribute.role] === 'tutor',
      );
      return !tutorPresent && s.lastFrom === room.localParticipant.identity;
    };
    const picture = async (keepalive: boolean) => {
      await sender.current?.idle();
      const postImage = latest.current.postImage;
      if (!postImage || !picturesHere() || s.pictured === s.revision || s.revision === 0) return;
      const revision = s.revision;
      const png = await exportToBlob({
        elements: api.getSceneElements(),
        appState: { ...api.getAppState(), exportBackground: true, viewBackgroundColor: '#ffffff' },
        files: api.getFiles(),
        mimeType: 'image/png',
        exportPadding: 16,
      });
      await postImage(revision, png, keepalive);
      s.pictured = revision;
    };
    const changed = () => {
      clearTimeout(settle.current);
      settle.current = setTimeout(() => void picture(false).catch(() => {}), settleMs);
    };
    const fitRecording = () => {
      // After the editor has drawn the new scene at its measured size.
      if (latest.current.recording)
        requestAnimationFrame(() =>
          api.scrollToContent(undefined, { fitToViewport: true, viewportZoomFactor: 0.9, animate: false }),
        );
    };

    const loadAll = () => {
      latest.current.load().then(
        (board) => {
          if (disposed) return;
          ledger.clear();
          ledger.note(board.elements);
          s.revision = board.revision;
          api.updateScene({
            elements: reconcileElements(
              api.getSceneElementsIncludingDeleted(),
              asScene(board.elements) as never,
              api.getAppState(),
            ),
            captureUpdate: CaptureUpdateAction.NEVER,
          });
          fitRecording();
        },
        () => {},
      );
    };

    const onData = (
      payload: Uint8Array,
      participant: RemoteParticipant | undefined,
      _kind: unknown,
      topic: string | undefined,
    ) => {
      const packet = boardPacketFrom(payload, participant, topic);
      if (!packet) return;
      if (packet.type === 'reload') return loadAll();
      if (packet.type !== 'elements') return;
      s.revision = Math.max(s.revision, packet.revision);
      s.lastFrom = packet.from;
      // Nothing newer than this browser knows (its own echo, say): nothing to apply.
      const fresh = ledger.incoming(packet.elements);
      if (fresh.length > 0) {
        api.updateScene({
          elements: reconcileElements(
            api.getSceneElementsIncludingDeleted(),
            asScene(fresh) as never,
            api.getAppState(),
          ),
          // Not on this person's undo stack: undo takes back only their own strokes.
          captureUpdate: CaptureUpdateAction.NEVER,
        });
        fitRecording();
      }
      changed();
    };

    const onPageHide = () => void picture(true).catch(() => {});
    boardPicture.flush = () => picture(false).catch(() => {});
    window.__assentBoard = { elements: () => api.getSceneElements(), revision: () => s.revision };
    loadAll();
    room.on(RoomEvent.DataReceived, onData).on(RoomEvent.Reconnected, loadAll);
    window.addEventListener('pagehide', onPageHide);
    const unsubscribe = api.onChange((elements) => {
      if (!latest.current.send) return;
      const mine = ledger.changed(asWire(elements));
      if (mine.length === 0) return;
      ledger.note(mine);
      sender.current?.send(mine);
      changed();
    });
    return () => {
      disposed = true;
      unsubscribe();
      clearTimeout(settle.current);
      room.off(RoomEvent.DataReceived, onData).off(RoomEvent.Reconnected, loadAll);
      window.removeEventListener('pagehide', onPageHide);
      boardPicture.flush = undefined;
      window.__assentBoard = undefined;
    };
  }, [api, room, ledger]);

  return <BoardCanvas onApi={setApi} viewMode={viewMode || !send} bare={recording} />;
}
