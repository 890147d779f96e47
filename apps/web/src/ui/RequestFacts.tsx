import type { RecordingRequestInfo } from '@assent/shared';
import { daysCount } from './format';

/**
 * What the person is asked to agree to (rule 1): why, who can watch, for how long, what a withdrawal
 * does, and a link to the whole policy (opened beside the call, never instead of it).
 */
export function RequestFacts({
  request,
  showPurpose = true,
}: {
  request: Pick<RecordingRequestInfo, 'purposeLabel' | 'viewers' | 'retentionDays'> &
    Partial<Pick<RecordingRequestInfo, 'withdrawalRule'>>;
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
        <dd>{daysCount(request.retentionDays)}</dd>
      </div>
      {request.withdrawalRule && (
        <div>
          <dt>If anyone withdraws</dt>
          <dd>
            {request.withdrawalRule === 'erase'
              ? "Recording stops, this session's recordings are erased, and so are the chat messages of the person who withdrew"
              : 'Recording stops; what was recorded before is kept, and you can ask for it to be deleted'}
          </dd>
        </div>
      )}
      <div>
        <dt>The full policy</dt>
        <dd>
          <a href="/policy" target="_blank" rel="noopener">
            Read the recording policy
          </a>{' '}
          (opens in a new tab)
        </dd>
      </div>
    </dl>
  );
}
