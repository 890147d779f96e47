import type { SessionInsights } from '@assent/shared';
import { useEffect } from 'react';
import { ApiError } from '../api/client';
import { fetchSessionInsights } from '../api/insights';
import { RemoteFailure } from '../people/RemoteFailure';
import { AppLink } from '../ui/AppLink';
import { DataTable } from '../ui/DataTable';
import { formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { tutorTrendPath } from './paths';
import { ShareMeter, TalkTimeline } from './TalkCharts';
import {
  bandInWords,
  clockOf,
  consentEventInWords,
  engagingInWords,
  percentInWords,
  secondsInWords,
  speakerRoleInWords,
} from './talk-words';
import './insights.css';

const LIVE_REFRESH_MS = 30_000;

/**
 * `/sessions/:id/insights`: a session's talk time for the readers the policy names. Measured by the
 * server from sound levels only; the server decides who may see it and audits every reading.
 */
export function SessionInsightsPage({
  sessionId,
  tutorViewerId = null,
}: {
  sessionId: string;
  /** A tutor reading (a tutor sees only their own sessions): their account, to link their own trend. */
  tutorViewerId?: string | null;
}) {
  usePageTitle('Talk time');
  const { state, reload } = useRemote(() => fetchSessionInsights(sessionId));
  // While the call goes on the numbers grow: asked for again every half minute (each reading is audited).
  const live = state.kind === 'ready' && state.data.live;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(reload, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, reload]);
  return (
    <div className="stack insights">
      <section className="card" aria-labelledby="talk-time-heading">
        <p className="insights__back">
          <AppLink href="/">Your sessions</AppLink>
        </p>
        <PageHeading id="talk-time-heading">Talk time</PageHeading>
        {state.kind === 'loading' && <PageLoading />}
        {state.kind === 'failed' &&
          (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 403) ? (
            <p>
              This session’s talk time does not exist or you may not see it. The organisation’s policy says
              who may.
            </p>
          ) : (
            <RemoteFailure error={state.error} what="the talk time" onRetry={reload} />
          ))}
        {state.kind === 'ready' && (
          <InsightsBody insights={state.data} onReload={reload} tutorViewerId={tutorViewerId} />
        )}
      </section>
    </div>
  );
}

function InsightsBody({
  insights,
  onReload,
  tutorViewerId,
}: {
  insights: SessionInsights;
  onReload: () => void;
  tutorViewerId: string | null;
}) {
  return (
    <>
      <p className="insights__session">
        <strong>{insights.title}</strong>
        {insights.axisStart && <> · {formatDateTime(insights.axisStart)}</>}
      </p>
      <p className="muted">
        How long each person spoke, measured by the server from sound levels. What was said is not recorded by
        this. Your reading is recorded in the audit log.
      </p>
      {!insights.measured ? (
        <p>
          Talk time was not measured in this session: it was off in the organisation’s policy, or the call
          never started.
        </p>
      ) : (
        <>
          {insights.live && (
            <div className="insights__live">
              <p role="status">
                The call is still going: these numbers grow until it ends, and are brought up to date every
                half minute.
              </p>
              <button type="button" className="button button--secondary" onClick={onReload}>
                Refresh
              </button>
            </div>
          )}
          {insights.ownShareOnly && (
            <p className="muted">You see your own share only, as the policy allows.</p>
          )}
          <ShareSummary insights={insights} />
          <SpeakersTable insights={insights} />
          <Timeline insights={insights} />
          {insights.tutorUserId ? (
            <p>
              <AppLink href={tutorTrendPath(insights.tutorUserId)}>The tutor’s talk time over time</AppLink>
            </p>
          ) : (
            tutorViewerId && (
              <p>
                <AppLink href={tutorTrendPath(tutorViewerId)}>Your talk time over time</AppLink>
              </p>
            )
          )}
        </>
      )}
    </>
  );
}

