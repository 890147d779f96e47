/**
 * The answer to an access request as a zip archive: the whole answer as JSON, each section as CSV for
 * a spreadsheet, and a README saying what each file is. Beside the answer, the subject's own lines in
 * transcripts, read from the vault when the archive is made (`access-transcript-lines.ts`).
 */
import type { AccessAnswer } from '@assent/shared';
import { strToU8, zipSync } from 'fflate';
import { toCsv } from './access-csv';
import type { SubjectTranscriptLine } from './access-transcript-lines';

/** Seconds between two ISO times, to the tenth; empty while the stretch goes on. */
function secondsBetween(from: string, to: string | null): number | null {
  if (to === null) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 100) / 10;
}

function readme(answer: AccessAnswer, requestId: string): string {
  const { subject } = answer;
  return [
    `Everything Assent held about ${subject.name}`,
    '',
    `Access request: ${requestId}`,
    `Compiled: ${answer.compiledAt} (UTC)`,
    `About: ${subject.name} (${subject.kind === 'self' ? 'the person who asked' : 'a student asked for by their guardian'})`,
    '',
    'Files:',
    '  answer.json          Everything below in one file, as compiled.',
    '  sessions.csv         Every session with a seat for them, and whether they joined the call.',
    '  consents.csv         Recording consents, consents given in advance, research sharing decisions,',
    '                       and changes to "do not record".',
    '  recordings.csv       Recordings of sessions they were in, and whether they may watch each.',
    '  recording-views.csv  Who watched those recordings, when, and on what basis.',
    '  audit.csv            Audit log entries made by them or about their data.',
    '  deletions.csv        Deletion records of those recordings that were destroyed.',
    '  talk-time.csv        When they spoke in their sessions, measured from sound levels (talk time);',
    '                       what was said is not recorded by this.',
    '  transcripts.csv      Transcripts of those recordings: whether each is ready, kept or destroyed.',
    '  transcript-lines.csv What they said in those transcripts, in recordings they may watch, read from',
    '                       the transcripts still held when this archive was downloaded.',
    '',
    'Times are in UTC (ISO 8601).',
    '',
  ].join('\r\n');
}

function consentsCsv(consents: AccessAnswer['consents']): string {
  return toCsv(
    ['record', 'session', 'person', 'role', 'what', 'purpose', 'notice_version', 'at', 'by_guardian'],
    [
      ...consents.log.map((e) => [
        'consent_log',
        e.sessionTitle,
        e.personName,
        e.role,
        e.kind,
        e.purpose,
        e.noticeVersion,
        e.at,
        e.byGuardian,
      ]),
      ...consents.inAdvance.map((e) => [
        'in_advance',
        e.sessionTitle,
        e.studentName,
        'student',
        e.purposes.length > 0 ? 'consent' : 'withdraw',
        e.purposes.join(' '),
        `policy-${e.policyVersion}`,
        e.at,
        e.guardianName,
      ]),
      ...consents.research.map((e) => [
        'research',
        e.sessionTitle,
        e.seatName,
        '',
        e.decision,
        'research',
        '',
        e.at,
        e.decidedByName,
      ]),
      ...consents.doNotRecord.map((e) => [
        'do_not_record',
        '',
        e.studentName,
        'student',
        e.doNotRecord ? 'do_not_record' : 'may_record',
        '',
        '',
        e.at,
        e.changedByName,
      ]),
    ],
  );
}

/** The archive's files by name, before zipping (tests read them back with `unzipSync`). */
export function archiveFiles(
  answer: AccessAnswer,
  requestId: string,
  transcriptLines: readonly SubjectTranscriptLine[] = [],
): Record<string, string> {
  return {
    'README.txt': readme(answer, requestId),
    'answer.json': `${JSON.stringify(answer, null, 2)}\n`,
    'sessions.csv': toCsv(
      ['session_id', 'title', 'created_at', 'seat_name', 'role', 'joined', 'joined_at', 'left_at'],
      answer.sessions.map((s) => [
        s.sessionId,
        s.title,
        s.createdAt,
        s.seatName,
        s.role,
        s.joined ? 'joined' : 'invited, never joined',
        s.joinedAt,
        s.leftAt,
      ]),
    ),
    'consents.csv': consentsCsv(answer.consents),
    'recordings.csv': toCsv(
      [
        'recording_id',
        'session',
        'purpose',
        'status',
        'recorded_at',
        'retained_until',
        'may_watch',
        'basis',
        'watch_until',
      ],
      answer.recordings.map((r) => [
        r.id,
        r.sessionTitle,
        r.purposeLabel,
        r.status,
        r.recordedAt,
        r.retainUntil,
        r.access !== null,
        r.access ?? r.whyNot,
        r.playableUntil,
      ]),
    ),
    'recording-views.csv': toCsv(
      ['recording_id', 'session', 'viewed_at', 'viewer', 'viewer_role', 'basis'],
      answer.views.map((v) => [
        v.recordingId,
        v.sessionTitle,
        v.viewedAt,
        v.viewerName,
        v.viewerRole,
        v.access,
      ]),
    ),
    'audit.csv': toCsv(
      ['seq', 'at', 'actor', 'actor_role', 'action', 'target_type', 'target_id', 'outcome'],
      answer.audit.map((a) => [
        a.seq,
        a.at,
        a.actorName,
        a.actorRole,
        a.action,
        a.targetType,
        a.targetId,
        a.outcome,
      ]),
    ),
    'deletions.csv': toCsv(
      ['recording_id', 'session', 'purpose', 'recorded_at', 'destroyed_at', 'reason', 'detail'],
      answer.deletionRecords.map((d) => [
        d.recordingId,
        d.sessionTitle,
        d.purpose,
        d.recordedAt,
        d.destroyedAt,
        d.reason,
        d.detail,
      ]),
    ),
    'talk-time.csv': toCsv(
      ['session_id', 'session', 'started_at', 'ended_at', 'seconds'],
      (answer.talkTime ?? []).map((s) => [
        s.sessionId,
        s.sessionTitle,
        s.startedAt,
        s.endedAt,
        secondsBetween(s.startedAt, s.endedAt),
      ]),
    ),
    'transcripts.csv': toCsv(
      ['recording_id', 'session', 'status', 'created_at', 'ready_at', 'retained_until', 'destroyed_at'],
      (answer.transcripts ?? []).map((tr) => [
        tr.recordingId,
        tr.sessionTitle,
        tr.status,
        tr.createdAt,
        tr.readyAt,
        tr.retainUntil,
        tr.destroyedAt,
      ]),
    ),
    'transcript-lines.csv': toCsv(
      ['recording_id', 'session', 'start_seconds', 'end_seconds', 'speaker', 'text'],
      transcriptLines.map((l) => [l.recordingId, l.sessionTitle, l.start, l.end, l.speakerName, l.text]),
    ),
  };
}

export function accessArchive(
  answer: AccessAnswer,
  requestId: string,
  transcriptLines: readonly SubjectTranscriptLine[] = [],
): Uint8Array {
  const files = archiveFiles(answer, requestId, transcriptLines);
  // A fixed time for every entry: the same answer always zips to the same bytes.
  const mtime = new Date(answer.compiledAt);
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])),
  );
}
