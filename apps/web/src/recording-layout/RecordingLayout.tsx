/**
 * The page LiveKit Egress records: everyone's camera with name and role (a shared screen as the main
 * stage, cameras in a strip beside it), everyone's audio, and a footer
 * saying what the recording is. It joins the room as egress's hidden recorder and tells egress to start
 * capturing once there is something to see.
 */

import {
  RoomAudioRenderer,
  RoomContext,
  useConnectionState,
  useRoomInfo,
  useTracks,
} from '@livekit/components-react';
import EgressHelper from '@livekit/egress-sdk';
import { ConnectionState, Room, Track } from 'livekit-client';
import { useEffect, useState } from 'react';
import { useBoardStatus } from '../board/board-store';
import { useBoardStatusFeed } from '../board/useBoardStatusFeed';
import { mainStage, noChoice } from '../call/main-stage';
import { parseLiveRecordingState } from '../call/room-state-schema';
import { type LayoutParams, purposeOf } from './layout-details';
import { RecordingBoardStage } from './RecordingBoardStage';
import { RecordingFooter } from './RecordingFooter';
import { RecordingShareStage } from './RecordingShareStage';
import { RecordingStage } from './RecordingStage';
import { seatsInOrder } from './stage-layout';
import { useStartRecording } from './useStartRecording';

export function RecordingLayout({ params }: { params: LayoutParams }) {
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const purpose = useConsentedPurpose(room);

  useEffect(() => {
    EgressHelper.setRoom(room);
    // One layout only. Registered anyway: the SDK calls this unguarded when egress changes the layout.
    EgressHelper.onLayoutChanged(() => {});
    room.connect(params.livekitUrl, params.token).catch((err: unknown) => {
      console.error('recording layout could not join the room', err);
    });
    return () => {
      void room.disconnect();
    };
  }, [room, params]);

  return (
    <RoomContext.Provider value={room}>
      <main className="recording-layout">
        <RecordedPeople room={room} boardKey={params.boardKey} />
        <RoomAudioRenderer />
        <RecordingFooter title={params.title} purpose={purpose} />
      </main>
    </RoomContext.Provider>
  );
}

function RecordedPeople({ room, boardKey }: { room: Room; boardKey: string }) {
  const joined = useConnectionState() === ConnectionState.Connected;
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  useStartRecording(joined);
  // A shared screen is the main stage here too, as everyone in the call sees it; nobody pins in a recording.
  const { main, strip } = mainStage(seatsInOrder(tracks), noChoice);
  // The open whiteboard is the main stage, as everyone in the call sees it.
  useBoardStatusFeed(room);
  const boardOpen = useBoardStatus((s) => s.open);
  if (boardOpen && boardKey)
    return <RecordingBoardStage room={room} boardKey={boardKey} cameras={seatsInOrder(tracks)} />;
  return main ? <RecordingShareStage share={main} cameras={strip} /> : <RecordingStage seats={strip} />;
}

/** The purpose everyone consented to, from the state the server publishes; kept once known. */
function useConsentedPurpose(room: Room): string {
  const { metadata } = useRoomInfo({ room });
  const [purpose, setPurpose] = useState('');
  useEffect(() => {
    const label = purposeOf(parseLiveRecordingState(metadata));
    if (label) setPurpose(label);
  }, [metadata]);
  return purpose;
}
