import { useLocalParticipant, useParticipants } from '@livekit/components-react';
import { useState } from 'react';
import { raiseHand } from '../api/room-control';
import { useCallSession } from './call-session';
import { placeOf, raisedHands } from './raised-hands';

/** Everyone's raised hands in the order they went up. */
export function useRaisedHands() {
  return raisedHands(useParticipants());
}

/**
 * In the control bar: "Raise hand" / "Lower hand" through the server (browsers publish no data), and the
 * raised hands in the order they went up, for everyone: the tutor calls on them in turn.
 */
export function RaiseHand() {
  const { inviteToken } = useCallSession();
  const { localParticipant } = useLocalParticipant();
  const hands = useRaisedHands();
  const [failed, setFailed] = useState(false);
  const mine = placeOf(hands, localParticipant.identity) !== undefined;
  const toggle = () => {
    setFailed(false);
    raiseHand(inviteToken, !mine).catch(() => setFailed(true));
  };
  return (
    <div className="raise-hand">
      <button type="button" className="lk-button" aria-pressed={mine} onClick={toggle}>
        {mine ? 'Lower hand' : 'Raise hand'}
      </button>
      {hands.length > 0 && (
        <ol className="raise-hand__order" aria-label="Raised hands, first first">
          {hands.map((hand) => (
            <li key={hand.identity}>{hand.name}</li>
          ))}
        </ol>
      )}
      {failed && (
        <span role="alert" className="raise-hand__failure">
          Your hand could not be raised. Try again.
        </span>
      )}
    </div>
  );
}