function ShareSummary({ insights }: { insights: SessionInsights }) {
  const { lines } = insights;
  const total = insights.tutorSeconds + insights.learnerSeconds;
  const tutorShare = total > 0 ? (insights.tutorSeconds / total) * 100 : null;
  const engaging = engagingInWords(insights.learnerSharePercent, lines);
  const monologue = insights.longestTutorMonologue;
  return (
    <>
      <h2 id="share-heading">Tutor and learners</h2>
      <p className="insights__headline">
        Learners spoke <strong>{percentInWords(insights.learnerSharePercent)}</strong> of the talk time.{' '}
        <span className={`insights__band insights__band--${insights.band ?? 'none'}`}>
          {bandInWords(insights.band, lines)}.
        </span>{' '}
        {engaging && <>{engaging}.</>}
      </p>
      <ShareMeter percent={insights.learnerSharePercent} band={insights.band} lines={lines} />
      <table className="insights-table">
        <caption className="visually-hidden">Talk time in numbers</caption>
        <tbody>
          <tr>
            <th scope="row">Tutor</th>
            <td>
              {secondsInWords(insights.tutorSeconds)} ({percentInWords(tutorShare)})
            </td>
          </tr>
          <tr>
            <th scope="row">Learners</th>
            <td>
              {secondsInWords(insights.learnerSeconds)} ({percentInWords(insights.learnerSharePercent)})
            </td>
          </tr>
          <tr>
            <th scope="row">Band</th>
            <td>{bandInWords(insights.band, lines)}</td>
          </tr>
          <tr>
            <th scope="row">Policy lines</th>
            <td>
              Highly engaging from {lines.engagingPercent} %; low below {lines.lowPercent} %; high from{' '}
              {lines.highPercent} % learners’ share
            </td>
          </tr>
          <tr>
            <th scope="row">Longest tutor monologue</th>
            <td>
              {monologue
                ? `${secondsInWords(monologue.seconds)}, from ${clockOf(monologue.from)} to ${clockOf(monologue.to)}`
                : 'None measured'}
            </td>
          </tr>
          {insights.words && (
            <tr>
              <th scope="row">Learners’ share of words</th>
              <td>
                {percentInWords(insights.words.learnerSharePercent)}: {insights.words.learnerWords} of{' '}
                {insights.words.totalWords} words{' '}
                {insights.words.fromTranscript
                  ? '(spoken in the transcript and typed in the chat)'
                  : '(typed in the chat only)'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}

function SpeakersTable({ insights }: { insights: SessionInsights }) {
  return (
    <>
      <h2>Each person</h2>
      <DataTable
        className="card-table insights-speakers"
        caption="Talk time of each person"
        rows={insights.speakers}
        rowKey={(speaker) => speaker.key}
        empty="Nobody was measured."
        columns={[
          { header: 'Name', cell: (speaker) => speaker.name },
          {
            header: 'Role',
            cell: (speaker) => `${speakerRoleInWords(speaker.role)}${speaker.learner ? ' (learner)' : ''}`,
          },
          { header: 'Time speaking', cell: (speaker) => secondsInWords(speaker.seconds) },
          { header: 'Share of all talk', cell: (speaker) => percentInWords(speaker.sharePercent) },
        ]}
      />
    </>
  );
}

interface TimelineEntry {
  at: number;
  to: number | null;
  what: string;
}

/** Everything the timeline draws, in time order, for the table beside it. */
export function timelineEntries(insights: SessionInsights): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...insights.speakers.flatMap((speaker) =>
      speaker.spans.map((span) => ({ at: span.from, to: span.to, what: `${speaker.name} speaks` })),
    ),
    ...insights.recordings.map((span) => ({ at: span.from, to: span.to, what: 'Recording' })),
    ...insights.consentEvents.map((event) => ({
      at: event.at,
      to: null,
      what: consentEventInWords(event.kind, event.name),
    })),
  ];
  return entries.sort((a, b) => a.at - b.at);
}

function Timeline({ insights }: { insights: SessionInsights }) {
  const entries = timelineEntries(insights);
  return (
    <>
      <h2>Who spoke when</h2>
      <p className="muted">
        {secondsInWords(insights.axisSeconds)} from the start of the measurement, with the recording and the
        consent events on the same clock.
      </p>
      <TalkTimeline insights={insights} />
      <details className="insights__details">
        <summary>The timeline as a table</summary>
        <DataTable
          className="card-table"
          caption="Who spoke when"
          rows={entries}
          rowKey={(_, index) => index}
          empty="Nothing happened on the timeline."
          columns={[
            { header: 'From', cell: (entry) => clockOf(entry.at) },
            { header: 'To', cell: (entry) => (entry.to === null ? '' : clockOf(entry.to)) },
            { header: 'What', cell: (entry) => entry.what },
          ]}
        />
      </details>
    </>
  );
}
