/**
 * Downloading a research export: the rule is applied again (a session someone withdrew from since the
 * export was made is left out), the manifest is built from what is still held, the download is audited,
 * and the recordings are decrypted from the vault only as the archive streams.
 */
import { appendAudit } from '../../audit/audit-log';
import type { Db, DbOrTrx } from '../../db/database';
import type { PolicyBook } from '../../policy/policy-book';
import { openSealedTranscript } from '../../transcripts/sealed-transcript';
import { type Recording, toRecording } from '../../vault/recording-repository';
import type { Vault } from '../../vault/vault';
import { wrappedKeyOf } from '../../vault/wrapped-keys';
import { type ArchiveEntry, textContent, zipStream } from './research-archive';
import { audioExtensionOf, audioOnly, type RangedFile } from './research-audio';
import { eligibilityOf } from './research-candidates';
import { researchRowsOf } from './research-consents';
import { deidentifier } from './research-deidentify';
import type { ResearchExport } from './research-exports';
import {
  buildResearchManifest,
  type ManifestConsentEntry,
  type ManifestSession,
  researchReadme,
} from './research-manifest';

async function manifestSession(db: DbOrTrx, sessionId: string, recordings: Recording[]) {
  const session = await db
    .selectFrom('sessions')
    .select('created_at')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const seats = await db
    .selectFrom('people')
    .select(['id', 'role', 'minor'])
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
  const presence = await db
    .selectFrom('participant_presence')
    .select(['person_id', 'joined_at'])
    .where('session_id', '=', sessionId)
    .where('kind', '!=', 'EGRESS')
    .execute();
  const links = await db
    .selectFrom('guardian_links')
    .select(['guardian_person_id', 'student_person_id'])
    .where('session_id', '=', sessionId)
    .execute();
  const requestIds = recordings.flatMap((r) => (r.requestId ? [r.requestId] : []));
  const log =
    requestIds.length === 0
      ? []
      : await db
          .selectFrom('consent_log')
          .select(['person_id', 'role', 'kind', 'request_id', 'purpose', 'notice_version', 'at'])
          .where('session_id', '=', sessionId)
          .where('request_id', 'in', requestIds)
          .orderBy('seq')
          .orderBy('at')
          .execute();
  const childrenOf = (guardianId: string) =>
    links.filter((l) => l.guardian_person_id === guardianId).map((l) => l.student_person_id);
  const arrivals = presence.flatMap((p) => (p.joined_at ? [p.joined_at] : [])).sort();
  const consentLog: ManifestConsentEntry[] = [
    ...log.map((e) => ({
      personId: e.person_id,
      kind: e.kind,
      requestId: e.request_id,
      purpose: e.purpose,
      noticeVersion: e.notice_version,
      at: e.at,
      forPersonIds: e.role === 'guardian' ? childrenOf(e.person_id) : [],
      inAdvance: false,
    })),
    ...(await inAdvance(db, sessionId, recordings)),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const present = new Set(presence.flatMap((p) => (p.person_id ? [p.person_id] : [])));
  return {
    sessionId,
    startedAt: arrivals[0] ?? session.created_at,
    seats: seats.map((s) => ({
      personId: s.id,
      role: s.role,
      minor: s.minor === 1,
      inCall: present.has(s.id),
    })),
    recordings: recordings.map((r) => ({
      recordingId: r.id,
      requestId: r.requestId,
      purpose: r.purpose,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      sizeBytes: r.sizeBytes ?? 0,
    })),
    consentLog,
    researchDecisions: (await researchRowsOf(db, [sessionId])).map((d) => ({
      personId: d.personId,
      decidedByPersonId: d.decidedByPersonId,
      decision: d.decision,
      at: d.at,
    })),
  } satisfies ManifestSession;
}

/** Guardians' consents given ahead of the session that covered a recording's purpose when it began. */
async function inAdvance(db: DbOrTrx, sessionId: string, recordings: Recording[]) {
  const rows = await db
    .selectFrom('advance_consents')
    .select(['student_person_id', 'guardian_person_id', 'purposes', 'policy_version', 'at'])
    .where('session_id', '=', sessionId)
    .orderBy('at')
    .execute();
  return recordings.flatMap((recording) => {
    const began = recording.startedAt ?? recording.createdAt;
    const latest = new Map(rows.filter((r) => r.at <= began).map((r) => [r.student_person_id, r]));
    return [...latest.values()]
      .filter((r) => (JSON.parse(r.purposes) as string[]).includes(recording.purpose))
      .map((r) => ({
        personId: r.guardian_person_id,
        kind: 'consent',
        requestId: recording.requestId,
        purpose: recording.purpose,
        noticeVersion: `policy-${r.policy_version}`,
        at: r.at,
        forPersonIds: [r.student_person_id],
        inAdvance: true,
      }));
  });
}

interface DownloadDeps {
  db: Db;
  vault: Vault;
  policies: Pick<PolicyBook, 'current'>;
  now: () => Date;
}

/** A stored recording read by byte ranges through the vault, which unwraps and wipes its key per read. */
function rangedRecording(deps: DownloadDeps, recording: Recording): RangedFile {
  return {
    size: recording.sizeBytes ?? 0,
    read: async (start, end) =>
      new Uint8Array(
        Buffer.concat(
          await (await deps.vault.openPlaintext(recording.id, { start, end: end - 1 })).toArray(),
        ),
      ),
  };
}

/** The recording's sound alone, remuxed without re-encoding. */
async function* soundOf(deps: DownloadDeps, recording: Recording): AsyncGenerator<Uint8Array> {
  const sound = await audioOnly(rangedRecording(deps, recording));
  if (sound) yield sound.bytes;
}

/** The recording as it was made (video and sound), decrypted as it streams. */
async function recordingAsMade(deps: DownloadDeps, recording: Recording) {
  const size = recording.sizeBytes ?? 0;
  if (size === 0) return textContent('');
  return await deps.vault.openPlaintext(recording.id, { start: 0, end: size - 1 });
}

/**
 * The de-identified text of the kept sessions: each held recording's transcript (`transcripts/R1.json`)
 * and each session's chat log (`chat/S1.json`), every participant's name and the session's title
 * replaced by the manifest's pseudonyms, in the text as well as in who said it.
 */
async function deidentifiedText(
  deps: DownloadDeps,
  sessions: readonly ManifestSession[],
  held: readonly Recording[],
  pseudonyms: { people: ReadonlyMap<string, string>; sessionNames: ReadonlyMap<string, string> },
  recordingNames: ReadonlyMap<string, string>,
): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  const person = (id: string | null | undefined) => (id ? (pseudonyms.people.get(id) ?? null) : null);
  for (const session of sessions) {
    const sessionName = pseudonyms.sessionNames.get(session.sessionId) ?? 'S?';
    const meta = await deps.db
      .selectFrom('sessions')
      .select('title')
      .where('id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    const seats = await deps.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('session_id', '=', session.sessionId)
      .execute();
    const replace = deidentifier(
      seats.map((seat) => ({ name: seat.name, pseudonym: person(seat.id) ?? '[name]' })),
      [{ name: meta.title, pseudonym: sessionName }],
    );
    const recordings = held
      .filter((r) => r.sessionId === session.sessionId)
      .sort((a, b) =>
        (recordingNames.get(a.id) ?? '').localeCompare(recordingNames.get(b.id) ?? '', 'en', {
          numeric: true,
        }),
      );
    for (const recording of recordings) {
      const transcript = await deps.db
        .selectFrom('transcripts')
        .select('id')
        .where('recording_id', '=', recording.id)
        .where('status', '=', 'ready')
        .executeTakeFirst();
      if (!transcript) continue;
      const sealed = await openSealedTranscript(deps.vault, transcript.id);
      const name = recordingNames.get(recording.id) ?? 'R?';
      const lines = sealed.lines.map((line, index) => ({
        start: line.start,
        end: line.end,
        speaker: line.speaker ? (person(sealed.speakerIds?.[index]) ?? replace(line.speaker.name)) : null,
        role: line.speaker?.role ?? null,
        text: replace(line.text),
      }));
      out.push({
        name: `transcripts/${name}.json`,
        text: `${JSON.stringify({ recording: name, session: sessionName, lines }, null, 2)}\n`,
      });
    }
    const messages = await deps.db
      .selectFrom('chat_messages')
      .select(['sender_person_id', 'sender_role', 'text', 'sent_at'])
      .where('session_id', '=', session.sessionId)
      .where('removed_at', 'is', null)
      .where('text', '!=', '')
      .orderBy('sent_at')
      .orderBy('id')
      .execute();
    if (messages.length > 0) {
      const chat = messages.map((m) => ({
        offsetSeconds: Math.round((Date.parse(m.sent_at) - Date.parse(session.startedAt)) / 1000),
        person: person(m.sender_person_id),
        role: m.sender_role,
        text: replace(m.text),
      }));
      out.push({
        name: `chat/${sessionName}.json`,
        text: `${JSON.stringify({ session: sessionName, messages: chat }, null, 2)}\n`,
      });
    }
  }
  return out;
}

export interface PreparedDownload {
  body: ReadableStream<Uint8Array>;
  sessions: number;
  recordings: number;
  withdrawn: number;
}

/** Checks the export again, audits the download and answers the archive's stream. */
export async function prepareResearchDownload(
  deps: DownloadDeps,
  exported: ResearchExport,
  actor: { userId: string; role: string },
): Promise<PreparedDownload> {
  const { db, now } = deps;
  // What leaves is decided by the policy in force when the archive is downloaded.
  const { researchExportMedia: exportMedia } = (await deps.policies.current()).policy;
  const eligibility = await eligibilityOf(db, exported.sessionIds);
  const kept = exported.sessionIds.filter((id) => eligibility.get(id)?.eligible);
  const rows =
    exported.recordingIds.length === 0
      ? []
      : await db.selectFrom('recordings').selectAll().where('id', 'in', exported.recordingIds).execute();
  const keptSessions = new Set(kept);
  const inKept = rows.map(toRecording).filter((r) => keptSessions.has(r.sessionId));
  const stored: Recording[] = [];
  for (const r of inKept)
    if (r.status === 'stored' && (await wrappedKeyOf(db, 'recording', r.id))) stored.push(r);
  // Sound only: each file's name says what it holds; a recording with no sound that can be read is left out.
  const extensions = new Map<string, string>();
  const held: Recording[] = [];
  for (const r of stored) {
    const extension =
      exportMedia === 'audio' ? await audioExtensionOf(rangedRecording(deps, r)).catch(() => null) : 'mp4';
    if (extension) {
      extensions.set(r.id, extension);
      held.push(r);
    }
  }
  const wanted = exported.recordingIds.filter((id) => {
    const row = rows.find((r) => r.id === id);
    return row === undefined || keptSessions.has(row.session_id);
  });
  const sessions: ManifestSession[] = [];
  for (const id of kept)
    sessions.push(
      await manifestSession(
        db,
        id,
        held.filter((r) => r.sessionId === id),
      ),
    );
  const at = now();
  const { manifest, files, people, sessionNames } = buildResearchManifest({
    createdAt: exported.createdAt,
    sessions,
    withdrawnSessions: exported.sessionIds.length - kept.length,
    unavailableRecordings: wanted.length - stored.length,
    withoutSound: stored.length - held.length,
    media: exportMedia,
    extensionOf: (recordingId) => extensions.get(recordingId) ?? 'mp4',
  });
  const texts = await deidentifiedText(
    deps,
    sessions,
    held,
    { people, sessionNames },
    new Map(files.map((f) => [f.recordingId, f.name])),
  );
  manifest.transcripts = texts.filter((t) => t.name.startsWith('transcripts/')).map((t) => t.name);
  manifest.chatLogs = texts.filter((t) => t.name.startsWith('chat/')).map((t) => t.name);
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      action: 'research.export_download',
      target: { type: 'research_export', id: exported.id },
      detail: {
        sessionIds: kept,
        recordingIds: files.map((f) => f.recordingId),
        withdrawnSessions: exported.sessionIds.length - kept.length,
      },
      at,
    }),
  );
  const media: ArchiveEntry[] = files.map((file) => {
    const recording = held.find((r) => r.id === file.recordingId) as Recording;
    return {
      name: file.path,
      store: true,
      content: () => (exportMedia === 'audio' ? soundOf(deps, recording) : recordingAsMade(deps, recording)),
    };
  });
  const entries: ArchiveEntry[] = [
    { name: 'README.txt', store: false, content: () => textContent(researchReadme(exportMedia)) },
    {
      name: 'manifest.json',
      store: false,
      content: () => textContent(`${JSON.stringify(manifest, null, 2)}\n`),
    },
    ...texts.map((t) => ({ name: t.name, store: false, content: () => textContent(t.text) })),
    ...media,
  ];
  return {
    body: zipStream(entries, at),
    sessions: kept.length,
    recordings: files.length,
    withdrawn: exported.sessionIds.length - kept.length,
  };
}
