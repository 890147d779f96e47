/**
 * An admin's decision on a deletion request, with a written reason (Hearken: case by case). Approval
 * crypto-shreds every recording the request covers, marks it approved and audits it, all in one
 * transaction on the vault's queue (so it never races an ingest or a sweep); blobs go after the commit.
 * A session under an open safeguarding report cannot be approved until the report is closed.
 */
import type { DeletionDecisionBody } from '@assent/shared';
import { PostgresAdapter } from 'kysely';
import type { Logger } from 'pino';
import { appendAudit } from '../../audit/audit-log';
import { destroySavedBoard } from '../../board/board-lifetime';
import { destroySeatsChat } from '../../chat/chat-destruction';
import type { Db } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../people/actor';
import { afterShredding, shredRecording } from '../../vault/destroy';
import { isHeld } from '../../vault/lifetime/holds';
import { type Recording, toRecording } from '../../vault/recording-repository';
import type { Vault } from '../../vault/vault';
import type { DeletionRequestsTable } from '../../vault/vault-tables';
import { coversRecording } from './deletion-request-lists';

export interface DecisionDeps {
  db: Db;
  vault: Pick<Vault, 'run' | 'files'>;
  logger: Logger;
  now: () => Date;
}

export interface DecisionOutcome {
  request: DeletionRequestsTable;
  destroyed: Recording[];
}

/** "Deletion request of Pat Guardian (2026-12-02) approved: REASON", for the deletion record. */
export const approvalDetail = (request: DeletionRequestsTable, reason: string) =>
  `Deletion request of ${request.requester_name} (${request.created_at.slice(0, 10)}) approved: ${reason}`;

export function decideDeletionRequest(
  deps: DecisionDeps,
  admin: Actor,
  requestId: string,
  body: DeletionDecisionBody,
): Promise<DecisionOutcome> {
  return deps.vault.run(async () => {
    const at = deps.now();
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const request = await trx
        .selectFrom('deletion_requests')
        .selectAll()
        .where('id', '=', requestId)
        .$if(trx.getExecutor().adapter instanceof PostgresAdapter, (qb) => qb.forUpdate())
        .executeTakeFirst();
      if (!request) throw new AppError(404, 'not_found', 'There is no such deletion request.');
      if (request.status !== 'open') {
        throw new AppError(409, 'already_decided', 'This request has already been decided.');
      }
      const destroyed: Recording[] = [];
      if (body.decision === 'approve') {
        if (await isHeld(trx, request.session_id)) {
          throw new AppError(
            409,
            'recording_on_hold',
            'A safeguarding report about this session is open; decide after it is closed.',
          );
        }
        const candidates = await trx
          .selectFrom('recordings')
          .selectAll()
          .where('session_id', '=', request.session_id)
          .where('status', 'in', ['pending', 'stored'])
          .orderBy('created_at')
          .execute();
        const why = {
          reason: 'decision' as const,
          detail: approvalDetail(request, body.reason),
          decidedBy: { userId: admin.userId, role: admin.role },
        };
        for (const row of candidates.filter((r) => coversRecording(request, r))) {
          const recording = toRecording(row);
          if (await shredRecording(trx, recording, why, at)) destroyed.push(recording);
        }
        // A request about the whole session also takes what the requester (and a child they speak for)
        // wrote in its chat; the others' messages stay. And the session's saved whiteboard (below).
        if (request.recording_id === null && request.requester_person_id) {
          const children = await trx
            .selectFrom('guardian_links')
            .select('student_person_id')
            .where('session_id', '=', request.session_id)
            .where('guardian_person_id', '=', request.requester_person_id)
            .execute();
          await destroySeatsChat(trx, {
            sessionId: request.session_id,
            personIds: [request.requester_person_id, ...children.map((c) => c.student_person_id)],
            detail: why.detail,
            decidedBy: why.decidedBy,
            at,
          });
          // The saved whiteboard is kept with the chat log and goes with it here. The server does not keep
          // who drew what on this shared board, so what the requester drew cannot be told apart: the whole
          // saved board is destroyed, with its own deletion record.
          await destroySavedBoard(trx, {
            sessionId: request.session_id,
            reason: 'decision',
            detail: why.detail,
            decidedBy: why.decidedBy,
            at,
          });
        }
      }
      const status = body.decision === 'approve' ? 'approved' : 'refused';
      const decided = {
        status,
        decided_at: at.toISOString(),
        decided_by_user_id: admin.userId,
        decision_reason: body.reason,
      } as const;
      await trx
        .updateTable('deletion_requests')
        .set(decided)
        .where('id', '=', requestId)
        .where('status', '=', 'open')
        .execute();
      await appendAudit(trx, {
        actor: { userId: admin.userId, role: admin.role },
        action: `deletion_request.${body.decision}`,
        target: { type: 'deletion_request', id: requestId },
        detail: {
          sessionId: request.session_id,
          recordingId: request.recording_id,
          destroyedRecordingIds: destroyed.map((r) => r.id),
          reason: body.reason,
        },
        at,
      });
      return { request: { ...request, ...decided }, destroyed };
    });
    for (const recording of outcome.destroyed) {
      try {
        await afterShredding({ db: deps.db, files: deps.vault.files }, recording);
      } catch (err) {
        // The key is gone already; the leftovers sweep removes the unreadable blob later.
        deps.logger.warn({ err, recordingId: recording.id }, 'blob of a destroyed recording not removed');
      }
    }
    if (outcome.destroyed.length > 0) {
      deps.logger.info(
        { requestId, recordingIds: outcome.destroyed.map((r) => r.id) },
        'recordings destroyed on an approved deletion request',
      );
    }
    return outcome;
  });
}
