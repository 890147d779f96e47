/** In-memory stand-ins for LiveKit's room service and egress, recording every call made to them. */
import type { EgressPort, EgressSnapshot } from '../livekit/egress';
import type { RoomParticipant, RoomService } from '../livekit/room-service';

export interface FakeEgress extends EgressPort {
  /** Every egress ever started, by id, with whether it is still running (no stop received). */
  readonly egresses: Map<string, { roomName: string; filepath: string; running: boolean; status: string }>;
  readonly starts: { roomName: string; filepath: string; at: number }[];
  readonly stops: { egressId: string; at: number }[];
  /** Makes the next start calls fail (as LiveKit does with no egress worker). */
  failStarts: number;
  /** Called when stop() is called, before the stop takes effect (it may query the database). */
  onStop?: (egressId: string) => void | Promise<void>;
  /** Called synchronously when startRoomComposite() is called. */
  onStart?: (roomName: string) => void;
  /** An egress LiveKit runs that the machine never started (for the reconciler). */
  addStray(roomName: string, status?: string): string;
  running(): string[];
}

let egressCounter = 0;

export function createFakeEgress(): FakeEgress {
  const fake: FakeEgress = {
    egresses: new Map(),
    starts: [],
    stops: [],
    failStarts: 0,
    async startRoomComposite({ roomName, filepath }) {
      fake.onStart?.(roomName);
      fake.starts.push({ roomName, filepath, at: performance.now() });
      if (fake.failStarts > 0) {
        fake.failStarts -= 1;
        throw new Error('twirp error unknown: no response from servers');
      }
      egressCounter += 1;
      const egressId = `EG_fake_${egressCounter}`;
      fake.egresses.set(egressId, { roomName, filepath, running: true, status: 'EGRESS_STARTING' });
      return { egressId };
    },
    async stop(egressId) {
      const at = performance.now();
      await fake.onStop?.(egressId);
      fake.stops.push({ egressId, at });
      const egress = fake.egresses.get(egressId);
      if (!egress?.running) return 'not_found';
      egress.running = false;
      egress.status = 'EGRESS_ENDING';
      return 'stopped';
    },
    async listActive(roomName) {
      const list: EgressSnapshot[] = [];
      for (const [egressId, egress] of fake.egresses) {
        if (!egress.running && egress.status !== 'EGRESS_ENDING') continue;
        if (roomName && egress.roomName !== roomName) continue;
        list.push({ egressId, roomName: egress.roomName, status: egress.status });
      }
      return list;
    },
    addStray(roomName, status = 'EGRESS_ACTIVE') {
      egressCounter += 1;
      const egressId = `EG_stray_${egressCounter}`;
      fake.egresses.set(egressId, { roomName, filepath: '/elsewhere.mp4', running: true, status });
      return egressId;
    },
    running() {
      return [...fake.egresses].filter(([, e]) => e.running).map(([id]) => id);
    },
  };
  return fake;
}

export interface FakeRoomService extends RoomService {
  /** Participants present per room. */
  readonly rooms: Map<string, RoomParticipant[]>;
  readonly metadata: Map<string, string>;
  /** Every room metadata value set, in order. */
  readonly metadataLog: { roomName: string; metadata: string }[];
  /** Private data messages sent, in order. */
  readonly privateMessages: { roomName: string; identity: string; topic: string; payload: string }[];
  /** Room-wide data messages sent, in order. */
  readonly roomMessages: { roomName: string; topic: string; payload: string }[];
  /** Publish permission last set per `room/identity` (also kept on the participant in `rooms`). */
  readonly canPublish: Map<string, boolean>;
  /** Tracks muted by the server, as `room/identity/SOURCE`. */
  readonly mutedTracks: string[];
  /** Attributes the server set, per `room/identity`. */
  readonly attributes: Map<string, Record<string, string>>;
  /** Rooms closed by the server, in order. */
  readonly deletedRooms: string[];
  /** Makes the next publish permission updates fail. */
  failPermissionUpdates: number;
  /** When true every call fails as if LiveKit were down. */
  down: boolean;
}

export function createFakeRoomService(): FakeRoomService {
  const check = (fake: FakeRoomService) => {
    if (fake.down) throw new Error('connect ECONNREFUSED');
  };
  const fake: FakeRoomService = {
    rooms: new Map(),
    metadata: new Map(),
    metadataLog: [],
    privateMessages: [],
    roomMessages: [],
    canPublish: new Map(),
    mutedTracks: [],
    attributes: new Map(),
    deletedRooms: [],
    failPermissionUpdates: 0,
    down: false,
    async listParticipants(roomName) {
      check(fake);
      return [...(fake.rooms.get(roomName) ?? [])];
    },
    async removeParticipant(roomName, identity) {
      check(fake);
      fake.rooms.set(
        roomName,
        (fake.rooms.get(roomName) ?? []).filter((p) => p.identity !== identity),
      );
    },
    async updateRoomMetadata(roomName, metadata) {
      check(fake);
      if (!fake.rooms.has(roomName)) throw new Error('requested room does not exist');
      fake.metadata.set(roomName, metadata);
      fake.metadataLog.push({ roomName, metadata });
    },
    async sendPrivately(roomName, identity, topic, payload) {
      check(fake);
      fake.privateMessages.push({ roomName, identity, topic, payload });
    },
    async sendToRoom(roomName, topic, payload) {
      check(fake);
      fake.roomMessages.push({ roomName, topic, payload });
    },
    async setCanPublish(roomName, identity, canPublish) {
      check(fake);
      if (fake.failPermissionUpdates > 0) {
        fake.failPermissionUpdates -= 1;
        throw new Error('twirp error unavailable');
      }
      const participant = (fake.rooms.get(roomName) ?? []).find((p) => p.identity === identity);
      if (!participant) throw new Error('participant does not exist');
      participant.canPublish = canPublish;
      fake.canPublish.set(`${roomName}/${identity}`, canPublish);
    },
    async setMayShare(roomName, identity, mayShare) {
      check(fake);
      const participant = (fake.rooms.get(roomName) ?? []).find((p) => p.identity === identity);
      if (!participant) throw new Error('participant does not exist');
      participant.mayShare = mayShare;
    },
    async muteTracks(roomName, identity, sources) {
      check(fake);
      if (!(fake.rooms.get(roomName) ?? []).some((p) => p.identity === identity)) {
        throw new Error('participant does not exist');
      }
      for (const source of sources) fake.mutedTracks.push(`${roomName}/${identity}/${source}`);
      return sources.length;
    },
    async setAttributes(roomName, identity, attributes) {
      check(fake);
      if (!(fake.rooms.get(roomName) ?? []).some((p) => p.identity === identity)) {
        throw new Error('participant does not exist');
      }
      const key = `${roomName}/${identity}`;
      fake.attributes.set(key, { ...fake.attributes.get(key), ...attributes });
    },
    async deleteRoom(roomName) {
      check(fake);
      fake.rooms.delete(roomName);
      fake.deletedRooms.push(roomName);
    },
  };
  return fake;
}
