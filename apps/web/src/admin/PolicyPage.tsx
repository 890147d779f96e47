import '../styles/admin.css';
import type { OrganisationPolicy, PolicyVersionList } from '@assent/shared';
import { useState } from 'react';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { type Remote, useRemote } from '../ui/useRemote';
import { fetchPolicy, fetchPolicyVersions } from './admin-api';
import { PolicyForm } from './PolicyForm';
import { PolicyHistory } from './PolicyHistory';

/** `/admin/policy`: the organisation's recording policy, where every save makes a new version. */
export function PolicyPage() {
  usePageTitle('Recording policy');
  const { state: loaded, reload } = useRemote(fetchPolicy);
  const { state: versions, reload: reloadVersions } = useRemote(fetchPolicyVersions);
  const [savedHere, setSavedHere] = useState<OrganisationPolicy | null>(null);
  const fetched = loaded.kind === 'ready' ? loaded.data : null;
  const current = fetched && savedHere && savedHere.version > fetched.version ? savedHere : fetched;

  return (
    <div className="stack admin">
      <section className="card" aria-labelledby="policy-heading">
        <PageHeading id="policy-heading">Recording policy</PageHeading>
        {loaded.kind === 'loading' && (
          <p className="muted" role="status">
            Loading the policy…
          </p>
        )}
        {loaded.kind === 'failed' && (
          <AdminFailureAlert error={loaded.error} returnTo="/admin/policy" onRetry={reload} />
        )}
        {fetched && current && (
          <>
            <p className="admin__version">{versionLine(current, versions)}</p>
            {/* A newer version fetched (after "Reload the policy") starts the form afresh. */}
            <PolicyForm
              key={fetched.version}
              saved={fetched}
              onSaved={(policy) => {
                setSavedHere(policy);
                reloadVersions();
              }}
              onReload={() => {
                reload();
                reloadVersions();
              }}
            />
          </>
        )}
      </section>
      {fetched && <PolicyHistory versions={versions} onRetry={reloadVersions} />}
    </div>
  );
}

/** "Version 3, saved 1 Mar 2026, 10:00 by Ada": the name comes with the version history. */
function versionLine(policy: OrganisationPolicy, versions: Remote<PolicyVersionList>): string {
  const when = formatDateTime(policy.createdAt);
  if (policy.createdBy === null) return `Version ${policy.version}, the defaults set up on ${when}`;
  const entry =
    versions.kind === 'ready' ? versions.data.versions.find((v) => v.version === policy.version) : null;
  const by = entry?.createdByName ? ` by ${entry.createdByName}` : '';
  return `Version ${policy.version}, saved ${when}${by}`;
}
