import type { AuditEntry } from '@assent/shared';
import { AppLink } from '../ui/AppLink';
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
    <table className="admin-table admin-table--audit card-table">
      <caption className="visually-hidden">Audit log entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Who</th>
          <th scope="col">Role</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <td data-label="Time">
              <div>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                <span className="admin-table__seq muted">Entry {entry.seq}</span>
              </div>
            </td>
            <td data-label="Who">
              {entry.actorUserId ? (
                <AppLink href={personAuditPath(entry.actorUserId)} title="Show only this person’s entries">
                  {actorInWords(entry)}
                </AppLink>
              ) : (
                actorInWords(entry)
              )}
            </td>
            <td data-label="Role">{roleInWords(entry.actorRole)}</td>
            <td data-label="Action">
              <div>
                {actionInWords(entry.action)}
                {actionInWords(entry.action) !== entry.action && (
                  <code className="admin-table__code">{entry.action}</code>
                )}
              </div>
            </td>
            <td data-label="Target" className="admin-table__target">
              {entry.targetType && entry.targetId && entry.targetType !== 'policy' ? (
                <AppLink
                  href={auditPagePath({ ...noFilters, target: entry.targetId, targetType: entry.targetType })}
                  title="Show only the entries about this"
                >
                  {targetInWords(entry, people)}
                </AppLink>
              ) : (
                targetInWords(entry, people)
              )}
            </td>
            <td data-label="Outcome">
              <span className={`badge${entry.outcome === 'denied' ? ' badge--denied' : ''}`}>
                {entry.outcome === 'denied' ? 'Denied' : 'Done'}
              </span>
            </td>
            <td data-label="Details" className="admin-table__details">
              <div>
                {detailLines(entry.detail).map((line) => (
                  <span key={line} className="admin-table__detail">
                    {line}
                  </span>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
