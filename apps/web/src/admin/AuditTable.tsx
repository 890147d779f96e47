import type { AuditEntry } from '@assent/shared';
import { AppLink } from '../ui/AppLink';
import { DataTable } from '../ui/DataTable';
import { formatDateTime } from '../ui/format';
import {
  actionInWords,
  actorInWords,
  detailLines,
  type KnownPerson,
  noFilters,
  roleInWords,
  targetInWords,
} from './audit-query';
import { auditPagePath, personAuditPath } from './audit-url';

/** The entries, newest first; at phone width each row becomes a small card (see `.card-table`). */
export function AuditTable({
  entries,
  people,
}: {
  entries: readonly AuditEntry[];
  people: readonly KnownPerson[];
}) {
  return (
    <DataTable
      className="admin-table admin-table--audit card-table"
      caption="Audit log entries, newest first"
      rows={entries}
      rowKey={(entry) => entry.seq}
      rowHeaders={false}
      columns={[
        {
          header: 'Time',
          cell: (entry) => (
            <div>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span className="admin-table__seq muted">Entry {entry.seq}</span>
            </div>
          ),
        },
        {
          header: 'Who',
          cell: (entry) =>
            entry.actorUserId ? (
              <AppLink href={personAuditPath(entry.actorUserId)} title="Show only this person’s entries">
                {actorInWords(entry)}
              </AppLink>
            ) : (
              actorInWords(entry)
            ),
        },
        { header: 'Role', cell: (entry) => roleInWords(entry.actorRole) },
        {
          header: 'Action',
          cell: (entry) => (
            <div>
              {actionInWords(entry.action)}
              {actionInWords(entry.action) !== entry.action && (
                <code className="admin-table__code">{entry.action}</code>
              )}
            </div>
          ),
        },
        {
          header: 'Target',
          className: 'admin-table__target',
          cell: (entry) =>
            entry.targetType && entry.targetId && entry.targetType !== 'policy' ? (
              <AppLink
                href={auditPagePath({ ...noFilters, target: entry.targetId, targetType: entry.targetType })}
                title="Show only the entries about this"
              >
                {targetInWords(entry, people)}
              </AppLink>
            ) : (
              targetInWords(entry, people)
            ),
        },
        {
          header: 'Outcome',
          cell: (entry) => (
            <span className={`badge${entry.outcome === 'denied' ? ' badge--denied' : ''}`}>
              {entry.outcome === 'denied' ? 'Denied' : 'Done'}
            </span>
          ),
        },
        {
          header: 'Details',
          className: 'admin-table__details',
          cell: (entry) => (
            <div>
              {detailLines(entry.detail).map((line) => (
                <span key={line} className="admin-table__detail">
                  {line}
                </span>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
