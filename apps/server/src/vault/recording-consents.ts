/**
 * The consent entries a recording was made under: its request's log (who asked, who consented and
 * when, for what purpose, under which notice), with the child a guardian answered for. Who declined or
 * withdrew is for reviewers and administrators only: a tutor or family watching sees the yeses, so nobody
 * learns afterwards who said no (consent without pressure).
 */
import type { RecordingConsent } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import type { Recording } from './recording-repository';

export interface ConsentReader {
  /** Reviewers and administrators read the whole log, refusals with names included. */
  seesRefusals: boolean;
}

const refusals = new Set<RecordingConsent['kind']>(['decline', 'withdraw']);

export async function recordingConsents(
  db: DbOrTrx,
  recording: Recording,
  reader: ConsentReader,
): Promise<RecordingConsent[]> {
  const all = await everyConsentEntry(db, recording);
  return reader.seesRefusals ? all : all.filter((entry) => !refusals.has(entry.kind));
}

async function everyConsentEntry(db: DbOrTrx, recording: Recording): Promise<RecordingConsent[]> {
  if (!recording.requestId) return [];
  const entries = await db
    .selectFrom('consent_log')
    .select(['person_id', 'person_name', 'role', 'kind', 'at', 'purpose', 'notice_version'])
    .where('session_id', '=', recording.sessionId)
    .where('request_id', '=', recording.requestId)
    .orderBy('seq')
    .orderBy('at')
    .execute();
  const links = await db
    .selectFrom('guardian_links')
    .innerJoin('people', 'people.id', 'guardian_links.student_person_id')
    .select(['guardian_links.guardian_person_id', 'people.name'])
    .where('guardian_links.session_id', '=', recording.sessionId)
    .orderBy('people.position')
    .execute();
  const fromTheCall: RecordingConsent[] = entries.map((e) => {
    const children = e.role === 'guardian' ? links.filter((l) => l.guardian_person_id === e.person_id) : [];
    return {
      personName: e.person_name,
      role: e.role,
      kind: e.kind,
      at: e.at,
      purpose: e.purpose,
      noticeVersion: e.notice_version,
      forName: children.length > 0 ? children.map((l) => l.name).join(', ') : null,
      inAdvance: false,
    };
  });
  return [...fromTheCall, ...(await inAdvance(db, recording))].sort((a, b) => a.at.localeCompare(b.at));
}

/** Guardians' consents given ahead of the session that covered the recording's purpose when it began. */
async function inAdvance(db: DbOrTrx, recording: Recording): Promise<RecordingConsent[]> {
  const rows = await db
    .selectFrom('advance_consents')
    .innerJoin('people as guardian', 'guardian.id', 'advance_consents.guardian_person_id')
    .innerJoin('people as child', 'child.id', 'advance_consents.student_person_id')
    .select([
      'advance_consents.student_person_id',
      'advance_consents.purposes',
      'advance_consents.policy_version',
    ])
    .select(['advance_consents.at', 'guardian.name as guardian_name', 'child.name as child_name'])
    .where('advance_consents.session_id', '=', recording.sessionId)
    .where('advance_consents.at', '<=', recording.startedAt ?? recording.createdAt)
    .orderBy('advance_consents.at')
    .execute();
  // Each child's latest consent in advance before the recording began.
  const latest = new Map(rows.map((r) => [r.student_person_id, r]));
  return [...latest.values()]
    .filter((r) => (JSON.parse(r.purposes) as string[]).includes(recording.purpose))
    .map((r) => ({
      personName: r.guardian_name,
      role: 'guardian',
      kind: 'consent' as const,
      at: r.at,
      purpose: recording.purpose,
      noticeVersion: `policy-${r.policy_version}`,
      forName: r.child_name,
      inAdvance: true,
    }));
}
