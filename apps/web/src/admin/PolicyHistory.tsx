import type { PolicyVersionEntry, PolicyVersionList } from '@assent/shared';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { formatDateTime } from '../ui/format';
import type { Remote } from '../ui/useRemote';
import { changeInWords } from './policy-changes';

interface PolicyHistoryProps {
  versions: Remote<PolicyVersionList>;
  onRetry: () => void;
}

/** Every saved version, newest first: when, who, and what it changed. Consent records cite these numbers. */
export function PolicyHistory({ versions, onRetry }: PolicyHistoryProps) {
  return (
    <section className="card" aria-labelledby="policy-history-heading">
      <h2 id="policy-history-heading">Version history</h2>
      {versions.kind === 'loading' && (
        <p className="muted" role="status">
          Loading the versions…
        </p>
      )}
      {versions.kind === 'failed' && (
        <AdminFailureAlert error={versions.error} returnTo="/admin/policy" onRetry={onRetry} />
      )}
      {versions.kind === 'ready' && (
        <ol className="admin-versions">
          {[...versions.data.versions]
            .sort((a, b) => b.version - a.version)
            .map((version) => (
              <VersionItem key={version.version} version={version} />
            ))}
        </ol>
      )}
    </section>
  );
}

function VersionItem({ version }: { version: PolicyVersionEntry }) {
  const labels = new Map(version.policy.purposes.map((p) => [p.id, p.label]));
  const who =
    version.createdBy === null
      ? 'the defaults set up on first start'
      : `saved by ${version.createdByName ?? 'an account that no longer exists'}`;
  return (
    <li className="admin-versions__item">
      <h3 className="admin-versions__title">Version {version.version}</h3>
      <p className="muted admin-versions__when">
        {formatDateTime(version.createdAt)}, {who}
      </p>
      {version.changes.length > 0 && (
        <ul className="admin-versions__changes">
          {version.changes.map((change) => (
            <li key={change.field}>{changeInWords(change, (id) => labels.get(id) ?? id)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
