/**
 * The research archive's manifest, pseudonymised: sessions become S1, S2…, seats P1, P2…, recordings
 * R1, R2…, numbered in a random order drawn for each archive, so no pseudonym can be worked back to an
 * id. People keep only their role and whether they are a minor; times become offsets from the session
 * start and the session itself keeps only its day. Pure, so what leaves Assent is tested directly.
 */
import { randomInt } from 'node:crypto';
import type { ResearchExportMedia } from '@assent/shared';

export interface ManifestSeat {
  personId: string;
  role: string;
  minor: boolean;
  inCall: boolean;
}

export interface ManifestRecording {
  recordingId: string;
  requestId: string | null;
  purpose: string;
  startedAt: string | null;
  endedAt: string | null;
  sizeBytes: number;
}

export interface ManifestConsentEntry {
  personId: string;
  kind: string;
  requestId: string | null;
  purpose: string;
  noticeVersion: string;
  at: string;
  /** The children a guardian's entry was given for. */
  forPersonIds: readonly string[];
  inAdvance: boolean;
}

export interface ManifestResearchDecision {
  personId: string;
  decidedByPersonId: string;
  decision: string;
  at: string;
}

export interface ManifestSession {
  sessionId: string;
  /** When the call began (the first arrival), or the session's creation. */
  startedAt: string;
  seats: readonly ManifestSeat[];
  recordings: readonly ManifestRecording[];
  consentLog: readonly ManifestConsentEntry[];
  researchDecisions: readonly ManifestResearchDecision[];
}

export interface ManifestInput {
  createdAt: string;
  sessions: readonly ManifestSession[];
  /** Sessions in the export that someone has since withdrawn from, left out. */
  withdrawnSessions: number;
  /** Recordings in the export that were destroyed since, left out. */
  unavailableRecordings: number;
  /** What each file holds: the recording's sound only (the default), or the recording as made. */
  media?: ResearchExportMedia;
  /** Recordings left out of a sound-only export because they have no sound that can be read. */
  withoutSound?: number;
  /** The file extension of a recording's file (`ogg` for sound only, `mp4` as made). */
  extensionOf?: (recordingId: string) => string;
}

export interface ResearchManifest {
  manifest: Record<string, unknown>;
  /** Which stored recording each archive file holds, in archive order, and its pseudonym (R1…). */
  files: { recordingId: string; path: string; name: string }[];
  /** Each seat's pseudonym (P1…), for de-identifying text. */
  people: ReadonlyMap<string, string>;
  /** Each session's pseudonym (S1…). */
  sessionNames: ReadonlyMap<string, string>;
}

/** A uniformly random order (Fisher–Yates); `pick(n)` answers 0…n-1. */
export function shuffled<T>(items: readonly T[], pick: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const seconds = (from: string, to: string | null) =>
  to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 1000);

