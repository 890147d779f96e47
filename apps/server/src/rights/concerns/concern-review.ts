/**
 * Reports as the safeguarding staff read them (every report, the session, its people and recordings)
 * and as their reporters do (their own, handled or not, never the outcome).
 */
import type {
  MyConcernReport,
  ReportedRecording,
  SafeguardingReportDetail,
  SafeguardingReportSummary,
} from '@assent/shared';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { PolicyBook } from '../../policy/policy-book';
import { purposeLabel } from '../../policy/purposes';
import { heldSessionIds } from '../../vault/lifetime/holds';
import type { ConcernReportsTable } from '../rights-tables';

const dayMs = 86_400_000;

type ReportRow = Selectable<ConcernReportsTable> & { session_title: string };

function reports(db: DbOrTrx) {
  return db
    .selectFrom('concern_reports')
    .innerJoin('sessions', 'sessions.id', 'concern_reports.session_id')
    .selectAll('concern_reports')
    .select('sessions.title as session_title');
}

/** Whole days the report has been (or was) open. */
function openDays(row: ReportRow, at: Date): number {
  const end = row.closed_at ? Date.parse(row.closed_at) : at.getTime();
  return Math.max(0, Math.floor((end - Date.parse(row.created_at)) / dayMs));
}

/** Recordings not yet destroyed, per session: what a hold keeps. */
async function aliveRecordingCounts(db: DbOrTrx, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('recordings')
    .select(['session_id', (eb) => eb.fn.countAll().as('n')])
    .where('session_id', 'in', sessionIds)
    .where('status', 'in', ['pending', 'stored'])
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}

function toSummary(
  row: ReportRow,
  at: Date,
  held: Set<string>,
  alive: Map<string, number>,
): SafeguardingReportSummary {
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    category: row.category,
    duringCall: Number(row.during_call) === 1,
    reporterName: row.reporter_name,
    reporterRole: row.reporter_role,
    status: row.status,
    receivedAt: row.created_at,
    closedAt: row.closed_at,
    openDays: openDays(row, at),
    recordingsOnHold: held.has(row.session_id) ? (alive.get(row.session_id) ?? 0) : 0,
  };
}

/** Every report: open ones first, oldest first (the longest waiting on top); then the most recently closed. */
export async function listReports(db: DbOrTrx, at: Date): Promise<SafeguardingReportSummary[]> {
  const rows = await reports(db)
    .orderBy('concern_reports.created_at')
    .orderBy('concern_reports.id')
    .execute();
  const open = rows.filter((r) => r.status === 'open');
  const closed = rows
    .filter((r) => r.status === 'closed')
    .sort((a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? ''));
  const held = await heldSessionIds(db);
  const alive = await aliveRecordingCounts(db, [...new Set(rows.map((r) => r.session_id))]);
  return [...open, ...closed].map((row) => toSummary(row, at, held, alive));
}

/** One report with everything the investigation needs, or undefined if there is no such report. */
export async function reportDetail(
  deps: { db: DbOrTrx; policies: PolicyBook },
  id: string,
  at: Date,
): Promise<SafeguardingReportDetail | undefined> {
  const { db } = deps;
  const row = await reports(db).where('concern_reports.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'title', 'created_at'])
    .where('id', '=', row.session_id)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('people')
    .select(['name', 'role'])
    .where('session_id', '=', row.session_id)
    .orderBy('position')
    .execute();
  const others = await db
    .selectFrom('concern_reports')
    .select(['id', 'category', 'status', 'created_at', 'reporter_name', 'reporter_role'])
    .where('session_id', '=', row.session_id)
    .where('id', '!=', row.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const closedBy = row.closed_by_user_id
    ? await db.selectFrom('users').select('name').where('id', '=', row.closed_by_user_id).executeTakeFirst()
    : undefined;
  const held = await heldSessionIds(db);
  const recordings = await sessionRecordings(deps, row.session_id, held.has(row.session_id));
  const alive = new Map([[row.session_id, recordings.filter((r) => r.onHold).length]]);
  return {
    ...toSummary(row, at, held, alive),
    description: row.description,
    outcome: row.outcome,
    correctiveActions: row.corrective_actions,
    closedByName: closedBy?.name ?? null,
    reporterToldAt: row.reporter_told_at,
    session: { id: session.id, title: session.title, createdAt: session.created_at, people },
    otherReports: others.map((r) => ({
      id: r.id,
      category: r.category,
      status: r.status,
      receivedAt: r.created_at,
      reporterName: r.reporter_name,
      reporterRole: r.reporter_role,
    })),
    recordings,
  };
}

/** Every recording of the session, destroyed ones too (their absence is part of the story). */
async function sessionRecordings(
  deps: { db: DbOrTrx; policies: PolicyBook },
  sessionId: string,
  held: boolean,
): Promise<ReportedRecording[]> {
  const policy = await deps.policies.current();
  const rows = await deps.db
    .selectFrom('recordings')
    .select(['id', 'purpose', 'status', 'started_at', 'created_at', 'retain_until'])
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    purposeLabel: purposeLabel(policy, r.purpose),
    status: r.status,
    recordedAt: r.started_at,
    retainUntil: r.retain_until,
    onHold: held && (r.status === 'pending' || r.status === 'stored'),
  }));
}

/**
 * A reporter's own reports, newest first: received, or handled (and when); never the outcome. By
 * account, or by seat for someone who reported from the call with their invite link and has no account.
 */
export async function myReports(
  db: DbOrTrx,
  reporter: { userId: string } | { personId: string },
): Promise<MyConcernReport[]> {
  const rows = await reports(db)
    .where(
      'userId' in reporter ? 'concern_reports.reporter_user_id' : 'concern_reports.reporter_person_id',
      '=',
      'userId' in reporter ? reporter.userId : reporter.personId,
    )
    .orderBy('concern_reports.created_at', 'desc')
    .orderBy('concern_reports.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    category: row.category,
    duringCall: Number(row.during_call) === 1,
    receivedAt: row.created_at,
    status: row.status === 'closed' ? 'handled' : 'received',
    handledAt: row.status === 'closed' ? (row.reporter_told_at ?? row.closed_at) : null,
  }));
}
