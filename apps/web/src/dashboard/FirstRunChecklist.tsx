import type { FirstRunChecklist as Checklist } from '@assent/shared';
import { type ReactNode, useState } from 'react';
import { describeFailure } from '../api/failure-words';
import { fetchFirstRunChecklist, markPolicyReviewed } from '../api/first-run';
import { RemoteFailure } from '../people/RemoteFailure';
import { AppLink } from '../ui/AppLink';
import { useRemote } from '../ui/useRemote';

interface Step {
  done: boolean;
  title: string;
  todo: ReactNode;
  doneText: string;
}

/**
 * A new organisation's admin: invite staff, review the recording policy and agreement text, enrol the
 * first family. Each step is read from what exists (the server decides), and the list goes away once all
 * three are done.
 */
export function FirstRunChecklist() {
  const checklist = useRemote(fetchFirstRunChecklist);
  const { state } = checklist;
  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') {
    return (
      <section className="card" aria-labelledby="first-run-heading">
        <h2 id="first-run-heading">Getting started</h2>
        <RemoteFailure error={state.error} what="the getting-started list" onRetry={checklist.reload} />
      </section>
    );
  }
  const { staffInvited, policyReviewed, familyEnrolled } = state.data;
  if (staffInvited && policyReviewed && familyEnrolled) return null;
  return <ChecklistCard checklist={state.data} onChanged={checklist.replace} />;
}

function ChecklistCard({
  checklist,
  onChanged,
}: {
  checklist: Checklist;
  onChanged: (c: Checklist) => void;
}) {
  const steps: Step[] = [
    {
      done: checklist.staffInvited,
      title: 'Invite staff',
      todo: (
        <>
          Invite the tutors, reviewers and other administrators on{' '}
          <AppLink href="/admin/people">People</AppLink>.
        </>
      ),
      doneText: 'A staff invitation is out, or a colleague has an account.',
    },
    {
      done: checklist.policyReviewed,
      title: 'Review the recording policy and agreement text',
      todo: <PolicyReviewStep onReviewed={onChanged} />,
      doneText: 'An administrator saved the policy or marked it as reviewed.',
    },
    {
      done: checklist.familyEnrolled,
      title: 'Enrol the first family',
      todo: (
        <>
          Name a guardian and their children with <a href="#enrol-heading">Enrol a family</a> below.
        </>
      ),
      doneText: 'A family is enrolled.',
    },
  ];
  const doneCount = steps.filter((s) => s.done).length;
  return (
    <section className="card first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Getting started</h2>
      <p className="muted">
        {doneCount} of {steps.length} done. This list ticks itself off as each step happens.
      </p>
      <ol className="first-run__steps">
        {steps.map((step) => (
          <li key={step.title} className="first-run__step" data-done={step.done}>
            <span className="first-run__mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <div>
              <p className="first-run__title">
                {step.title} <span className="visually-hidden">{step.done ? '(done)' : '(to do)'}</span>
              </p>
              <div className="muted">{step.done ? step.doneText : step.todo}</div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function PolicyReviewStep({ onReviewed }: { onReviewed: (c: Checklist) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const onMark = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onReviewed(await markPolicyReviewed());
    } catch (error) {
      setFailure(`Could not mark it as reviewed. ${describeFailure(error).detail}`);
      setBusy(false);
    }
  };
  return (
    <>
      <p className="first-run__text">
        Read the <AppLink href="/admin/policy">Recording policy</AppLink> page: the purposes, how long
        recordings are kept and the text families agree to. Save your changes there, or keep it as it is:
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        onClick={onMark}
      >
        Mark as reviewed
      </button>
      {failure && (
        <p className="field__error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
