import { ParticipantEvent, type Room } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import type { DeviceChoices } from '../join/device-choices';

/**
 * Rule 5: someone who joins a running recording without having consented may not publish until they
 * consent or it stops; the server says so in their token and lifts it through LiveKit. While held, their
 * camera and microphone stay off; once allowed, they come on as chosen on the join page.
 */
export function usePublishHold(room: Room, choices: DeviceChoices, canPublishAtJoin: boolean): boolean {
  const [held, setHeld] = useState(!canPublishAtJoin);
  const heldNow = useRef(held);
  useEffect(() => {
    const participant = room.localParticipant;
    const onPermissions = () => {
      const canPublish = participant.permissions?.canPublish ?? true;
      const wasHeld = heldNow.current;
      heldNow.current = !canPublish;
      setHeld(!canPublish);
      if (wasHeld && canPublish) {
        Promise.all([
          participant.setMicrophoneEnabled(choices.audioEnabled),
          participant.setCameraEnabled(choices.videoEnabled),
        ]).catch(() => {
          // A device that fails now is reported by the room's MediaDevicesError like any other.
        });
      }
    };
    participant.on(ParticipantEvent.ParticipantPermissionsChanged, onPermissions);
    return () => {
      participant.off(ParticipantEvent.ParticipantPermissionsChanged, onPermissions);
    };
  }, [room, choices.audioEnabled, choices.videoEnabled]);
  return held;
}
