/**
 * Who is calling: the signed-in account behind the request's session cookie, resolved once per request
 * and only by routes that need it (invite-token routes never pay for it).
 */
import type { AccountRole } from '@assent/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { isDisabled } from './account-state';

export interface Actor {
  userId: string;
  role: AccountRole;
  name: string;
  email: string;
}

const resolved = new WeakMap<Request, Promise<Actor | null>>();

/** The signed-in account, or null. */
export function currentActor(c: Context<AppEnv>): Promise<Actor | null> {
  let actor = resolved.get(c.req.raw);
  if (!actor) {
    const { auth, db } = c.var.deps;
    actor = auth.api.getSession({ headers: c.req.raw.headers }).then(async (found) =>
      // A disabled account's sessions are revoked when it is disabled; this also covers one made in a race.
      found && !(await isDisabled(db, found.user.id))
        ? {
            userId: found.user.id,
            role: (found.user as { role: AccountRole }).role,
            name: found.user.name,
            email: found.user.email,
          }
        : null,
    );
    resolved.set(c.req.raw, actor);
  }
  return actor;
}

/** The signed-in account; a 401 `unauthorized` when nobody is signed in. */
export async function requireActor(c: Context<AppEnv>): Promise<Actor> {
  const actor = await currentActor(c);
  if (!actor) throw new AppError(401, 'unauthorized', 'Sign in to do this.');
  return actor;
}
