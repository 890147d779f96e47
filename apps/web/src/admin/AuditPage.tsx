import '../styles/admin.css';
import { navigate, useSearch } from '../router';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { isAccessRefused } from '../ui/admin-failure';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { fetchPeople, verifyAudit } from './admin-api';
import { auditQueryString } from './audit-query';
import { auditPagePath, filtersFromSearch, hasFilters } from './audit-url';
import { ChainStatus } from './ChainStatus';
import { useAuditEntries } from './useAuditEntries';

/**
 * `/admin/audit`: every recorded action, newest first, and whether the hash chain is intact. The filters
 * live in the address (see audit-url.ts): applying them is a navigation, so Back undoes one.
 */
export function AuditPage() {
  usePageTitle('Audit log');
  const { state: check, reload: recheck } = useRemote(verifyAudit);
  // Names for the Person filter and for accounts named as targets; the log reads fine without them.
  const { state: peopleLoad } = useRemote(fetchPeople);
  const people = peopleLoad.kind === 'ready' ? peopleLoad.data.people : [];
  const search = useSearch();
  const filters = filtersFromSearch(search);
  const built = auditQueryString(filters, people);
  const log = useAuditEntries(built.ok ? built.query : null);

  const refused = [log.error, check.kind === 'failed' ? check.error : null].find(isAccessRefused);
  const filtered = hasFilters(filters);
  const returnTo = auditPagePath(filters);

  return (
    <section className="card admin admin--wide" aria-labelledby="audit-heading">
      <PageHeading id="audit-heading">Audit log</PageHeading>
      {refused ? (
        <AdminFailureAlert error={refused} returnTo={returnTo} />
      ) : (
        <>
          <ChainStatus check={check} onCheck={recheck} />
          <AuditFilterForm
            key={search}
            applied={filters}
            personError={built.ok ? undefined : built.fields.person}
            onApply={(applied) => navigate(auditPagePath(applied))}
          />
          {log.status === 'loading' && (
            <p className="muted" role="status">
              Loading entries…
            </p>
          )}
          {log.status !== 'loading' && log.entries.length === 0 && log.status !== 'failed' && (
            <p className="muted">{filtered ? 'No entries match these filters.' : 'The log is empty.'}</p>
          )}
          {log.entries.length > 0 && (
            <>
              <p className="admin__hint muted">Select a person or a target to see only their entries.</p>
              <AuditTable entries={log.entries} people={people} />
            </>
          )}
          {log.status === 'failed' && (
            <AdminFailureAlert error={log.error} returnTo={returnTo} onRetry={log.retry} />
          )}
          {log.nextBefore !== null && log.status !== 'failed' && (
            <div className="actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={log.loadOlder}
                disabled={log.status === 'loading-older'}
                aria-busy={log.status === 'loading-older'}
              >
                Older entries
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
