import { ParticipantAttribute, seatRoleLabels } from '@assent/shared';
import {
  isTrackReference,
  ParticipantPlaceholder,
  ParticipantTile,
  TrackMutedIndicator,
  useEnsureTrackRef,
  useParticipantAttributes,
  useParticipantInfo,
  VideoTrack,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { TileConnection, TileHand } from './TileStatus';

/** Role from the attribute the server sets; anyone the server did not admit as a known person is a Guest. */
export function roleLabel(role: string | undefined): string {
  return role && Object.hasOwn(seatRoleLabels, role)
    ? seatRoleLabels[role as keyof typeof seatRoleLabels]
    : 'Guest';
}

/** LiveKit's participant tile, with the person's role next to their name. */
export function ParticipantTileWithRole() {
  const trackRef = useEnsureTrackRef();
  const { participant } = trackRef;
  const { name, identity } = useParticipantInfo({ participant });
  const { attributes } = useParticipantAttributes({ participant });
  const displayName = name || attributes?.[ParticipantAttribute.name] || identity;

  return (
    <ParticipantTile>
      {isTrackReference(trackRef) && <VideoTrack trackRef={trackRef} />}
      <div className="lk-participant-placeholder">
        <ParticipantPlaceholder />
      </div>
      <div className="lk-participant-metadata">
        <div className="lk-participant-metadata-item tile-label">
          <TrackMutedIndicator
            trackRef={{ participant, source: Track.Source.Microphone }}
            show="muted"
            // A label on a plain div is not allowed (axe: aria-prohibited-attr); as an image it is read out.
            role="img"
            aria-label="Microphone off"
          />
          <span className="lk-participant-name">{displayName}</span>
          <span className="role-badge">{roleLabel(attributes?.[ParticipantAttribute.role])}</span>
          <TileHand />
        </div>
        <TileConnection />
      </div>
    </ParticipantTile>
  );
}
