import type { AccessRequestDetail } from '@assent/shared';
import { useCallback } from 'react';
import { accessArchiveUrl, fetchAccessRequest } from '../../api/access-requests';
import { ApiError } from '../../api/client';
import { RemoteFailure } from '../../people/RemoteFailure';
import { AppLink } from '../../ui/AppLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useRemote } from '../../ui/useRemote';
import { AccountSection, ConsentsSection, SessionsSection } from './AnswerAboutSections';
import {
  AuditSection,
  DeletionRecordsSection,
  RecordingsSection,
  RequestsSection,
  ViewsSection,
} from './AnswerRecordSections';
import { TalkTimeSection, TranscriptsSection } from './AnswerTalkSections';
import './access.css';
import '../../styles/signed-in.css';

/** `/requests/access/:id`: the answer to an access request, section by section, and its archive. */
export function AccessAnswerPage({ requestId }: { requestId: string }) {
  usePageTitle('Your data');
  const load = useCallback(() => fetchAccessRequest(requestId), [requestId]);
  const { state, reload } = useRemote(load);

  if (state.kind === 'loading')
    return (
      <p className="muted" role="status">
        Loading your request…
      </p>
    );
  if (state.kind === 'failed') {
    if (state.error instanceof ApiError && state.error.code === 'not_found')
      return (
        <ErrorAlert title="We could not find this request" focusOnMount>
          <p>
            It may be someone else’s request. Your own requests are on{' '}
            <AppLink href="/requests">Your requests</AppLink>.
          </p>
        </ErrorAlert>
      );
    return <RemoteFailure error={state.error} what="your request" onRetry={reload} />;
  }
  return <AccessAnswer request={state.data} />;
}

export function AccessAnswer({ request }: { request: AccessRequestDetail }) {
  const { answer } = request;
  return (
    <article className="card access-answer stack" aria-labelledby="access-answer-heading">
      <PageHeading id="access-answer-heading">
        Everything Assent holds about {request.subjectName}
      </PageHeading>
      {answer === null ? (
        <p>
          We received this request on {formatDate(request.receivedAt)}. It is waiting for an administrator to
          answer it; we will email you when it is answered, and the answer will be on this page.
        </p>
      ) : (
        <>
          <p>
            Compiled on <time dateTime={answer.compiledAt}>{formatDateTime(answer.compiledAt)}</time>: this is
            what Assent held at that moment.
          </p>
          <p>
            <a className="button button--secondary" href={accessArchiveUrl(request.id)} download>
              Download archive
            </a>
          </p>
          <AnswerSections answer={answer} />
        </>
      )}
    </article>
  );
}

export function AnswerSections({ answer }: { answer: NonNullable<AccessRequestDetail['answer']> }) {
  // Purposes by their label, from the recordings that carry one.
  const labels = new Map(answer.recordings.map((r) => [r.purpose, r.purposeLabel] as const));
  return (
    <>
      <AccountSection answer={answer} />
      <SessionsSection sessions={answer.sessions} />
      <TalkTimeSection answer={answer} />
      <ConsentsSection consents={answer.consents} labels={labels} />
      <RecordingsSection recordings={answer.recordings} />
      <TranscriptsSection answer={answer} />
      <ViewsSection views={answer.views} />
      <AuditSection audit={answer.audit} />
      <DeletionRecordsSection records={answer.deletionRecords} labels={labels} />
      <RequestsSection answer={answer} />
    </>
  );
}
