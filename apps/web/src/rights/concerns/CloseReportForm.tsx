import type { SafeguardingReportDetail } from '@assent/shared';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/client';
import { closeSafeguardingReport } from '../../api/concerns';
import { describeFailure, type FailureMessage } from '../../api/failure-words';
import { ErrorAlert } from '../../ui/ErrorAlert';

type Closing =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'refused'; attempt: number; failure: FailureMessage };

interface CloseReportFormProps {
  reportId: string;
  onClosed: (report: SafeguardingReportDetail) => void;
  /** Someone else closed it meanwhile: show the report as it now is. */
  onStale: () => void;
}

/** The outcome and corrective actions; closing lifts the hold and tells the reporter it was handled. */
export function CloseReportForm({ reportId, onClosed, onStale }: CloseReportFormProps) {
  const id = useId();
  const [outcome, setOutcome] = useState('');
  const [actions, setActions] = useState('');
  const [closing, setClosing] = useState<Closing>({ kind: 'editing' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome.trim() === '' || closing.kind === 'sending') return;
    const attempt = closing.kind === 'refused' ? closing.attempt + 1 : 1;
    setClosing({ kind: 'sending' });
    try {
      onClosed(await closeSafeguardingReport(reportId, { outcome, correctiveActions: actions }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_decided') {
        onStale();
        return;
      }
      setClosing({ kind: 'refused', attempt, failure: describeFailure(error) });
    }
  };

  return (
    <section className="card concern-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Close the report</h2>
      <p className="muted">
        Record what the investigation found and what was done. The reporter is told the report was handled,
        not the outcome. Once no report about the session is open, its recordings follow their retention
        again.
      </p>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <textarea
          id={`${id}-outcome`}
          value={outcome}
          maxLength={4000}
          rows={4}
          required
          onChange={(e) => setOutcome(e.target.value)}
        />
        <label htmlFor={`${id}-actions`}>Corrective actions</label>
        <textarea
          id={`${id}-actions`}
          value={actions}
          maxLength={4000}
          rows={3}
          onChange={(e) => setActions(e.target.value)}
        />
        {closing.kind === 'refused' && (
          <ErrorAlert key={closing.attempt} title="The report was not closed">
            <p>
              {closing.failure.title}. {closing.failure.detail}
            </p>
          </ErrorAlert>
        )}
        <button
          type="submit"
          className="button button--primary"
          aria-busy={closing.kind === 'sending'}
          disabled={closing.kind === 'sending' || outcome.trim() === ''}
        >
          Close report
        </button>
      </form>
    </section>
  );
}
