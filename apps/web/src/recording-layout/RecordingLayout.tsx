/**
 * The page LiveKit Egress records: everyone's camera in a grid with name and role, everyone's audio, and a
 * footer saying what the recording is. It joins the room as egress's hidden recorder and tells egress to
 * start capturing once there is something to see.
 */

import { GridLayout, RoomAudioRenderer, RoomContext, useTracks } from '@livekit/components-react';
import EgressHelper from '@livekit/egress-sdk';
import { Room, RoomEvent, Track } from 'livekit-client';
import { useEffect, useState } from 'react';
import { ParticipantTileWithRole } from '../call/ParticipantTileWithRole';
import { parseLiveRecordingState } from '../call/room-state-schema';
import { type LayoutParams, purposeOf, startWithoutVideoAfterMs } from './layout-details';
import { RecordingFooter } from './RecordingFooter';

export function RecordingLayout({ params }: { params: LayoutParams }) {
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [purpose, setPurpose] = useState('');

  useEffect(() => {
    const showPurpose = () => {
      const label = purposeOf(parseLiveRecordingState(room.metadata));
      if (label) setPurpose(label);
    };
    room.on(RoomEvent.RoomMetadataChanged, showPurpose).on(RoomEvent.Connected, showPurpose);
    EgressHelper.setRoom(room);
    room.connect(params.livekitUrl, params.token).catch((err: unknown) => {
      console.error('recording layout could not join the room', err);
    });
    return () => {
      room.off(RoomEvent.RoomMetadataChanged, showPurpose).off(RoomEvent.Connected, showPurpose);
      void room.disconnect();
    };
  }, [room, params]);

  return (
    <RoomContext.Provider value={room}>
      <main className="recording-layout">
        <RecordingGrid />
        <RoomAudioRenderer />
        <RecordingFooter title={params.title} purpose={purpose} />
      </main>
    </RoomContext.Provider>
  );
}

function RecordingGrid() {
  // The page itself is the recorder, a participant too: everyone but it.
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  }).filter((track) => !track.participant.isLocal);
  const showingVideo = tracks.some((t) => t.publication?.isSubscribed && !t.publication.isMuted);
  useStartRecording(showingVideo);
  if (tracks.length === 0) return <p className="recording-layout__waiting">Waiting for video…</p>;
  return (
    <GridLayout tracks={tracks} className="recording-layout__grid">
      <ParticipantTileWithRole />
    </GridLayout>
  );
}

/** Egress captures from the moment the page says START_RECORDING; say it once, as soon as it is worth it. */
function useStartRecording(showingVideo: boolean) {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (started) return;
    const start = () => {
      setStarted(true);
      EgressHelper.startRecording();
    };
    if (showingVideo) {
      // One frame later, so the first picture is painted before capture begins.
      const frame = requestAnimationFrame(start);
      return () => cancelAnimationFrame(frame);
    }
    const timer = setTimeout(start, startWithoutVideoAfterMs);
    return () => clearTimeout(timer);
  }, [showingVideo, started]);
}
