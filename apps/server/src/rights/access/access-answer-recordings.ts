/**
 * The answer's recordings: those of sessions the subject was present in (LiveKit saw their seat join),
 * whether the subject may watch each under the policy and why, who watched them, and the deletion
 * records of those destroyed.
 */
import type { AccessAnswer, AnswerRecording, WatchRefusal } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import type { CanActor } from '../../people/can';
import type { PolicyBook } from '../../policy/policy-book';
import {
  accessOf,
  type RecordingView,
  recordingResource,
  recordingTerms,
  type SessionFactsOf,
  sessionFactsOnce,
} from '../../vault/recording-access';
import { type Recording, toRecording } from '../../vault/recording-repository';
import { type AnswerScope, idsOrNone } from './access-subject';

export interface AnswerDeps {
  db: DbOrTrx;
  policies: PolicyBook;
  facts?: SessionFactsOf;
}

export async function recordingsOf(db: DbOrTrx, scope: AnswerScope): Promise<Recording[]> {
  const rows = await db
    .selectFrom('recordings')
    .selectAll('recordings')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('participant_presence')
          .select('participant_presence.id')
          .whereRef('participant_presence.session_id', '=', 'recordings.session_id')
          .where('participant_presence.person_id', 'in', idsOrNone(scope.seats.map((s) => s.id)))
          .where('participant_presence.joined_at', 'is not', null),
      ),
    )
    .orderBy('recordings.created_at')
    .orderBy('recordings.id')
    .execute();
  return rows.map(toRecording);
}

function whyNot(actor: CanActor | null, view: RecordingView, at: Date): WatchRefusal {
  if (!actor) return 'no_sign_in';
  if (actor.role === 'student' || actor.role === 'guardian') {
    if (view.playableUntil === null) return 'not_for_participants';
    if (at.getTime() > Date.parse(view.playableUntil)) return 'window_closed';
  }
  return 'not_allowed';
}

/** One recording as the answer shows it: `accessOf` with the subject's own account decides watching. */
async function answerRecording(
  deps: AnswerDeps,
  recording: Recording,
  titles: Map<string, string>,
  actor: CanActor | null,
  at: Date,
): Promise<AnswerRecording> {
  const base = {
    id: recording.id,
    sessionId: recording.sessionId,
    sessionTitle: titles.get(recording.sessionId) ?? '',
    purpose: recording.purpose,
    status: recording.status,
    recordedAt: recording.startedAt,
    retainUntil: recording.retainUntil,
  };
  if (recording.status !== 'stored') {
    const terms = await recordingTerms(deps.policies, recording);
    return {
      ...base,
      purposeLabel: terms.purposeLabel,
      access: null,
      whyNot: 'not_stored',
      playableUntil: null,
    };
  }
  const view = await recordingResource(deps, recording, at);
  const access = actor ? (accessOf(actor, view) ?? null) : null;
  return {
    ...base,
    purposeLabel: view.terms.purposeLabel,
    access,
    whyNot: access ? null : whyNot(actor, view, at),
    playableUntil: access === 'attended' ? view.playableUntil : null,
  };
}

export async function recordingSection(
  deps: AnswerDeps,
  scope: AnswerScope,
  recordings: readonly Recording[],
  at: Date,
): Promise<AccessAnswer['recordings']> {
  const { userId } = scope.subject;
  const account = userId
    ? await deps.db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst()
    : undefined;
  const actor = account ? { userId: account.id, role: account.role } : null;
  const sessions = await deps.db
    .selectFrom('sessions')
    .select(['id', 'title'])
    .where('id', 'in', idsOrNone(recordings.map((r) => r.sessionId)))
    .execute();
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  // Per recording: the policy terms and attendance `can` needs. Only the subject's own recordings.
  const answered: AnswerRecording[] = [];
  const once = { ...deps, facts: sessionFactsOnce(deps.db) };
  for (const recording of recordings)
    answered.push(await answerRecording(once, recording, titles, actor, at));
  return answered;
}

export async function viewSection(
  db: DbOrTrx,
  recordings: readonly Recording[],
): Promise<AccessAnswer['views']> {
  const rows = await db
    .selectFrom('recording_views')
    .innerJoin('recordings', 'recordings.id', 'recording_views.recording_id')
    .innerJoin('sessions', 'sessions.id', 'recordings.session_id')
    .innerJoin('users', 'users.id', 'recording_views.user_id')
    .select([
      'recording_views.recording_id',
      'sessions.title',
      'recording_views.created_at',
      'users.name',
      'users.role',
      'recording_views.access',
    ])
    .where('recording_views.recording_id', 'in', idsOrNone(recordings.map((r) => r.id)))
    .orderBy('recording_views.created_at')
    .execute();
  return rows.map((r) => ({
    recordingId: r.recording_id,
    sessionTitle: r.title,
    viewedAt: r.created_at,
    viewerName: r.name,
    viewerRole: r.role,
    access: r.access,
  }));
}

export async function deletionRecordSection(
  db: DbOrTrx,
  recordings: readonly Recording[],
): Promise<AccessAnswer['deletionRecords']> {
  const rows = await db
    .selectFrom('deletion_records')
    .selectAll()
    .where('recording_id', 'in', idsOrNone(recordings.map((r) => r.id)))
    .orderBy('destroyed_at')
    .execute();
  return rows.map((r) => ({
    recordingId: r.recording_id,
    sessionTitle: r.session_title,
    purpose: r.purpose,
    recordedAt: r.recorded_at,
    destroyedAt: r.destroyed_at,
    reason: r.reason,
    detail: r.detail,
  }));
}
