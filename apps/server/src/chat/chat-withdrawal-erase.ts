/**
 * The "erase" withdrawal rule for the chat: when someone withdraws consent under a policy version whose
 * rule is "erase", what they wrote in that session's chat up to their withdrawal is erased — the text is
 * gone, the row stays marked erased so the conversation still reads ("Message erased at the sender's
 * request") — with a deletion record (when, why, how many; never the text) and an audit entry in the same
 * transaction. Everyone else's messages are untouched. Under "keep" nothing happens. While a concern or
 * safeguarding report about the session is open the chat is evidence: the erasure waits for the sweep
 * after the report is closed, like the recordings' (vault/lifetime/holds.ts).
 */
import { policyVersionOfNotice } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { Db } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import type { PolicyBook } from '../policy/policy-book';
import { isHeld } from '../vault/lifetime/holds';
import { chatLogDataClass } from './chat-lifetime';
import { type ChatDeps, sendChatPacket } from './send-chat-message';

export interface ChatEraseDeps {
  db: Db;
  policies: PolicyBook;
  now: () => Date;
}

/** One withdrawer's messages the rule erased. */
export interface ErasedChat {
  personId: string;
  ids: string[];
  erasedAt: string;
}

/** The session's withdrawals made under a policy version whose rule is "erase", oldest first. */
async function erasingWithdrawals(deps: ChatEraseDeps, sessionId: string) {
  const withdrawals = await deps.db
    .selectFrom('consent_log')
    .select(['person_id', 'person_name', 'notice_version', 'at'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'withdraw')
    .orderBy('at')
    .execute();
  const erasing: typeof withdrawals = [];
  for (const w of withdrawals) {
    const version = policyVersionOfNotice(w.notice_version);
    const policy = version === undefined ? undefined : await deps.policies.version(version);
    if (policy?.policy.withdrawalRule === 'erase') erasing.push(w);
  }
  return erasing;
}

/** Applies the rule to the session's chat; returns what it erased, per withdrawer. */
export async function eraseWithdrawnChat(deps: ChatEraseDeps, sessionId: string): Promise<ErasedChat[]> {
  const withdrawals = await erasingWithdrawals(deps, sessionId);
  if (withdrawals.length === 0 || (await isHeld(deps.db, sessionId))) return [];
  const erased: ErasedChat[] = [];
  for (const w of withdrawals) {
    const at = deps.now();
    const erasedAt = at.toISOString();
    const done = await deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('chat_messages')
        .select(['id', 'sent_at'])
        .where('session_id', '=', sessionId)
        .where('sender_person_id', '=', w.person_id)
        .where('sent_at', '<=', w.at)
        .where('erased_at', 'is', null)
        .orderBy('sent_at')
        .execute();
      if (rows.length === 0) return undefined;
      const ids = rows.map((r) => r.id);
      await trx
        .updateTable('chat_messages')
        .set({ text: '', erased_at: erasedAt })
        .where('id', 'in', ids)
        .execute();
      const session = await trx
        .selectFrom('sessions')
        .select('title')
        .where('id', '=', sessionId)
        .executeTakeFirst();
      const messages = ids.length;
      await trx
        .insertInto('deletion_records')
        .values({
          id: newDeletionRecordId(),
          recording_id: `chatlog:${sessionId}:${w.person_id}:${erasedAt}`,
          session_id: sessionId,
          session_title: session?.title ?? '',
          purpose: chatLogDataClass,
          recorded_at: rows[0]?.sent_at ?? null,
          destroyed_at: erasedAt,
          reason: 'withdrawal',
          detail: `${w.person_name} withdrew consent on ${w.at.slice(0, 10)}; the organisation's rule erases what they wrote in the session's chat: ${messages} ${messages === 1 ? 'message' : 'messages'} erased`,
          decided_by_user_id: null,
        })
        .execute();
      await appendAudit(trx, {
        actor: systemActor,
        action: 'chat.destroyed',
        target: { type: 'session', id: sessionId },
        detail: { sessionId, reason: 'withdrawal', messages },
        at,
      });
      return { personId: w.person_id, ids, erasedAt };
    });
    if (done) erased.push(done);
  }
  return erased;
}

/** Sessions whose chat the rule still has to erase: the sweep's catch-up (a crash, or a hold that ended). */
export async function sessionsWithChatToErase(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('chat_messages')
    .innerJoin('consent_log', (join) =>
      join
        .onRef('consent_log.session_id', '=', 'chat_messages.session_id')
        .onRef('consent_log.person_id', '=', 'chat_messages.sender_person_id'),
    )
    .select('chat_messages.session_id')
    .distinct()
    .where('consent_log.kind', '=', 'withdraw')
    .where('chat_messages.erased_at', 'is', null)
    .whereRef('chat_messages.sent_at', '<=', 'consent_log.at')
    .execute();
  return rows.map((r) => r.session_id);
}

/** After a withdrawal: applies the rule, then tells the room which messages to show as erased. */
export async function eraseWithdrawnChatInCall(
  deps: ChatEraseDeps & ChatDeps,
  sessionId: string,
): Promise<ErasedChat[]> {
  const erased = await eraseWithdrawnChat(deps, sessionId);
  if (erased.length === 0) return erased;
  const session = await deps.db
    .selectFrom('sessions')
    .select('room_name')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) return erased;
  for (const e of erased) {
    await sendChatPacket(deps, session.room_name, { type: 'erased', ids: e.ids, erasedAt: e.erasedAt });
  }
  return erased;
}
