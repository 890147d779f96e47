import { type FormEvent, useState } from 'react';
import { reportConcernAbout } from '../../api/concerns';
import { describeFailure, type FailureMessage } from '../../api/failure-words';
import { fetchMySessions } from '../../api/sessions';
import { AppLink } from '../../ui/AppLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useRemote } from '../../ui/useRemote';
import { type ConcernDraft, ConcernFields, draftReady, emptyDraft } from './ConcernFields';
import '../../styles/signed-in.css';
import './concerns.css';

type Sending =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'refused'; attempt: number; failure: FailureMessage }
  | { kind: 'sent' };

/** `/sessions/:id/report`: a concern about a session the person (or their child) was in, after it ended. */
export function ReportConcernPage({ sessionId }: { sessionId: string }) {
  usePageTitle('Report a concern');
  // Only to name the session; the report does not depend on it.
  const { state: sessions } = useRemote(fetchMySessions);
  const title =
    sessions.kind === 'ready'
      ? sessions.data.sessions.find((s) => s.sessionId === sessionId)?.title
      : undefined;
  const [draft, setDraft] = useState<ConcernDraft>(emptyDraft);
  const [sending, setSending] = useState<Sending>({ kind: 'editing' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draftReady(draft) || sending.kind === 'sending') return;
    const attempt = sending.kind === 'refused' ? sending.attempt + 1 : 1;
    setSending({ kind: 'sending' });
    try {
      await reportConcernAbout(sessionId, draft);
      setSending({ kind: 'sent' });
    } catch (error) {
      setSending({ kind: 'refused', attempt, failure: describeFailure(error, 'report') });
    }
  };

  return (
    <section className="card narrow concern-form" aria-labelledby="report-concern-heading">
      <PageHeading id="report-concern-heading">Report a concern</PageHeading>
      {title && <p className="muted">About the session “{title}”.</p>}
      {sending.kind === 'sent' ? (
        <div role="status">
          <p>
            Thank you. Your report went to the safeguarding team. They will look into it, and “Your requests”
            will show when it has been handled.
          </p>
          <p>
            <AppLink href="/requests">Your requests</AppLink>
          </p>
        </div>
      ) : (
        <form onSubmit={submit}>
          <p>
            Tell the safeguarding team what worries you about this session. Only they read it; nobody else in
            the session is told that you reported.
          </p>
          <ConcernFields draft={draft} onChange={setDraft} disabled={sending.kind === 'sending'} />
          {sending.kind === 'refused' && (
            <ErrorAlert key={sending.attempt} title={sending.failure.title}>
              <p>{sending.failure.detail}</p>
            </ErrorAlert>
          )}
          <button
            type="submit"
            className="button button--primary"
            aria-busy={sending.kind === 'sending'}
            disabled={sending.kind === 'sending' || !draftReady(draft)}
          >
            Send report
          </button>
        </form>
      )}
    </section>
  );
}
