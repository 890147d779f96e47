/**
 * The talk-time charts, drawn as plain SVG from React: no charting library to load (the numbers are few,
 * the shapes are bars and stripes), so these pages add only their own few kilobytes. Every chart is
 * `aria-hidden` and sits beside a table of the same numbers; the band is said in words, never by colour.
 */
import type { SessionInsights, TalkBand, TalkLines, TalkSpan } from '@assent/shared';
import type { CSSProperties } from 'react';
import { axisTicks, clockOf } from './talk-words';

const WIDTH = 1000;
const at = (seconds: number, axisSeconds: number) =>
  axisSeconds <= 0 ? 0 : Math.min(WIDTH, Math.max(0, (seconds / axisSeconds) * WIDTH));
const percentLeft = (percent: number): CSSProperties => ({ left: `${Math.min(100, Math.max(0, percent))}%` });

/** Learners' share as a bar from 0 to 100 %, with the policy's three lines marked and labelled. */
export function ShareMeter({
  percent,
  band,
  lines,
}: {
  percent: number | null;
  band: TalkBand | null;
  lines: TalkLines;
}) {
  const marks = [
    { percent: lines.engagingPercent, label: `${lines.engagingPercent} % engaging` },
    { percent: lines.lowPercent, label: `${lines.lowPercent} %` },
    { percent: lines.highPercent, label: `${lines.highPercent} %` },
  ];
  return (
    <div className="talk-meter" aria-hidden="true" data-testid="share-meter">
      <svg
        className="talk-meter__bar"
        viewBox={`0 0 ${WIDTH} 24`}
        preserveAspectRatio="none"
        focusable="false"
        aria-hidden="true"
      >
        <rect x={0} y={0} width={WIDTH} height={24} className="talk-meter__track" />
        {percent !== null && (
          <rect
            x={0}
            y={0}
            width={(Math.min(100, percent) / 100) * WIDTH}
            height={24}
            className={`talk-meter__fill talk-meter__fill--${band ?? 'none'}`}
          />
        )}
        {marks.map((mark) => (
          <line
            key={mark.label}
            x1={(mark.percent / 100) * WIDTH}
            x2={(mark.percent / 100) * WIDTH}
            y1={0}
            y2={24}
            className="talk-meter__line"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <div className="talk-meter__labels">
        {marks.map((mark, index) => (
          <span
            key={mark.label}
            className={`talk-meter__label talk-meter__label--${index === 0 ? 'below' : 'above'}`}
            style={percentLeft(mark.percent)}
          >
            {mark.label}
          </span>
        ))}
      </div>
    </div>
  );
}

function Stripe({ spans, axisSeconds, kind }: { spans: TalkSpan[]; axisSeconds: number; kind: string }) {
  return (
    <svg
      className="talk-timeline__stripe"
      viewBox={`0 0 ${WIDTH} 10`}
      preserveAspectRatio="none"
      focusable="false"
      aria-hidden="true"
    >
      <rect x={0} y={0} width={WIDTH} height={10} className="talk-timeline__ground" />
      {spans.map((span) => {
        const x = at(span.from, axisSeconds);
        return (
          <rect
            key={`${span.from}-${span.to}`}
            x={x}
            y={0}
            width={Math.max(1.5, at(span.to, axisSeconds) - x)}
            height={10}
            className={`talk-timeline__span talk-timeline__span--${kind}`}
          />
        );
      })}
    </svg>
  );
}

/**
 * Who spoke when: one stripe per seat, the recording segments and the consent events beneath, on one
 * axis of seconds from the start of the measurement.
 */
export function TalkTimeline({ insights }: { insights: SessionInsights }) {
  const { axisSeconds } = insights;
  return (
    <div className="talk-timeline" aria-hidden="true" data-testid="talk-timeline">
      {insights.speakers.map((speaker) => (
        <div className="talk-timeline__row" key={speaker.key}>
          <span className="talk-timeline__name">{speaker.name}</span>
          <Stripe
            spans={speaker.spans}
            axisSeconds={axisSeconds}
            kind={speaker.learner ? 'learner' : 'tutor'}
          />
        </div>
      ))}
      <div className="talk-timeline__row">
        <span className="talk-timeline__name">Recording</span>
        <Stripe spans={insights.recordings} axisSeconds={axisSeconds} kind="recording" />
      </div>
      <div className="talk-timeline__row">
        <span className="talk-timeline__name">Consent</span>
        <svg
          className="talk-timeline__stripe"
          viewBox={`0 0 ${WIDTH} 10`}
          preserveAspectRatio="none"
          focusable="false"
          aria-hidden="true"
        >
          <rect x={0} y={0} width={WIDTH} height={10} className="talk-timeline__ground" />
          {insights.consentEvents.map((event, index) => {
            const x = at(event.at, axisSeconds);
            return (
              <line
                // biome-ignore lint/suspicious/noArrayIndexKey: events may share a moment and a kind.
                key={index}
                x1={x}
                x2={x}
                y1={0}
                y2={10}
                className={`talk-timeline__event talk-timeline__event--${event.kind}`}
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
        </svg>
      </div>
      <div className="talk-timeline__row talk-timeline__row--axis">
        <span className="talk-timeline__name" />
        <div className="talk-timeline__ticks">
          {axisTicks(axisSeconds).map((tick) => (
            <span
              key={tick}
              className="talk-timeline__tick"
              style={percentLeft((at(tick, axisSeconds) / WIDTH) * 100)}
            >
              {clockOf(tick)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

/** A tutor's sessions over time: learners' share in each, as columns, with the policy's lines across. */
export function TrendChart({
  sessions,
  lines,
}: {
  sessions: { sessionId: string; learnerSharePercent: number | null; band: TalkBand | null }[];
  lines: TalkLines;
}) {
  const height = 100;
  const slot = sessions.length === 0 ? WIDTH : WIDTH / sessions.length;
  return (
    <div className="talk-trend" aria-hidden="true" data-testid="trend-chart">
      <svg
        className="talk-trend__plot"
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        focusable="false"
        aria-hidden="true"
      >
        <rect x={0} y={0} width={WIDTH} height={height} className="talk-timeline__ground" />
        {sessions.map((session, index) =>
          session.learnerSharePercent === null ? null : (
            <rect
              key={session.sessionId}
              x={index * slot + slot * 0.15}
              width={slot * 0.7}
              y={height - Math.min(100, session.learnerSharePercent)}
              height={Math.min(100, session.learnerSharePercent)}
              className={`talk-meter__fill talk-meter__fill--${session.band ?? 'none'}`}
            />
          ),
        )}
        {[lines.engagingPercent, lines.lowPercent, lines.highPercent].map((percent) => (
          <line
            key={percent}
            x1={0}
            x2={WIDTH}
            y1={height - percent}
            y2={height - percent}
            className="talk-meter__line"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <div className="talk-trend__scale">
        {[lines.engagingPercent, lines.lowPercent, lines.highPercent].map((percent) => (
          <span key={percent} className="talk-trend__mark" style={{ bottom: `${percent}%` }}>
            {percent} %
          </span>
        ))}
      </div>
    </div>
  );
}
