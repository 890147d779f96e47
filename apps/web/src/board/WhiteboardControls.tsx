import './board.css';
import { LockLockedIcon } from '@livekit/components-react';
import { useState } from 'react';
import { setBoardLocked, setBoardOpen } from '../api/board';
import { failureSentence } from '../api/failure-words';
import { useCallSession } from '../call/call-session';
import { boardPicture, useBoardStatus } from './board-store';

/**
 * The whiteboard buttons of whoever runs the board (the tutor; an admin present in the call) in the control bar: "Whiteboard" opens and closes it for everyone;
 * while open, "Lock whiteboard" / "Unlock whiteboard" lets only the tutor draw, or everyone again.
 */
export function WhiteboardControls() {
  const { inviteToken, runsBoard } = useCallSession();
  const open = useBoardStatus((s) => s.open);
  const locked = useBoardStatus((s) => s.locked);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState('');
  if (!runsBoard) return null;
  const run = (what: () => Promise<unknown>, apply: () => void) => {
    setPending(true);
    setFailure('');
    what().then(
      () => {
        apply();
        setPending(false);
      },
      (error: unknown) => {
        setFailure(failureSentence(error, 'call-command'));
        setPending(false);
      },
    );
  };
  const status = useBoardStatus.getState();
  return (
    <>
      <button
        type="button"
        className="lk-button board-controls__button"
        aria-pressed={open}
        disabled={pending}
        onClick={() =>
          run(
            async () => {
              // The kept picture shows the board as it was closed.
              if (open) await boardPicture.flush?.();
              await setBoardOpen(inviteToken, !open);
            },
            () => status.set({ open: !open, locked }),
          )
        }
      >
        <BoardIcon />
        <span className="control-label">Whiteboard</span>
      </button>
      {open && (
        <button
          type="button"
          className="lk-button"
          disabled={pending}
          onClick={() =>
            run(
              () => setBoardLocked(inviteToken, !locked),
              () => status.set({ open, locked: !locked }),
            )
          }
        >
          <LockLockedIcon aria-hidden="true" />
          <span className="control-label">{locked ? 'Unlock whiteboard' : 'Lock whiteboard'}</span>
        </button>
      )}
      {failure && (
        <p className="call__notice" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

/** A board with a pen: the button's picture on a phone, where the bar shows icons. */
function BoardIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1" y="2" width="14" height="10" rx="1" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M4 9.5 9.5 4l1.5 1.5L5.5 11H4z" fill="currentColor" />
      <path d="M5 14h6" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
