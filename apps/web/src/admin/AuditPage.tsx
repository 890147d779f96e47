import '../styles/admin.css';
import { useState } from 'react';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { AdminFailureAlert } from './AdminFailureAlert';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { fetchPeople, verifyAudit } from './admin-api';
import { isAccessRefused } from './admin-failure';
import { type AuditFilters, auditQueryString, noFilters } from './audit-query';
import { ChainStatus } from './ChainStatus';
import { useAuditEntries } from './useAuditEntries';

/** `/admin/audit`: every recorded action, newest first, and whether the hash chain is intact. */
export function AuditPage() {
  usePageTitle('Audit log');
  const { state: check, reload: recheck } = useRemote(verifyAudit);
  // Names for the Person filter and for accounts named as targets; the log reads fine without them.
  const { state: peopleLoad } = useRemote(fetchPeople);
  const people = peopleLoad.kind === 'ready' ? peopleLoad.data.people : [];
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const built = auditQueryString(filters, people);
  const log = useAuditEntries(built.ok ? built.query : null);

  const refused = [log.error, check.kind === 'failed' ? check.error : null].find(isAccessRefused);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);

  return (
    <section className="card admin admin--wide" aria-labelledby="audit-heading">
      <PageHeading id="audit-heading">Audit log</PageHeading>
      {refused ? (
        <AdminFailureAlert error={refused} returnTo="/admin/audit" />
      ) : (
        <>
          <ChainStatus check={check} onCheck={recheck} />
          <AuditFilterForm
            applied={filters}
            personError={built.ok ? undefined : built.fields.person}
            onApply={setFilters}
          />
          {log.status === 'loading' && (
            <p className="muted" role="status">
              Loading entries…
            </p>
          )}
          {log.status !== 'loading' && log.entries.length === 0 && log.status !== 'failed' && (
            <p className="muted">{filtered ? 'No entries match these filters.' : 'The log is empty.'}</p>
          )}
          {log.entries.length > 0 && <AuditTable entries={log.entries} people={people} />}
          {log.status === 'failed' && (
            <AdminFailureAlert error={log.error} returnTo="/admin/audit" onRetry={log.retry} />
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
