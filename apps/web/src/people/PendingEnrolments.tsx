import type { PendingEnrolment } from '@assent/shared';
import { useState } from 'react';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { answerEnrolment, fetchMyEnrolments } from '../api/families';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useRemote } from '../ui/useRemote';

/**
 * A guardian's answers to tutors who ask to enrol another child with them: nothing is enrolled until
 * they confirm. Shown only while something waits.
 */
export function PendingEnrolments({ onConfirmed }: { onConfirmed: () => void }) {
  const { state, replace } = useRemote(fetchMyEnrolments);
  const [outcome, setOutcome] = useState<string | null>(null);
  const list = state.kind === 'ready' ? state.data.enrolments : [];
  if (list.length === 0 && !outcome) return null;

  const answered = (enrolment: PendingEnrolment) => {
    replace({ enrolments: list.filter((e) => e.id !== enrolment.id) });
    setOutcome(
      enrolment.status === 'confirmed'
        ? `${enrolment.childName} is enrolled with you.`
        : `You declined: ${enrolment.childName} was not enrolled.`,
    );
    if (enrolment.status === 'confirmed') onConfirmed();
  };

  return (
    <section className="card" aria-labelledby="pending-enrolments-heading">
      <h2 id="pending-enrolments-heading">Waiting for your answer</h2>
      {outcome && <p role="status">{outcome}</p>}
      {list.length > 0 && (
        <ul className="child-list">
          {list.map((enrolment) => (
            <EnrolmentRequest key={enrolment.id} enrolment={enrolment} onAnswered={answered} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EnrolmentRequest({
  enrolment,
  onAnswered,
}: {
  enrolment: PendingEnrolment;
  onAnswered: (answered: PendingEnrolment) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const answer = async (given: 'confirm' | 'decline') => {
    setBusy(true);
    setFailure(null);
    try {
      onAnswered(await answerEnrolment(enrolment.id, given));
    } catch (error) {
      setFailure(describeFailure(error));
      setBusy(false);
    }
  };
  return (
    <li className="child-item">
      <p>
        {enrolment.requestedBy} asks to enrol {enrolment.childName} with you
        {enrolment.minor && <span className="badge badge--muted">Under 18</span>}
      </p>
      <p className="muted">
        If you confirm, {enrolment.childName} is added to your children, under the same policy you agreed to.
        Nothing is enrolled unless you confirm.
      </p>
      {failure && (
        <ErrorAlert title={failure.title} focusOnMount>
          <p>{failure.detail}</p>
        </ErrorAlert>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => answer('confirm')}
        >
          Confirm
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => answer('decline')}
        >
          Decline
        </button>
      </div>
    </li>
  );
}
