import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { fetchPolicy, giveAgreement } from '../api/people';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useRemote } from '../ui/useRemote';
import { useAccountStore } from './account-store';
import {
  type AgreementDraft,
  type AgreementErrors,
  type AgreementStatus,
  agreementErrors,
  toAgreementRequest,
} from './agreement';
import { RemoteFailure } from './RemoteFailure';

const unticked: AgreementDraft = { adultConfirmed: false, policyAgreed: false };

/** A guardian confirms they are an adult and agrees to the policy in force, before their child can join. */
export function AgreementPanel({ status, onAgreed }: { status: AgreementStatus; onAgreed: () => void }) {
  const policy = useRemote(fetchPolicy);
  const loadMe = useAccountStore((s) => s.load);
  const [draft, setDraft] = useState<AgreementDraft>(unticked);
  const [errors, setErrors] = useState<AgreementErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ attempt: number; message: FailureMessage } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (policy.state.kind !== 'ready') return;
    const request = toAgreementRequest(draft, policy.state.data.version);
    setErrors(agreementErrors(draft));
    if (!request) {
      const first = !draft.adultConfirmed ? 'agree-adult' : 'agree-policy';
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await giveAgreement(request);
      await loadMe();
      onAgreed();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'policy_version_stale') {
        // They agreed to words no longer in force: show the new ones and ask again.
        setDraft((d) => ({ ...d, policyAgreed: false }));
        policy.reload();
      }
      setFailure({ attempt: (failure?.attempt ?? 0) + 1, message: describeFailure(error) });
      setBusy(false);
    }
  };

  return (
    <section className="card agreement" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Before your child can join</h2>
      <p>
        {status.kind === 'outdated'
          ? `The organisation has updated its online tutoring and recording policy since you agreed to version ${status.agreedVersion}. Please read the current version.`
          : 'Please read the organisation’s online tutoring and recording policy. Your children can join sessions once you have agreed to it.'}
      </p>
      {policy.state.kind === 'loading' && <p className="muted">Loading the policy…</p>}
      {policy.state.kind === 'failed' && (
        <RemoteFailure error={policy.state.error} what="the policy" onRetry={policy.reload} />
      )}
      {policy.state.kind === 'ready' && (
        <form onSubmit={onSubmit} noValidate aria-labelledby="agreement-heading">
          {failure && (
            <ErrorAlert key={failure.attempt} title={failure.message.title} focusOnMount>
              <p>{failure.message.detail}</p>
            </ErrorAlert>
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it. */}
          <section className="policy-text" aria-label="Online tutoring and recording policy" tabIndex={0}>
            {policy.state.data.policy.agreementText}
          </section>
          <p className="muted">Version {policy.state.data.version}</p>
          <CheckboxField
            id="agree-adult"
            label="I confirm I am 18 or over"
            checked={draft.adultConfirmed}
            error={errors.adultConfirmed}
            onChange={(adultConfirmed) => setDraft((d) => ({ ...d, adultConfirmed }))}
          />
          <CheckboxField
            id="agree-policy"
            label="I have read and agree to this policy"
            checked={draft.policyAgreed}
            error={errors.policyAgreed}
            onChange={(policyAgreed) => setDraft((d) => ({ ...d, policyAgreed }))}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
              Agree
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
