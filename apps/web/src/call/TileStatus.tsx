import './tile-status.css';
import { ParticipantAttribute } from '@assent/shared';
import {
  ConnectionQualityIndicator,
  useConnectionQualityIndicator,
  useEnsureTrackRef,
  useParticipantAttributes,
} from '@livekit/components-react';
import { ConnectionQuality } from 'livekit-client';
import { useRaisedHands } from './RaiseHand';
import { placeOf } from './raised-hands';

const qualityWords: Record<ConnectionQuality, string> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/** On a tile: the person's place in the raised-hands queue, while their hand is up. */
export function TileHand() {
  const { participant } = useEnsureTrackRef();
  const { attributes } = useParticipantAttributes({ participant });
  // Only a raised hand follows everyone else's: a tile without one does not re-render on every change.
  return attributes?.[ParticipantAttribute.handRaisedAt] ? (
    <HandPlace identity={participant.identity} />
  ) : null;
}

function HandPlace({ identity }: { identity: string }) {
  const place = placeOf(useRaisedHands(), identity);
  if (place === undefined) return null;
  return (
    <span className="tile-hand" role="img" aria-label={`Hand raised, number ${place}`}>
      ✋ {place}
    </span>
  );
}

/** On a tile: LiveKit's measure of the person's connection, read out; "Connection lost" in words. */
export function TileConnection() {
  const { participant } = useEnsureTrackRef();
  const { quality } = useConnectionQualityIndicator({ participant });
  return (
    <>
      {quality === ConnectionQuality.Lost && !participant.isLocal && (
        <span className="tile-connection-lost">Connection lost</span>
      )}
      <ConnectionQualityIndicator
        participant={participant}
        className="lk-participant-metadata-item"
        // A label on a plain div is not allowed (axe: aria-prohibited-attr); as an image it is read out.
        role="img"
        aria-label={`Connection: ${qualityWords[quality]}`}
      />
    </>
  );
}
