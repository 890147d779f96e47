import type { AuditVerification } from '@assent/shared';
import type { Remote } from '../ui/useRemote';
import { chainText } from './audit-query';

/** Whether the log's hash chain still holds: one line, announced when it changes. */
export function ChainStatus({ check, onCheck }: { check: Remote<AuditVerification>; onCheck: () => void }) {
  const broken = check.kind === 'ready' && !check.data.intact;
  return (
    <div className={`admin-chain${broken ? ' admin-chain--broken' : ''}`}>
      <p role="status" className="admin-chain__text">
        {chainText(check)}
      </p>
      <button
        type="button"
        className="button button--quiet"
        onClick={onCheck}
        disabled={check.kind === 'loading'}
      >
        Check again
      </button>
    </div>
  );
}
