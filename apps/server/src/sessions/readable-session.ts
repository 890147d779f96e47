/** A session the signed-in caller may read: 404 when there is none, 403 (audited) when they may not. */
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import { authorize } from '../people/authorize';
import { sessionAccess } from './my-sessions';
import { toSession } from './session-repository';

export async function readableSession(c: Context<AppEnv>, actor: Actor, id: string) {
  const { db } = c.var.deps;
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'not_found', 'There is no such session.');
  const session = toSession(row);
  const { people, resource } = await sessionAccess(db, session);
  await authorize(c, actor, 'session.read', resource, { type: 'session', id: session.id });
  return { session, people };
}
