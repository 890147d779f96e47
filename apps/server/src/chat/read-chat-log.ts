/**
 * Reading a session's chat log afterwards: allowed by `can('session.read_chat')` with the readers the
 * policy in force names, and every reading audited in the same transaction as the read. Staff readers
 * also see the text of a removed message (kept for them); students and guardians see it removed.
 */
import type { SessionChatLog } from '@assent/shared';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import { authorize } from '../people/authorize';
import type { ChatLogResource } from '../people/can';
import type { PolicyBook } from '../policy/policy-book';
import { chatLogReaders } from '../sessions/chat-log-readers';
import { listPeople } from '../sessions/session-repository';
import { listChatMessages, toChatMessage } from './chat-repository';

/** Who may read this session's chat afterwards, for `can`, under the policy in force. */
export async function chatLogResource(
  db: Db,
  policies: PolicyBook,
  session: { id: string; ownerUserId: string | null },
): Promise<ChatLogResource> {
  const [people, current] = await Promise.all([listPeople(db, session.id), policies.current()]);
  return chatLogReaders(people, session.ownerUserId, current.policy);
}

/**
 * Refuses (audited) anyone the policy does not let read this session's chat log, or the whiteboard kept
 * with it; 404 for no such session. Answers the session's id.
 */
export async function authorizeChatLogReading(
  c: Context<AppEnv>,
  actor: Actor,
  sessionId: string,
): Promise<string> {
  const { db, consent } = c.var.deps;
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'owner_user_id'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw new AppError(404, 'not_found', 'There is no such session.');
  const resource = await chatLogResource(db, consent.policies, {
    id: session.id,
    ownerUserId: session.owner_user_id,
  });
  await authorize(c, actor, 'session.read_chat', resource, { type: 'session', id: session.id });
  return session.id;
}

export async function readChatLog(
  c: Context<AppEnv>,
  actor: Actor,
  sessionId: string,
): Promise<SessionChatLog> {
  const { db, now, consent } = c.var.deps;
  const session = { id: await authorizeChatLogReading(c, actor, sessionId) };
  const staff = actor.role === 'admin' || actor.role === 'reviewer' || actor.role === 'tutor';
  const keptDays = (await consent.policies.current()).policy.chatRetentionDays;
  return db.transaction().execute(async (trx) => {
    const rows = await listChatMessages(trx, session.id);
    await appendAudit(trx, {
      actor,
      action: 'chat.read',
      target: { type: 'session', id: session.id },
      detail: { sessionId: session.id, messages: rows.length },
      at: now(),
    });
    return {
      sessionId: session.id,
      keptDays,
      messages: rows.map((row) => ({
        ...toChatMessage(row),
        removedText: staff && row.removed_at !== null && row.erased_at === null ? row.text : null,
      })),
    };
  });
}
