/**
 * The talk-time observer's connection to a room, through LiveKit's Node SDK (`@livekit/rtc-node`).
 * It subscribes to microphone tracks only (speaker updates reach a participant only for tracks it is
 * subscribed to) and never reads a frame: no AudioStream is ever made, so no audio reaches this process
 * beyond the SDK's own receive path. What comes out is who LiveKit says is speaking, and who left.
 */
import type { RemoteParticipant, RemoteTrackPublication, Room } from '@livekit/rtc-node';

export interface TalkRoomHandlers {
  /** LiveKit's active speakers (identities) changed; an empty list is silence. */
  speakers(identities: string[]): void;
  /** Someone left the room. */
  left(identity: string): void;
  /**
   * Nobody else is left in the room. LiveKit closes a room only once no standard participant remains, so
   * the observer must leave by itself or the room (and its end) would wait for it forever.
   */
  empty(): void;
  /** The observer's own connection ended (room closed, kicked, network). */
  disconnected(reason: string): void;
}

export interface TalkRoomConnection {
  disconnect(): Promise<void>;
}

export type TalkRoomConnector = (
  url: string,
  token: string,
  handlers: TalkRoomHandlers,
) => Promise<TalkRoomConnection>;

/** The real connector; the SDK (a native module) is loaded on first use only. */
export const rtcNodeTalkRoom: TalkRoomConnector = async (url, token, handlers) => {
  const rtc = await import('@livekit/rtc-node');
  const room: Room = new rtc.Room();
  const microphoneOnly = (publication: RemoteTrackPublication) => {
    if (publication.source === rtc.TrackSource.SOURCE_MICROPHONE) publication.setSubscribed(true);
  };
  room
    .on(rtc.RoomEvent.TrackPublished, (publication: RemoteTrackPublication) => microphoneOnly(publication))
    .on(rtc.RoomEvent.ActiveSpeakersChanged, (speakers) => handlers.speakers(speakers.map((p) => p.identity)))
    .on(rtc.RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => {
      handlers.left(p.identity);
      if (room.remoteParticipants.size === 0) handlers.empty();
    })
    .on(rtc.RoomEvent.Disconnected, (reason) => handlers.disconnected(String(reason)));
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  for (const participant of room.remoteParticipants.values())
    for (const publication of participant.trackPublications.values()) microphoneOnly(publication);
  if (room.remoteParticipants.size === 0) handlers.empty();
  return {
    async disconnect() {
      await room.disconnect();
    },
  };
};
