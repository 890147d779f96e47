import {
  type LocalTrackPublication,
  ParticipantEvent,
  type Room,
  Track,
  type TrackPublication,
} from 'livekit-client';
import { useEffect } from 'react';
import type { DeviceChoices } from '../devices/device-choices';
import { useAssentStore } from '../store';
import { createPublishHold, type MediaKind } from './publish-hold';

const kindOf = (publication: TrackPublication): MediaKind | undefined =>
  publication.source === Track.Source.Camera
    ? 'camera'
    : publication.source === Track.Source.Microphone
      ? 'microphone'
      : undefined;

/**
 * Rule 5: while the server does not let this person publish (they joined a running recording without
 * consenting), camera and microphone stay off and the store says so; when LiveKit gives publishing back,
 * they come on as the person last had them. See publish-hold.ts.
 */
export function usePublishHold(room: Room, choices: DeviceChoices, allowedAtJoin: boolean): void {
  useEffect(() => {
    const participant = room.localParticipant;
    const { setPublishHeld } = useAssentStore.getState();
    // A remount (React's dev double mount) finds LiveKit's word already there.
    const allowed = participant.permissions ? participant.permissions.canPublish : allowedAtJoin;
    setPublishHeld(!allowed);
    const hold = createPublishHold({
      allowedAtJoin: allowed,
      chosen: { camera: choices.videoEnabled, microphone: choices.audioEnabled },
      setMedia: async ({ camera, microphone }) => {
        await Promise.all([
          participant.setCameraEnabled(camera),
          participant.setMicrophoneEnabled(microphone),
        ]);
      },
      onHeld: setPublishHeld,
      mayTurnOn: () => {
        const phase = useAssentStore.getState().withdrawal.kind;
        return phase !== 'media-off' && phase !== 'refused';
      },
    });

    const onPermissions = () => hold.permissionChanged(participant.permissions?.canPublish !== false);
    // Muting is how camera and microphone are turned off; LiveKit revoking publishing unpublishes instead.
    const onPublished = (publication: LocalTrackPublication) => {
      const kind = kindOf(publication);
      if (kind) hold.mediaChosen(kind, !publication.isMuted);
    };
    const onMuted = (publication: TrackPublication) => {
      const kind = kindOf(publication);
      if (kind) hold.mediaChosen(kind, false);
    };
    const onUnmuted = (publication: TrackPublication) => {
      const kind = kindOf(publication);
      if (kind) hold.mediaChosen(kind, true);
    };
    participant
      .on(ParticipantEvent.ParticipantPermissionsChanged, onPermissions)
      .on(ParticipantEvent.LocalTrackPublished, onPublished)
      .on(ParticipantEvent.TrackMuted, onMuted)
      .on(ParticipantEvent.TrackUnmuted, onUnmuted);
    return () => {
      hold.dispose();
      setPublishHeld(false);
      participant
        .off(ParticipantEvent.ParticipantPermissionsChanged, onPermissions)
        .off(ParticipantEvent.LocalTrackPublished, onPublished)
        .off(ParticipantEvent.TrackMuted, onMuted)
        .off(ParticipantEvent.TrackUnmuted, onUnmuted);
    };
  }, [room, allowedAtJoin, choices.audioEnabled, choices.videoEnabled]);
}
