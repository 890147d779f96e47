/**
 * The recordings page: every stored recording the caller may watch, newest first. Reviewers and admins
 * also see a reported session's recordings while a report about it is open (basis `investigation`).
 */
import type {
  RecordingAccessBasis,
  RecordingList,
  RecordingSummary,
  RecordingsNotShown,
} from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import type { Actor } from '../people/actor';
import { recordingScope } from '../people/can';
import type { PolicyBook } from '../policy/policy-book';
import { accessOf, type RecordingView, recordingResource, sessionFactsOnce } from './recording-access';
import { type Recording, toRecording } from './recording-repository';

export async function summaryFor(
  db: DbOrTrx,
  recording: Recording,
  view: RecordingView,
  access: RecordingAccessBasis,
): Promise<RecordingSummary> {
  const session = await db
    .selectFrom('sessions')
    .select('title')
    .where('id', '=', recording.sessionId)
    .executeTakeFirst();
  const { startedAt, endedAt } = recording;
  return {
    id: recording.id,
    sessionId: recording.sessionId,
    sessionTitle: session?.title ?? '',
    purpose: recording.purpose,
    purposeLabel: view.terms.purposeLabel,
    startedAt,
    endedAt,
    durationSeconds:
      startedAt && endedAt
        ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000))
        : null,
    sizeBytes: recording.sizeBytes ?? 0,
    retainUntil: recording.retainUntil ?? '',
    playableUntil: access === 'attended' ? view.playableUntil : null,
    access,
    // Only the safeguarding staff (whose basis is one of these two) learn that a report is open: a tutor
    // or family being looked into must not be tipped off by their recordings list.
    onHold: view.resource.underInvestigation && (access === 'purpose_viewer' || access === 'investigation'),
  };
}

/** The recordings `can` could let the caller watch (its `recordingScope`), newest first; `can` decides each. */
async function candidates(db: DbOrTrx, actor: Actor): Promise<Recording[]> {
  let query = db.selectFrom('recordings').selectAll('recordings').where('recordings.status', '=', 'stored');
  const scope = recordingScope(actor);
  if (scope === 'owned_sessions') {
    query = query
      .innerJoin('sessions', 'sessions.id', 'recordings.session_id')
      .where('sessions.owner_user_id', '=', actor.userId);
  } else if (scope === 'seated_sessions') {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('people')
          .select('people.id')
          .whereRef('people.session_id', '=', 'recordings.session_id')
          .where('people.user_id', '=', actor.userId),
      ),
    );
  }
  const rows = await query.orderBy('recordings.started_at', 'desc').orderBy('recordings.id').execute();
  return rows.map(toRecording);
}

export async function visibleRecordings(
  deps: { db: DbOrTrx; policies: PolicyBook },
  actor: Actor,
  at: Date,
): Promise<RecordingSummary[]> {
  return (await recordingList(deps, actor, at)).recordings;
}

/**
 * The recordings page's answer: what the caller may watch and, for a tutor, how many recordings of their
 * own sessions the policy keeps from them and why (a tutor's access depends on the purpose alone, never on
 * a report, so the count tips nobody off).
 */
export async function recordingList(
  deps: { db: DbOrTrx; policies: PolicyBook },
  actor: Actor,
  at: Date,
): Promise<RecordingList> {
  const recordings: RecordingSummary[] = [];
  const notShown = new Map<string, RecordingsNotShown>();
  const facts = sessionFactsOnce(deps.db);
  for (const recording of await candidates(deps.db, actor)) {
    const view = await recordingResource({ ...deps, facts }, recording, at);
    const access = accessOf(actor, view);
    if (access) recordings.push(await summaryFor(deps.db, recording, view, access));
    else if (actor.role === 'tutor') {
      const { purposeLabel, viewerRoles } = view.terms;
      const group = notShown.get(purposeLabel) ?? { purposeLabel, count: 0, viewerRoles };
      notShown.set(purposeLabel, { ...group, count: group.count + 1 });
    }
  }
  return { recordings, notShown: [...notShown.values()] };
}
