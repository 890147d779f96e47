import type { RecordingRequestInfo } from '@assent/shared';

/** What the person is asked to agree to (rule 1): why, who can watch, for how long. */
export function RequestFacts({
  request,
  showPurpose = true,
}: {
  request: Pick<RecordingRequestInfo, 'purposeLabel' | 'viewers' | 'retentionDays'>;
  /** Off where the purpose is being chosen right above. */
  showPurpose?: boolean;
}) {
  return (
    <dl className="request-facts">
      {showPurpose && (
        <div>
          <dt>Purpose</dt>
          <dd>{request.purposeLabel}</dd>
        </div>
      )}
      <div>
        <dt>Who can watch</dt>
        <dd>{request.viewers}</dd>
      </div>
      <div>
        <dt>Kept for</dt>
        <dd>
          {request.retentionDays} {request.retentionDays === 1 ? 'day' : 'days'}
        </dd>
      </div>
    </dl>
  );
}
