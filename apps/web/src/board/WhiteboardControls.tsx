import './board.css';
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
        Whiteboard
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
          {locked ? 'Unlock whiteboard' : 'Lock whiteboard'}
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
