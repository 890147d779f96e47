import type { TutorTalkTrend } from '@assent/shared';
import { ApiError } from '../api/client';
import { fetchTutorTrend } from '../api/insights';
import { RemoteFailure } from '../people/RemoteFailure';
import { AppLink } from '../ui/AppLink';
import { DataTable } from '../ui/DataTable';
import { formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { sessionInsightsPath } from './paths';
import { TrendChart } from './TalkCharts';
import { bandInWords, percentInWords, secondsInWords } from './talk-words';
import './insights.css';

/**
 * `/insights/tutors/:userId`: a tutor's measured sessions, oldest first, with learners' share in each,
 * for reviewers and admins (and the tutor). The server decides who may see it and audits the reading.
 */
export function TutorTrendPage({ userId }: { userId: string }) {
  const { state, reload } = useRemote(() => fetchTutorTrend(userId));
  usePageTitle(state.kind === 'ready' ? `Talk time of ${state.data.tutor.name}` : 'Talk time over time');
  return (
    <div className="stack insights insights--wide">
      <section className="card" aria-labelledby="trend-heading">
        <PageHeading id="trend-heading">
          {state.kind === 'ready' ? `Talk time of ${state.data.tutor.name}` : 'Talk time over time'}
        </PageHeading>
        {state.kind === 'loading' && <PageLoading />}
        {state.kind === 'failed' &&
          (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 403) ? (
            <p>
              This tutor’s talk time does not exist or you may not see it. The organisation’s policy says who
              may.
            </p>
          ) : (
            <RemoteFailure error={state.error} what="the talk time" onRetry={reload} />
          ))}
        {state.kind === 'ready' && <Trend trend={state.data} />}
      </section>
    </div>
  );
}

function Trend({ trend }: { trend: TutorTalkTrend }) {
  const sessions = [...trend.sessions].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const { lines } = trend;
  const shares = sessions.flatMap((s) => (s.learnerSharePercent === null ? [] : [s.learnerSharePercent]));
  const average = shares.length === 0 ? null : shares.reduce((sum, p) => sum + p, 0) / shares.length;
  return (
    <>
      <p className="muted">
        Learners’ share of talk time in each measured session, oldest first, against the policy’s lines:
        highly engaging from {lines.engagingPercent} %, low below {lines.lowPercent} %, high from{' '}
        {lines.highPercent} %.
      </p>
      {sessions.length === 0 ? (
        <p>No measured sessions yet.</p>
      ) : (
        <>
          <p>
            {sessions.length === 1 ? 'One measured session' : `${sessions.length} measured sessions`}
            {'; '}learners’ share on average <strong>{percentInWords(average)}</strong>.
          </p>
          <TrendChart sessions={sessions} lines={lines} />
          <DataTable
            className="card-table"
            caption={`Talk time of ${trend.tutor.name}’s sessions`}
            rows={sessions}
            rowKey={(session) => session.sessionId}
            columns={[
              {
                header: 'Session',
                cell: (session) => (
                  <AppLink href={sessionInsightsPath(session.sessionId)}>{session.title}</AppLink>
                ),
              },
              { header: 'When', cell: (session) => formatDateTime(session.startedAt) },
              { header: 'Tutor', cell: (session) => secondsInWords(session.tutorSeconds) },
              { header: 'Learners', cell: (session) => secondsInWords(session.learnerSeconds) },
              { header: 'Learners’ share', cell: (session) => percentInWords(session.learnerSharePercent) },
              { header: 'Band', cell: (session) => bandInWords(session.band, lines) },
            ]}
          />
        </>
      )}
    </>
  );
}
