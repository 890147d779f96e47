/**
 * Security events (failed sign-ins, rate-limit refusals, invalid one-time links, badly signed webhooks)
 * in the audit log, with a budget per source address: an attacker probing from one address gets a few
 * entries a minute, and the next entry written for that source says how many were left out meanwhile.
 * SECURITY: without the budget every refused guess would add a row to an append-only log.
 */
import { PostgresAdapter } from 'kysely';
import type { Db } from '../db/database';
import { type AuditActor, auditDenied } from './audit-log';

export type SecurityAction =
  | 'auth.sign_in_failed'
  | 'auth.rate_limited'
  | 'auth.link_invalid'
  | 'webhook.signature_invalid';

export interface SecurityEvent {
  action: SecurityAction;
  /** The caller's address as the HTTP layer resolved it. */
  source: string;
  actor?: AuditActor;
  target?: { type: string; id: string };
  detail?: Record<string, unknown>;
  at: Date;
}

/** Entries written per source per minute; the rest are counted and reported with the next one. */
export const securityEntriesPerSourcePerMinute = 10;
const windowMs = 60_000;

/** Writes the event unless its source has used its budget; resolves whether it was written. */
export async function recordSecurityEvent(db: Db, event: SecurityEvent): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('security_event_budgets')
      .values({ source: event.source, window_started_at: event.at.toISOString(), written: 0, suppressed: 0 })
      .onConflict((oc) => oc.column('source').doNothing())
      .execute();
    let query = trx.selectFrom('security_event_budgets').selectAll().where('source', '=', event.source);
    if (trx.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
    const budget = await query.executeTakeFirstOrThrow();
    const fresh = event.at.getTime() - Date.parse(budget.window_started_at) >= windowMs;
    const written = fresh ? 0 : Number(budget.written);
    const suppressed = Number(budget.suppressed);
    if (written >= securityEntriesPerSourcePerMinute) {
      await trx
        .updateTable('security_event_budgets')
        .set({ suppressed: suppressed + 1 })
        .where('source', '=', event.source)
        .execute();
      return false;
    }
    await trx
      .updateTable('security_event_budgets')
      .set({
        written: written + 1,
        suppressed: 0,
        ...(fresh ? { window_started_at: event.at.toISOString() } : {}),
      })
      .where('source', '=', event.source)
      .execute();
    // Budgets of sources quiet for an hour go, so addresses used once do not pile up.
    await trx
      .deleteFrom('security_event_budgets')
      .where('window_started_at', '<', new Date(event.at.getTime() - 60 * windowMs).toISOString())
      .where('suppressed', '=', 0)
      .execute();
    await auditDenied(trx, {
      actor: event.actor ?? { userId: null, role: null },
      action: event.action,
      target: event.target,
      detail: { ...event.detail, source: event.source, ...(suppressed ? { leftOutBefore: suppressed } : {}) },
      at: event.at,
    });
    return true;
  });
}
