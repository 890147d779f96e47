/** Route-side use of `can`: refuse with 403 `forbidden` and write the refusal to the audit log. */
import type { Context } from 'hono';
import { auditDenied } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import type { Actor } from './actor';
import { type Action, can, type Resource } from './can';

export interface AuthorizeTarget {
  type: string;
  id: string;
}

/**
 * Throws 403 unless `actor` may do `action` to `resource`. A refusal changes nothing but is audited
 * (who tried what on which thing), committed on its own.
 */
export async function authorize<A extends Action>(
  c: Context<AppEnv>,
  actor: Actor,
  action: A,
  resource: Parameters<typeof can<A>>[2],
  target?: AuthorizeTarget,
): Promise<void> {
  if (can(actor, action, resource as Extract<Resource, Parameters<typeof can<A>>[2]>)) return;
  const { db, now } = c.var.deps;
  // Audited under the permission's own name: every `can` action is an `AuditAction` (else this fails to compile).
  await auditDenied(db, {
    actor,
    action,
    target,
    detail: { method: c.req.method, path: c.req.path },
    at: now(),
  });
  throw new AppError(403, 'forbidden', 'Your account may not do this.');
}
