/**
 * Standing "do not record my sessions" preferences (Hearken's right to opt out, Procept's "we refrain
 * from recording when asked not to in writing"). Changes are appended, never edited: a student's
 * preference is their latest row. A request to record a session with such a student is refused up
 * front with the reason, and nobody in the call is asked.
 */
import type { DbOrTrx } from '../db/database';

export interface RecordingPreference {
  doNotRecord: boolean;
  /** Who set it and when; null when nobody ever has (the default: recording may be requested). */
  changedByUserId: string | null;
  at: string | null;
}

/** Latest first; the id breaks ties between changes made in the same millisecond, as the pages do. */
function latestChanges(db: DbOrTrx, studentIds: readonly string[]) {
  return db
    .selectFrom('recording_preference_changes')
    .select(['id', 'student_id', 'do_not_record', 'changed_by_user_id', 'at'])
    .where('student_id', 'in', studentIds)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc');
}

/** A student's standing preference. */
export async function currentRecordingPreference(
  db: DbOrTrx,
  studentId: string,
): Promise<RecordingPreference> {
  const latest = await latestChanges(db, [studentId]).limit(1).executeTakeFirst();
  return latest
    ? { doNotRecord: latest.do_not_record === 1, changedByUserId: latest.changed_by_user_id, at: latest.at }
    : { doNotRecord: false, changedByUserId: null, at: null };
}

/** Says whose wish it is: an adult student's own, or their family's. */
function reasonFor(name: string, ownWish: boolean): string {
  return ownWish
    ? `${name} has asked for their sessions not to be recorded`
    : `${name}'s family has asked for ${name}'s sessions not to be recorded`;
}

/**
 * Why this session may not be recorded, for the tutor ("Sam's family has asked for Sam's sessions not
 * to be recorded, so this session cannot be recorded."), or undefined when nobody in it has asked.
 */
export async function recordingRefusal(db: DbOrTrx, sessionId: string): Promise<string | undefined> {
  const students = await db
    .selectFrom('people')
    .innerJoin('students', 'students.id', 'people.student_id')
    .select(['people.name', 'people.student_id', 'students.user_id'])
    .where('people.session_id', '=', sessionId)
    .orderBy('people.position')
    .execute();
  if (students.length === 0) return undefined;
  const changes = await latestChanges(
    db,
    students.map((s) => s.student_id ?? ''),
  ).execute();
  const reasons = students.flatMap((student) => {
    const latest = changes.find((change) => change.student_id === student.student_id);
    if (latest?.do_not_record !== 1) return [];
    const ownWish = student.user_id !== null && latest.changed_by_user_id === student.user_id;
    return [reasonFor(student.name, ownWish)];
  });
  if (reasons.length === 0) return undefined;
  const listed =
    reasons.length === 1 ? reasons[0] : `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1)}`;
  return `${listed}, so this session cannot be recorded.`;
}

/** The students of a session whose latest preference is "do not record", with that change's id. */
export async function doNotRecordIn(
  db: DbOrTrx,
  sessionId: string,
): Promise<{ studentId: string; changeId: string }[]> {
  const students = await db
    .selectFrom('people')
    .select('student_id')
    .where('session_id', '=', sessionId)
    .where('student_id', 'is not', null)
    .execute();
  const ids = students.flatMap((s) => (s.student_id ? [s.student_id] : []));
  if (ids.length === 0) return [];
  const changes = await latestChanges(db, ids).execute();
  return ids.flatMap((studentId) => {
    const latest = changes.find((change) => change.student_id === studentId);
    return latest?.do_not_record === 1 ? [{ studentId, changeId: latest.id }] : [];
  });
}