export function buildResearchManifest(
  input: ManifestInput,
  pick: (n: number) => number = randomInt,
): ResearchManifest {
  const sessions = shuffled(input.sessions, pick);
  const people = new Map<string, string>();
  shuffled(
    sessions.flatMap((s) => s.seats.map((seat) => seat.personId)),
    pick,
  ).forEach((id, index) => {
    people.set(id, `P${index + 1}`);
  });
  const pseudonym = (id: string) => people.get(id) ?? 'someone no longer listed';
  const files: ResearchManifest['files'] = [];

  const described = sessions.map((session, index) => {
    const recordings = session.recordings.map((r) => {
      const name = `R${files.length + 1}`;
      const path = `recordings/${name}.${input.extensionOf?.(r.recordingId) ?? 'mp4'}`;
      files.push({ recordingId: r.recordingId, path, name });
      return { name, r, path };
    });
    const recordingsOf = (requestId: string | null) =>
      recordings.filter((x) => requestId !== null && x.r.requestId === requestId).map((x) => x.name);
    return {
      id: `S${index + 1}`,
      date: session.startedAt.slice(0, 10),
      people: session.seats
        .map((seat) => ({
          id: pseudonym(seat.personId),
          role: seat.role,
          minor: seat.minor,
          inCall: seat.inCall,
        }))
        .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))),
      recordings: recordings.map(({ name, r, path }) => ({
        id: name,
        file: path,
        purpose: r.purpose,
        startOffsetSeconds: seconds(session.startedAt, r.startedAt),
        durationSeconds: r.startedAt && r.endedAt ? seconds(r.startedAt, r.endedAt) : null,
        sizeBytes: r.sizeBytes,
      })),
      recordingConsent: session.consentLog.map((e) => ({
        kind: e.kind,
        person: pseudonym(e.personId),
        onBehalfOf: e.forPersonIds.map(pseudonym),
        purpose: e.purpose,
        noticeVersion: e.noticeVersion,
        inAdvance: e.inAdvance,
        offsetSeconds: seconds(session.startedAt, e.at),
        recordings: recordingsOf(e.requestId),
      })),
      researchConsent: session.researchDecisions.map((d) => ({
        person: pseudonym(d.personId),
        decidedBy: pseudonym(d.decidedByPersonId),
        decision: d.decision,
        offsetSeconds: seconds(session.startedAt, d.at),
      })),
    };
  });

  return {
    files,
    people,
    sessionNames: new Map(sessions.map((s, index) => [s.sessionId, `S${index + 1}`])),
    manifest: {
      format: 'assent-research-export/1',
      createdOn: input.createdAt.slice(0, 10),
      media: input.media ?? 'audio_and_video',
      sessionCount: described.length,
      recordingCount: files.length,
      withdrawnSinceExport: input.withdrawnSessions,
      recordingsNoLongerHeld: input.unavailableRecordings,
      recordingsWithoutReadableSound: input.withoutSound ?? 0,
      sessions: described,
    },
  };
}

/** What the recordings in an archive are, in words a researcher and a family would both recognise. */
const whatLeaves: Record<ResearchExportMedia, string> = {
  audio: `What the recordings hold
------------------------
Each recording is the sound of the session only (recordings/R1.ogg ...): the audio track copied as it
was recorded, without the video. There are no faces and no names on screen, but voices can identify
people, and what is said may name them. Handle the recordings as personal data, keep them secure, and
do not try to identify anyone.`,
  audio_and_video: `What the recordings hold
------------------------
Each recording is the session as it was recorded (recordings/R1.mp4 ...): people's faces and voices,
and the names shown under each video tile. Pseudonymisation covers the manifest, not the pictures and
sound: faces, voices and names on screen can identify people. Handle the recordings as personal data,
keep them secure, and do not try to identify anyone.`,
};

export const researchReadme = (media: ResearchExportMedia) => `Assent research export
======================

This archive holds recordings of tutoring sessions in which every participant agreed to research
sharing (and, for a child, a parent or guardian agreed as well), with the consent records they were
made under. Anyone may withdraw that agreement at any time; sessions where someone withdrew before this
archive was downloaded are left out, and manifest.json says how many.

Pseudonyms
----------
manifest.json names no one. Sessions are S1, S2 ..., people P1, P2 ... and recordings R1, R2 ...
The numbers are drawn in a random order for each download: they are not derived from any identifier,
and the same person in two sessions has two different pseudonyms. For each person only their role
(tutor, student, guardian) and whether they are a minor are given. Each session keeps only its day;
every other time is given in seconds from the session's start.

${whatLeaves[media]}

Consent records
---------------
"recordingConsent" lists the recording consent log of each recording: who asked and who consented (a
guardian's entry says on whose behalf), for which purpose, under which notice version, and when.
"researchConsent" lists the research sharing decisions: the person the decision is about, who made it
(the person themselves or a guardian), and the decision (agree, refuse, withdraw).

Transcripts and chat, de-identified
-----------------------------------
transcripts/R1.json ... hold what was said in each recording, line by line (seconds from the recording's
start), with who was speaking as measured during the call (null where nobody was). chat/S1.json ...
hold each session's chat, in seconds from the session's start. In both, every participant's name (and
each part of it) and the session's title are replaced by the pseudonyms above, in the text as well;
"[name]" stands for a name two participants share. Other names said aloud or typed (a school, a town)
are not replaced: the text is still personal data.
`;
