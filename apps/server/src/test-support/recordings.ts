/**
 * A session that was recorded, for vault tests: the session built as the product builds it, the people
 * who came (LiveKit presence), the request and everyone's consent in the log, and egress's finished file
 * on disk, then taken into the vault as the webhook would have it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestPolicyVersion } from '../policy/policy-repository';
import type { TestAccount } from './accounts';
import { type BuiltSession, buildSession, sampleSpec, seatsOf } from './organisation';
import type { TestApp } from './test-app';

/** A file that starts like an MP4 and spans several 64 KiB chunks. */
export function fakeMp4(bytes = 200_000): Buffer {
  const body = randomBytes(bytes);
  Buffer.from('000000186674797069736f6d', 'hex').copy(body, 0);
  return body;
}

/** A real one-second egress-like MP4: H.264 video and Opus audio (made with ffmpeg, kept beside the tests). */
export function cameraAndVoiceMp4(): Buffer {
  return readFileSync(new URL('./fixtures/camera-and-voice.mp4', import.meta.url));
}

export interface RecordedSession {
  built: BuiltSession;
  sessionId: string;
  recordingId: string;
  plaintext: Buffer;
  plaintextPath: string;
  tutor: TestAccount;
  guardian: TestAccount;
}

/** Marks a seat as having joined the call, as LiveKit's webhook would. */
export async function markPresent(t: TestApp, sessionId: string, personId: string) {
  const person = await t.db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const room = await t.db
    .selectFrom('sessions')
    .select('room_name')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('participant_presence')
    .values({
      id: `evt_${randomUUID()}`,
      session_id: sessionId,
      room_name: room.room_name,
      identity: person.livekit_identity,
      person_id: person.id,
      known: 1,
      kind: 'STANDARD',
      joined_at: t.clock.now.toISOString(),
      left_at: null,
    })
    .execute();
}

/** Writes a log entry of the session's request as the consent routes would. */
export async function logEntry(
  t: TestApp,
  sessionId: string,
  seat: { personId: string; name: string; role: string },
  kind: 'request' | 'consent' | 'withdraw',
  requestId: string,
  purpose: string,
  seq: number,
) {
  const version = (await latestPolicyVersion(t.db)) ?? 1;
  await t.db
    .insertInto('consent_log')
    .values({
      id: randomUUID(),
      seq,
      session_id: sessionId,
      person_id: seat.personId,
      person_name: seat.name,
      role: seat.role,
      kind,
      request_id: requestId,
      purpose,
      notice_version: `policy-${version}`,
      client_request_id: randomUUID(),
      user_agent: null,
      at: t.clock.now.toISOString(),
    })
    .execute();
}

/**
 * A finished egress for `requestId` whose file holds `plaintext`; the vault has not seen it yet. Egress
 * started a minute ago; `mediaStartsAfter` seconds later its file began, when egress reported that.
 */
export async function finishedEgress(
  t: TestApp,
  sessionId: string,
  requestId: string,
  plaintext: Buffer,
  mediaStartsAfter?: number,
) {
  const egressId = `EG_${randomUUID()}`;
  const dir = join(t.config.recording.recordingsDir, sessionId);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${requestId}-1.mp4`);
  writeFileSync(path, plaintext);
  const started = new Date(t.clock.now.getTime() - 60_000).toISOString();
  await t.db
    .insertInto('recording_segments')
    .values({
      egress_id: egressId,
      session_id: sessionId,
      request_id: requestId,
      status: 'EGRESS_COMPLETE',
      started_at: started,
      ended_at: t.clock.now.toISOString(),
      media_started_at:
        mediaStartsAfter === undefined
          ? null
          : new Date(Date.parse(started) + mediaStartsAfter * 1000).toISOString(),
      file_path: path,
      chosen_path: path,
      error: null,
      updated_at: t.clock.now.toISOString(),
    })
    .execute();
  return { egressId, path };
}

/** The sample session (tutor, Sam, Pat), recorded for `purpose` with everyone's consent and stored. */
export async function recordedSession(
  t: TestApp,
  options: { purpose?: string; bytes?: number; plaintext?: Buffer; mediaStartsAfter?: number } = {},
): Promise<RecordedSession> {
  const purpose = options.purpose ?? 'quality_assurance';
  const built = await buildSession(t, sampleSpec);
  const sessionId = built.created.sessionId;
  const seats = await seatsOf(t, sessionId);
  const requestId = `req_${randomUUID()}`;
  let seq = 1;
  for (const seat of seats) {
    await markPresent(t, sessionId, seat.personId);
    await logEntry(
      t,
      sessionId,
      seat,
      seat.role === 'tutor' ? 'request' : 'consent',
      requestId,
      purpose,
      seq++,
    );
  }
  const tutorSeat = seats.find((s) => s.role === 'tutor');
  if (tutorSeat) await logEntry(t, sessionId, tutorSeat, 'consent', requestId, purpose, seq++);
  const plaintext = options.plaintext ?? fakeMp4(options.bytes);
  const { path } = await finishedEgress(t, sessionId, requestId, plaintext, options.mediaStartsAfter);
  await t.vault.collect();
  const row = await t.db
    .selectFrom('recordings')
    .select('id')
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return {
    built,
    sessionId,
    recordingId: row.id,
    plaintext,
    plaintextPath: path,
    tutor: built.tutor,
    guardian: built.guardians['Pat Guardian'] as TestAccount,
  };
}
