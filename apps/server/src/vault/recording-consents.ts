/**
 * The consent entries a recording was made under: its request's log (who asked, who consented and
 * when, for what purpose, under which notice), with the child a guardian answered for.
 */
import type { RecordingConsent } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import type { Recording } from './recording-repository';

export async function recordingConsents(db: DbOrTrx, recording: Recording): Promise<RecordingConsent[]> {
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
  return entries.map((e) => {
    const children = e.role === 'guardian' ? links.filter((l) => l.guardian_person_id === e.person_id) : [];
    return {
      personName: e.person_name,
      role: e.role,
      kind: e.kind,
      at: e.at,
      purpose: e.purpose,
      noticeVersion: e.notice_version,
      forName: children.length > 0 ? children.map((l) => l.name).join(', ') : null,
    };
  });
}
