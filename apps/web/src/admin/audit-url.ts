/**
 * The audit page keeps its filters in its address, so a link can open it already filtered
 * (`/admin/audit?targetType=recording&targetId=…` from a recording's page) and a filtered view can be
 * bookmarked or sent to another admin. The parameters are the API's own names, plus `person` for
 * a name or email address as typed.
 */
import type { AuditOutcome } from '@assent/shared';
import { type AuditFilters, noFilters } from './audit-query';

const outcomes: readonly string[] = ['done', 'denied'] satisfies AuditOutcome[];

export function filtersFromSearch(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() ?? '';
  const outcome = text('outcome');
  const targetId = text('targetId');
  const targetType = text('targetType');
  return {
    person: text('actorUserId') || text('person'),
    target: targetId,
    ...(targetId && targetType ? { targetType } : {}),
    action: text('actionPrefix'),
    outcome: outcomes.includes(outcome) ? (outcome as AuditOutcome) : noFilters.outcome,
  };
}

/** The audit page's path showing `filters`; just `/admin/audit` for none. */
export function auditPagePath(filters: AuditFilters): string {
  const params = new URLSearchParams();
  const person = filters.person.trim();
  const target = filters.target.trim();
  if (person) params.set('person', person);
  if (target && filters.targetType) params.set('targetType', filters.targetType);
  if (target) params.set('targetId', target);
  if (filters.action) params.set('actionPrefix', filters.action);
  if (filters.outcome) params.set('outcome', filters.outcome);
  const query = params.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
}

/** A link to one person's entries, by account id. */
export function personAuditPath(userId: string): string {
  return `/admin/audit?${new URLSearchParams({ actorUserId: userId }).toString()}`;
}

export function hasFilters(filters: AuditFilters): boolean {
  return auditPagePath(filters) !== '/admin/audit';
}
