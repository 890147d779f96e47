import { ParticipantAttribute } from '@assent/shared';
import { type Participant, ParticipantEvent, Track } from 'livekit-client';
import { useEffect, useState } from 'react';
import { setSharePermission } from '../api/share-permission';
import { useCallSession } from './call-session';

const screenShareSource = Track.sourceToProto(Track.Source.ScreenShare);

/** Whether LiveKit lets this participant share a screen now (its own word, pushed to everyone). */
function useMayShare(participant: Participant): boolean {
  const read = () => {
    const permissions = participant.permissions;
    if (!permissions?.canPublish) return false;
    const sources = permissions.canPublishSources;
    return sources.length === 0 || sources.includes(screenShareSource);
  };
  const [mayShare, setMayShare] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read depends only on participant
  useEffect(() => {
    const update = () => setMayShare(read());
    update();
    participant.on(ParticipantEvent.ParticipantPermissionsChanged, update);
    return () => {
      participant.off(ParticipantEvent.ParticipantPermissionsChanged, update);
    };
  }, [participant]);
  return mayShare;
}

/** For the tutor, on someone else's tile: "Let NAME share" / "Stop NAME sharing". */
export function LetShareButton({ participant, name }: { participant: Participant; name: string }) {
  const { inviteToken } = useCallSession();
  const mayShare = useMayShare(participant);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const personId = participant.attributes[ParticipantAttribute.personId];
  if (!personId) return null;
  const change = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await setSharePermission(inviteToken, { personId, mayShare: !mayShare });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'That did not work; try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stage-tile__share">
      <button type="button" className="stage-tile__let-share" disabled={busy} onClick={() => void change()}>
        {mayShare ? `Stop ${name} sharing` : `Let ${name} share`}
      </button>
      {failure && (
        <p role="alert" className="stage-tile__failure">
          {failure}
        </p>
      )}
    </div>
  );
}
