import type { ReadablePolicy } from '@assent/shared';
import { DataTable } from '../ui/DataTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { fetchReadablePolicy } from './policy-api';

/**
 * `/policy`: the policy in force for anyone to read at any time (signed in or from a join link): the
 * facts the service works by, generated from the policy's values, beside the organisation's own text.
 */
export function PolicyPage() {
  usePageTitle('Recording policy');
  const { state, reload } = useRemote(fetchReadablePolicy);
  if (state.kind === 'loading') return <PageLoading />;
  if (state.kind === 'failed') {
    return (
      <section className="card">
        <PageHeading>Recording policy</PageHeading>
        <ErrorAlert
          title="The policy could not be loaded"
          actions={
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          }
        >
          <p>Please try again in a moment.</p>
        </ErrorAlert>
      </section>
    );
  }
  return <PolicyText policy={state.data} />;
}

export function PolicyText({ policy }: { policy: ReadablePolicy }) {
  const { facts } = policy;
  const name = facts.organisationName || 'Your organisation';
  return (
    <article className="card policy-page">
      <PageHeading>Recording policy of {name}</PageHeading>
      <p className="muted">
        Version {policy.version}, in force since {new Date(policy.createdAt).toLocaleDateString()}.
      </p>
      <section aria-labelledby="policy-contact">
        <h2 id="policy-contact">Who we are and how to reach us</h2>
        <p>{name}</p>
        <p className="policy-page__text">
          {facts.organisationContact ||
            'The organisation has not given its contact details here yet: ask your tutor how to reach it.'}
        </p>
      </section>
      <section aria-labelledby="policy-recordings">
        <h2 id="policy-recordings">Recordings: why, for how long, who can watch</h2>
        <p>A session is recorded only if everyone in the call agrees. These are the reasons we may ask:</p>
        <div className="record-table__scroll">
          <DataTable
            className="record-table"
            rows={facts.purposes}
            rowKey={(purpose) => purpose.label}
            columns={[
              { header: 'Purpose', cell: (purpose) => purpose.label },
              { header: 'Kept for', cell: (purpose) => purpose.keptFor },
              { header: 'Who can watch', cell: (purpose) => purpose.viewers },
            ]}
          />
        </div>
        <p>{facts.playback}</p>
        <p>{facts.withdrawal}</p>
        <p>Every viewing of a recording is logged. When its time is up, a recording is destroyed.</p>
      </section>
      <section aria-labelledby="policy-also-kept">
        <h2 id="policy-also-kept">What else is kept, and for how long</h2>
        <ul>
          {facts.alsoKept.map((kept) => (
            <li key={kept.what}>
              {kept.what}. <span className="muted">{kept.howLong}.</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="policy-own-words">
        <h2 id="policy-own-words">In the organisation's own words</h2>
        <p className="policy-page__text">{policy.agreementText}</p>
        <h3>What everyone reads before a call</h3>
        <p className="policy-page__text">{policy.noticeText}</p>
      </section>
    </article>
  );
}
