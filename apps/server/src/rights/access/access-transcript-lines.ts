/**
 * The subject's own lines in transcripts, for the access archive: what they said in recordings of their
 * sessions that they may watch now. The stored answer never holds transcript text (it is kept apart from
 * the vault, and would outlive a destroyed transcript), so the lines are read from the vault each time
 * the archive is downloaded: whether the subject may watch is `can`'s rule with their own account, as
 * reading the transcript would be (a transcript its recording's retention outlived included), and each
 * transcript opened is audited as a reading by whoever downloads.
 */
import type { AccessAnswer } from '@assent/shared';
import { appendAudit } from '../../audit/audit-log';
import type { Db } from '../../db/database';
import type { Actor } from '../../people/actor';
import type { PolicyBook } from '../../policy/policy-book';
import { openSealedTranscript } from '../../transcripts/sealed-transcript';
import { accessOf, recordingResource, sessionFactsOnce } from '../../vault/recording-access';
import { findRecording } from '../../vault/recording-repository';
import type { Vault } from '../../vault/vault';
import type { AccessRequestRow } from './access-repository';
import { type SubjectSeat, scopeOf } from './access-subject';

export interface SubjectTranscriptLine {
  recordingId: string;
  sessionTitle: string;
  /** Seconds from the recording's start. */
  start: number;
  end: number;
  speakerName: string;
  text: string;
}

export interface TranscriptLinesDeps {
  db: Db;
  policies: PolicyBook;
  vault: Pick<Vault, 'openTranscript'>;
}

/** Whether a line is the seat's: by the seat the transcript attributed it to, or (older transcripts) by name. */
export function spokenBy(
  seats: readonly SubjectSeat[],
  speakerId: string | null | undefined,
  speaker: { name: string; role: string } | null,
): SubjectSeat | undefined {
  if (speakerId !== undefined) return seats.find((seat) => seat.id === speakerId);
  if (!speaker) return undefined;
  return seats.find((seat) => seat.name === speaker.name && seat.role === speaker.role);
}

export async function subjectTranscriptLines(
  deps: TranscriptLinesDeps,
  request: AccessRequestRow,
  answer: AccessAnswer,
  reader: Pick<Actor, 'userId' | 'role'>,
  at: Date,
): Promise<SubjectTranscriptLine[]> {
  const { db } = deps;
  const scope = await scopeOf(db, request);
  const { userId } = scope.subject;
  const account = userId
    ? await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst()
    : undefined;
  // Without a sign-in the subject may watch nothing, so no transcript is theirs to read.
  if (!account) return [];
  const subject = { userId: account.id, role: account.role };
  const facts = sessionFactsOnce(db);
  const out: SubjectTranscriptLine[] = [];
  for (const recordingId of new Set(answer.recordings.map((r) => r.id))) {
    const recording = await findRecording(db, recordingId);
    if (!recording) continue;
    const seats = scope.seats.filter((seat) => seat.sessionId === recording.sessionId);
    if (seats.length === 0) continue;
    const transcript = await db
      .selectFrom('transcripts')
      .select('id')
      .where('recording_id', '=', recording.id)
      .where('status', '=', 'ready')
      .executeTakeFirst();
    if (!transcript) continue;
    // Stored, or destroyed with its transcript kept on (its own retention), as reading it allows.
    if (recording.status !== 'stored' && recording.status !== 'destroyed') continue;
    const view = await recordingResource({ db, policies: deps.policies, facts }, recording, at);
    if (!accessOf(subject, view)) continue;
    const sealed = await openSealedTranscript(deps.vault, transcript.id);
    const title = answer.recordings.find((r) => r.id === recording.id)?.sessionTitle ?? '';
    let count = 0;
    sealed.lines.forEach((line, index) => {
      const seat = spokenBy(seats, sealed.speakerIds?.[index], line.speaker);
      if (!seat) return;
      count += 1;
      out.push({
        recordingId: recording.id,
        sessionTitle: title,
        start: line.start,
        end: line.end,
        speakerName: line.speaker?.name ?? seat.name,
        text: line.text,
      });
    });
    await appendAudit(db, {
      actor: { userId: reader.userId, role: reader.role },
      action: 'transcript.read',
      target: { type: 'recording', id: recording.id },
      detail: {
        sessionId: recording.sessionId,
        recordingId: recording.id,
        status: 'ready',
        accessRequestId: request.id,
        subjectLines: count,
      },
      at,
    });
  }
  return out;
}
