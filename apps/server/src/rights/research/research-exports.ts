/**
 * Research exports: each one fixes, when an admin makes it, which fully agreed sessions and stored
 * recordings it holds, and is audited with exactly those ids. The archive itself is built at download.
 */
import { randomBytes } from 'node:crypto';
import type { ResearchExportCreated, ResearchExportSummary } from '@assent/shared';
import { appendAudit } from '../../audit/audit-log';
import type { Db, DbOrTrx } from '../../db/database';
import { researchCandidates } from './research-candidates';

export interface ResearchExport {
  id: string;
  createdByUserId: string;
  createdAt: string;
  sessionIds: string[];
  recordingIds: string[];
}

export const archiveUrlOf = (id: string) => `/api/admin/research/exports/${encodeURIComponent(id)}/archive`;

export async function createResearchExport(
  deps: { db: Db; now: () => Date },
  actor: { userId: string; role: string },
): Promise<ResearchExportCreated> {
  return deps.db.transaction().execute(async (trx) => {
    const eligible = (await researchCandidates(trx)).filter((s) => s.eligibility.eligible);
    const sessionIds = eligible.map((s) => s.sessionId);
    const recordings =
      sessionIds.length === 0
        ? []
        : await trx
            .selectFrom('recordings')
            .select('id')
            .where('session_id', 'in', sessionIds)
            .where('status', '=', 'stored')
            .orderBy('created_at')
            .orderBy('id')
            .execute();
    const recordingIds = recordings.map((r) => r.id);
    const at = deps.now();
    const id = `rexp_${randomBytes(16).toString('base64url')}`;
    await trx
      .insertInto('research_exports')
      .values({
        id,
        created_by_user_id: actor.userId,
        created_at: at.toISOString(),
        session_ids: JSON.stringify(sessionIds),
        recording_ids: JSON.stringify(recordingIds),
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'research.export',
      target: { type: 'research_export', id },
      detail: { sessionIds, recordingIds },
      at,
    });
    return { id, sessions: sessionIds.length, recordings: recordingIds.length, archiveUrl: archiveUrlOf(id) };
  });
}

export async function listResearchExports(db: DbOrTrx): Promise<ResearchExportSummary[]> {
  const rows = await db
    .selectFrom('research_exports')
    .leftJoin('users', 'users.id', 'research_exports.created_by_user_id')
    .selectAll('research_exports')
    .select('users.name as created_by_name')
    .orderBy('research_exports.created_at', 'desc')
    .orderBy('research_exports.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    createdByName: r.created_by_name ?? 'A former administrator',
    sessions: (JSON.parse(r.session_ids) as string[]).length,
    recordings: (JSON.parse(r.recording_ids) as string[]).length,
    archiveUrl: archiveUrlOf(r.id),
  }));
}

export async function findResearchExport(db: DbOrTrx, id: string): Promise<ResearchExport | undefined> {
  const row = await db.selectFrom('research_exports').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      createdByUserId: row.created_by_user_id,
      createdAt: row.created_at,
      sessionIds: JSON.parse(row.session_ids) as string[],
      recordingIds: JSON.parse(row.recording_ids) as string[],
    }
  );
}
