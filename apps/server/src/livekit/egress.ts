/**
 * The recording engine behind a port: the consent service starts and stops egresses through it, the
 * reconciler lists them. Statuses travel by enum name (EGRESS_ACTIVE, ...), never by number.
 */
import {
  AudioCodec,
  EgressClient,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  EncodingOptions,
  TwirpError,
  VideoCodec,
} from 'livekit-server-sdk';
import type { LiveKitCredentials } from './tokens';

export interface EgressSnapshot {
  egressId: string;
  roomName: string;
  /** EgressStatus by name: EGRESS_STARTING, EGRESS_ACTIVE, EGRESS_ENDING, EGRESS_COMPLETE, ... */
  status: string;
  /**
   * ISO times, when LiveKit reported them. `startedAt` is when egress began its work, not its file: a room
   * composite first loads its layout page and starts the file when the page says START_RECORDING.
   */
  startedAt?: string;
  endedAt?: string;
  /**
   * When the file's media begins (egress's FileInfo `started_at`, taken as its pipeline starts playing):
   * sent with the EGRESS_ACTIVE update and the final one, absent before.
   */
  fileStartedAt?: string;
  filePath?: string;
  error?: string;
}

export interface StartRecordingInput {
  roomName: string;
  /** Absolute path of the file the egress writes. */
  filepath: string;
}

/** What the recording layout page shows besides the videos (it reads the purpose from room metadata). */
export interface LayoutDetails {
  title?: string | undefined;
  /**
   * The key that lets the layout page read the session's whiteboard (`GET /api/recording-layout/board
   * ?key=…`): egress's browser holds no other credential. Sent as the `board` query parameter.
   */
  boardKey?: string | undefined;
}

export interface EgressPort {
  /** Asks LiveKit for a room composite (audio + video) recording; resolves with the new egress id. */
  startRoomComposite(input: StartRecordingInput): Promise<{ egressId: string }>;
  /** 'not_found' when LiveKit no longer knows the egress: it is over either way. */
  stop(egressId: string): Promise<'stopped' | 'not_found'>;
  /** Egresses LiveKit considers active (starting, active or ending), in one room or in all. */
  listActive(roomName?: string): Promise<EgressSnapshot[]>;
}

/** Statuses after which an egress records nothing more. */
export const finishedEgressStatuses = new Set([
  'EGRESS_COMPLETE',
  'EGRESS_FAILED',
  'EGRESS_ABORTED',
  'EGRESS_LIMIT_REACHED',
]);

export function egressStatusName(status: EgressStatus): string {
  return EgressStatus[status] ?? 'EGRESS_UNKNOWN';
}

const nanosToIso = (value: bigint | undefined) =>
  value && value > 0n ? new Date(Number(value / 1_000_000n)).toISOString() : undefined;

/** An EgressInfo (from the API or a webhook) as the plain snapshot the rest of the server uses. */
export function toEgressSnapshot(info: {
  egressId: string;
  roomName: string;
  status: EgressStatus;
  startedAt?: bigint;
  endedAt?: bigint;
  error?: string;
  fileResults?: { filename: string; startedAt?: bigint }[];
}): EgressSnapshot {
  return {
    egressId: info.egressId,
    roomName: info.roomName,
    status: egressStatusName(info.status),
    startedAt: nanosToIso(info.startedAt),
    endedAt: nanosToIso(info.endedAt),
    fileStartedAt: nanosToIso(info.fileResults?.[0]?.startedAt),
    filePath: info.fileResults?.[0]?.filename || undefined,
    error: info.error || undefined,
  };
}

/**
 * Light on purpose: the machine this runs on has two cores shared with the call itself, so a small
 * picture at a low frame rate, and Opus audio (Debian's GStreamer has no AAC encoder).
 */
export const recordingEncoding = {
  width: 640,
  height: 360,
  framerate: 15,
  videoBitrate: 600,
  audioBitrate: 64,
} as const;

export interface LiveKitEgressOptions {
  /** Seconds to wait for LiveKit to answer a start; without an egress worker it never does. */
  requestTimeoutSeconds?: number;
  /** Our recording layout page, which egress opens in its Chrome; LiveKit's default template otherwise. */
  layoutUrl?: string;
  /** Looks up what the layout shows for a room (the session title). */
  layoutDetails?: (roomName: string) => Promise<LayoutDetails>;
}

/** The layout page's address for one recording: egress appends url, token and layout to its query. */
export function layoutPageUrl(base: string, details: LayoutDetails): string {
  const url = new URL(base);
  if (details.title) url.searchParams.set('title', details.title);
  if (details.boardKey) url.searchParams.set('board', details.boardKey);
  return url.toString();
}

export function createLiveKitEgress(
  apiUrl: string,
  credentials: LiveKitCredentials,
  options: LiveKitEgressOptions = {},
): EgressPort {
  const client = new EgressClient(apiUrl, credentials.apiKey, credentials.apiSecret, {
    requestTimeout: options.requestTimeoutSeconds ?? 10,
  });
  return {
    async startRoomComposite({ roomName, filepath }) {
      const output = new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath });
      const layoutUrl = options.layoutUrl;
      const details = layoutUrl ? await options.layoutDetails?.(roomName).catch(() => ({})) : undefined;
      const info = await client.startRoomCompositeEgress(roomName, output, {
        layout: 'grid',
        ...(layoutUrl ? { customBaseUrl: layoutPageUrl(layoutUrl, details ?? {}) } : {}),
        encodingOptions: new EncodingOptions({
          ...recordingEncoding,
          audioCodec: AudioCodec.OPUS,
          videoCodec: VideoCodec.H264_MAIN,
        }),
      });
      return { egressId: info.egressId };
    },
    async stop(egressId) {
      try {
        await client.stopEgress(egressId);
        return 'stopped';
      } catch (error) {
        if (error instanceof TwirpError && error.code === 'not_found') return 'not_found';
        // LiveKit refuses to stop an egress that already finished.
        if (error instanceof TwirpError && error.code === 'failed_precondition') return 'not_found';
        throw error;
      }
    },
    async listActive(roomName) {
      const infos = await client.listEgress({ ...(roomName ? { roomName } : {}), active: true });
      return infos.map(toEgressSnapshot);
    },
  };
}
