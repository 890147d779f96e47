import {
  type MutedMedia,
  ParticipantAttribute,
  parseRoomControlMessage,
  RoomControlTopic,
} from '@assent/shared';
import { useParticipants, useRoomContext } from '@livekit/components-react';
import { RoomEvent } from 'livekit-client';
import { useCallback, useEffect, useState } from 'react';
import {
  endSessionForEveryone,
  fetchRemovedSeats,
  muteParticipant,
  readmitParticipant,
  removeParticipant,
} from '../api/room-control';
import { useCallSession } from './call-session';
import { roleLabel } from './ParticipantTileWithRole';
import { placeOf, raisedHands } from './raised-hands';

const mutedWords: Record<MutedMedia, string> = {
  microphone: 'The tutor turned off your microphone. You can turn it back on.',
  camera: 'The tutor turned off your camera. You can turn it back on.',
  screen_share: 'The tutor stopped your screen share.',
};

/**
 * "People" for everyone: who is in the call, their role and raised hands. The tutor also runs the room
 * from it: Mute, Stop camera and Remove on each person, who was removed (Let back in), and End for
 * everyone. Everyone else sees only what the tutor did to them.
 */
export function RoomControls() {
  return (
    <>
      <RoomControlNotice />
      <PeoplePanel />
    </>
  );
}

/** What the server said the tutor did to this person; only the server's own messages count. */
function RoomControlNotice() {
  const room = useRoomContext();
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const onData = (payload: Uint8Array, sender: unknown, _kind: unknown, topic?: string) => {
      // SECURITY: LiveKit names no sender for the server's messages; browsers cannot publish data anyway.
      if (sender !== undefined || topic !== RoomControlTopic) return;
      const message = parseRoomControlMessage(new TextDecoder().decode(payload));
      if (message) setNotice(mutedWords[message.media]);
    };
    room.on(RoomEvent.DataReceived, onData);
    return () => {
      room.off(RoomEvent.DataReceived, onData);
    };
  }, [room]);
  if (!notice) return null;
  return (
    <div className="call__notice" role="status">
      {notice}{' '}
      <button type="button" className="lk-button" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}

function PeoplePanel() {
  const { inviteToken, role: myRole } = useCallSession();
  const isTutor = myRole === 'tutor';
  const participants = useParticipants();
  const hands = raisedHands(participants);
  // The recorder and other service participants are hidden by LiveKit; anyone else unknown shows as a Guest.
  const people = participants.filter((p) => p.isLocal || !!p.attributes[ParticipantAttribute.personId]);
  const [open, setOpen] = useState(false);
  const [removed, setRemoved] = useState<{ personId: string; name: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const refreshRemoved = useCallback(() => {
    fetchRemovedSeats(inviteToken).then(
      (list) => setRemoved(list.people),
      () => undefined,
    );
  }, [inviteToken]);
  useEffect(() => {
    if (open && isTutor) refreshRemoved();
  }, [open, isTutor, refreshRemoved]);

  const act = (what: Promise<unknown>, done: string) =>
    what.then(
      () => {
        setMessage(done);
        refreshRemoved();
      },
      (error: unknown) =>
        setMessage(error instanceof Error ? error.message : 'That did not work. Try again.'),
    );

  return (
    <div className="call__notice call__notice--panel room-controls">
      <button type="button" className="lk-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        People
      </button>
      {open && (
        <section aria-label="People in the call">
          <ul className="room-controls__list">
            {people.map((p) => {
              const personId = p.attributes[ParticipantAttribute.personId] ?? '';
              const name = p.name || p.identity;
              const hand = placeOf(hands, p.identity);
              return (
                <li key={p.identity}>
                  <span>
                    {name}
                    {p.isLocal ? ' (you)' : ''} · {roleLabel(p.attributes[ParticipantAttribute.role])}
                    {hand !== undefined && ` · hand raised (${hand})`}
                  </span>
                  {isTutor && !p.isLocal && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="lk-button"
                        onClick={() =>
                          act(
                            muteParticipant(inviteToken, { personId, media: 'microphone' }),
                            `${name}'s microphone is off.`,
                          )
                        }
                      >
                        Mute {name}
                      </button>{' '}
                      <button
                        type="button"
                        className="lk-button"
                        onClick={() =>
                          act(
                            muteParticipant(inviteToken, { personId, media: 'camera' }),
                            `${name}'s camera is off.`,
                          )
                        }
                      >
                        Stop {name}'s camera
                      </button>{' '}
                      <button
                        type="button"
                        className="lk-button"
                        onClick={() =>
                          act(removeParticipant(inviteToken, personId), `${name} was removed from the call.`)
                        }
                      >
                        Remove {name}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {isTutor && removed.length > 0 && (
            <ul className="room-controls__list" aria-label="Removed from the call">
              {removed.map((p) => (
                <li key={p.personId}>
                  <span>{p.name} (removed)</span>{' '}
                  <button
                    type="button"
                    className="lk-button"
                    onClick={() =>
                      act(readmitParticipant(inviteToken, p.personId), `${p.name} can join again.`)
                    }
                  >
                    Let {p.name} back in
                  </button>
                </li>
              ))}
            </ul>
          )}
          {isTutor && (
            <button
              type="button"
              className="lk-button"
              onClick={() => {
                if (window.confirm('End the session for everyone? Any recording stops first.')) {
                  void act(endSessionForEveryone(inviteToken), 'The session has ended.');
                }
              }}
            >
              End session for everyone
            </button>
          )}
          {message && <p role="status">{message}</p>}
        </section>
      )}
    </div>
  );
}
