import { ParticipantAttribute } from '@assent/shared';
import { useLocalParticipant, useParticipants } from '@livekit/components-react';
import { useState } from 'react';
import { raiseHand } from '../api/room-control';
import { useCallSession } from './call-session';

/**
 * "Raise hand" / "Lower hand" through the server (browsers publish no data), and the raised hands in the
 * order they went up, for everyone: the tutor calls on them in turn.
 */
export function RaiseHand() {
  const { inviteToken } = useCallSession();
  const { localParticipant } = useLocalParticipant();
  const participants = useParticipants();
  const [failed, setFailed] = useState(false);
  const mine = Boolean(localParticipant.attributes[ParticipantAttribute.handRaisedAt]);
  const raised = participants
    .flatMap((p) => {
      const at = p.attributes[ParticipantAttribute.handRaisedAt];
      return at ? [{ identity: p.identity, name: p.name || p.identity, at }] : [];
    })
    .sort((a, b) => a.at.localeCompare(b.at));
  const toggle = () => {
    setFailed(false);
    raiseHand(inviteToken, !mine).catch(() => setFailed(true));
  };
  return (
    <div className="call__notice raise-hand">
      <button type="button" className="lk-button" onClick={toggle}>
        {mine ? 'Lower hand' : 'Raise hand'}
      </button>
      {raised.length > 0 && (
        <ol className="raise-hand__order" aria-label="Raised hands, first first">
          {raised.map((hand) => (
            <li key={hand.identity}>{hand.name}</li>
          ))}
        </ol>
      )}
      {failed && <span role="alert"> Your hand could not be raised. Try again.</span>}
    </div>
  );
}
