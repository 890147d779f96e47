import './guardian-notice.css';
import { type MinorInCall, ParticipantAttribute } from '@assent/shared';
import { useRemoteParticipants } from '@livekit/components-react';
import { RoomEvent } from 'livekit-client';
import { createContext, type ReactNode, useContext } from 'react';
import { childrenWithoutGuardian } from '../rights/presence/missing-guardians';

/** The minors of the session and their guardians: given to the host's call only (empty for everyone else). */
const MinorsInCallContext = createContext<readonly MinorInCall[]>([]);

export function MinorsInCall({
  minors,
  children,
}: {
  minors: readonly MinorInCall[] | undefined;
  children: ReactNode;
}) {
  return <MinorsInCallContext value={minors ?? []}>{children}</MinorsInCallContext>;
}

// Who is in the room changes on these; the person id attribute is set by the server with the token.
const presenceEvents = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
];

/**
 * VTO: a parent or guardian should be there at the start and end of a session. Tells the host, while
 * a child is in the call without any of their guardians, so they can wait or ask the family to join.
 * Not a `status`: the recording banner is the call's only one.
 */
export function GuardianNotice() {
  const minors = useContext(MinorsInCallContext);
  if (minors.length === 0) return null;
  return <HostGuardianNotice minors={minors} />;
}

function HostGuardianNotice({ minors }: { minors: readonly MinorInCall[] }) {
  const participants = useRemoteParticipants({ updateOnlyOn: presenceEvents });
  const present = new Set(
    participants.flatMap((p) => {
      const personId = p.attributes[ParticipantAttribute.personId];
      return personId ? [personId] : [];
    }),
  );
  const missing = childrenWithoutGuardian(present, minors);
  return (
    <div className="guardian-notice" aria-live="polite">
      {missing.length > 0 && (
        <div className="guardian-notice__box">
          {missing.map((name, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two children may share a name; the order is fixed.
            <p key={`${index}-${name}`}>No parent or guardian is here for {name}.</p>
          ))}
          <p className="guardian-notice__hint">
            A parent or guardian should be present at the start and end of the session.
          </p>
        </div>
      )}
    </div>
  );
}
