import type { AccessWithheld, AdminAccessRequest } from '@assent/shared';
import { useCallback, useState } from 'react';
import { fetchAdminAccessRequest, releaseAccessRequest } from '../../api/access-requests';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { countInWords } from '../../ui/format';
import { useRemote } from '../../ui/useRemote';
import { AnswerSections } from './AccessAnswerPage';

/** What the draft leaves out, in words for the admin (the requester is never told). */
function withheldInWords(withheld: AccessWithheld): string[] {
  return [
    withheld.concernReports > 0 &&
      `${countInWords(withheld.concernReports, 'concern report', 'concern reports')} the subject made (not told to someone asking about them)`,
    withheld.investigationViews > 0 &&
      `${countInWords(withheld.investigationViews, 'viewing', 'viewings')} for an open safeguarding investigation`,
    withheld.auditEntries > 0 &&
      `${countInWords(withheld.auditEntries, 'audit entry', 'audit entries')} that would tell of a report`,
  ].filter((line): line is string => typeof line === 'string');
}

interface AccessDraftProps {
  request: AdminAccessRequest;
  onReleased: () => void;
}

/** The compiled answer for the admin to read, and releasing it to the requester after a confirmation. */
export function AccessDraft({ request, onReleased }: AccessDraftProps) {
  const load = useCallback(() => fetchAdminAccessRequest(request.id), [request.id]);
  const { state, reload } = useRemote(load);
  const [confirming, setConfirming] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const about = request.subjectKind === 'self' ? 'themselves' : request.subjectName;

  const release = async () => {
    setReleasing(true);
    setFailure(null);
    try {
      await releaseAccessRequest(request.id);
      onReleased();
    } catch (error) {
      setFailure(error);
      setConfirming(false);
    } finally {
      setReleasing(false);
    }
  };

  return (
    <section className="access-draft stack" aria-labelledby="access-draft-heading">
      <h3 id="access-draft-heading">
        Answer for {request.requesterName} about {about}
      </h3>
      {state.kind === 'loading' && <p className="muted">Loading the answer…</p>}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/requests" onRetry={reload} />
      )}
      {failure !== null && <AdminFailureAlert error={failure} returnTo="/admin/requests" />}
      {state.kind === 'ready' && state.data.answer && (
        <>
          {state.data.withheld && withheldInWords(state.data.withheld).length > 0 ? (
            <div className="access-draft__withheld">
              <p>Left out for safeguarding (the requester is not told):</p>
              <ul>
                {withheldInWords(state.data.withheld).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Nothing was left out for safeguarding.</p>
          )}
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              Release answer to {request.requesterName}
            </button>
          </div>
          <AnswerSections answer={state.data.answer} />
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title="Release this answer?"
          confirmLabel="Release answer"
          busy={releasing}
          onConfirm={release}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {request.requesterName} will be able to read and download everything in this answer about {about},
            and will be emailed that it is ready. A released answer cannot be taken back.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
