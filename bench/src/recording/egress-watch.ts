/**
 * What the recorder really did, read from LiveKit's own API (listEgress), polled every 50 ms — never from
 * our database. Statuses are compared by enum name.
 */
import { EgressClient, type EgressInfo, EgressStatus } from 'livekit-server-sdk';

export const pollMs = 50;

export const statusOf = (info: EgressInfo) => EgressStatus[info.status] ?? 'EGRESS_UNKNOWN';

const running = new Set(['EGRESS_STARTING', 'EGRESS_ACTIVE', 'EGRESS_ENDING']);
const finished = new Set(['EGRESS_COMPLETE', 'EGRESS_FAILED', 'EGRESS_ABORTED', 'EGRESS_LIMIT_REACHED']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds since the epoch from one of EgressInfo's nanosecond fields; undefined when unset. */
export const nanosToMs = (value: bigint | undefined) =>
  value && value > 0n ? Number(value / 1_000n) / 1000 : undefined;

export interface Sighting {
  info: EgressInfo;
  /** Date.now() when the answer that showed it arrived. */
  seenAt: number;
}

export function egressWatch(url: string, apiKey: string, apiSecret: string) {
  const client = new EgressClient(url, apiKey, apiSecret);

  /** Polls every 50 ms (from one request's start to the next) until `found` picks an answer. */
  async function pollUntil<T>(
    list: () => Promise<EgressInfo[]>,
    found: (infos: EgressInfo[]) => T | undefined,
    timeoutMs: number,
    what: string,
  ): Promise<{ value: T; seenAt: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sentAt = Date.now();
      const value = found(await list());
      const seenAt = Date.now();
      if (value !== undefined) return { value, seenAt };
      if (seenAt > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(Math.max(0, sentAt + pollMs - Date.now()));
    }
  }

  return {
    /** Every egress LiveKit knows for the room. */
    inRoom: (roomName: string) => client.listEgress({ roomName }),

    /** The first egress of the room, not among `known`, that LiveKit lists as EGRESS_ACTIVE. */
    async untilActive(roomName: string, known: ReadonlySet<string>, timeoutMs: number): Promise<Sighting> {
      const { value, seenAt } = await pollUntil(
        () => client.listEgress({ roomName, active: true }),
        (infos) => infos.find((e) => !known.has(e.egressId) && statusOf(e) === 'EGRESS_ACTIVE'),
        timeoutMs,
        `an active egress in ${roomName}`,
      );
      return { info: value, seenAt };
    },

    /**
     * Follows one egress after its stop: when EGRESS_ENDING was first seen (undefined if it was never
     * seen between two polls) and when it was first seen finished.
     */
    async untilFinished(egressId: string, timeoutMs: number) {
      let ending: Sighting | undefined;
      const { value, seenAt } = await pollUntil(
        () => client.listEgress({ egressId }),
        (infos) => {
          const info = infos[0];
          if (!info) return undefined;
          if (!ending && statusOf(info) === 'EGRESS_ENDING') ending = { info, seenAt: Date.now() };
          return finished.has(statusOf(info)) ? info : undefined;
        },
        timeoutMs,
        `egress ${egressId} to finish`,
      );
      return { ending, done: { info: value, seenAt } };
    },

    /** Waits until LiveKit lists no egress starting, active or ending, in any room. */
    async untilNoneRunning(timeoutMs: number): Promise<void> {
      await pollUntil(
        () => client.listEgress({ active: true }),
        (infos) => (infos.some((e) => running.has(statusOf(e))) ? undefined : true),
        timeoutMs,
        'no egress running',
      );
    },
  };
}

export type EgressWatch = ReturnType<typeof egressWatch>;

export { type ProbedFile, probe } from '../../../scripts/recordings/probe';
