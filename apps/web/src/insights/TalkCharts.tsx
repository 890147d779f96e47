/**
 * The talk-time charts, drawn as plain SVG from React: no charting library to load (the numbers are few,
 * the shapes are bars and stripes), so these pages add only their own few kilobytes. Every chart is
 * `aria-hidden` and sits beside a table of the same numbers; the band is said in words, never by colour.
 */
import type { SessionInsights, TalkBand, TalkLines, TalkSpan } from '@assent/shared';
import type { CSSProperties, ReactNode } from 'react';
import { axisTicks, clockOf } from './talk-words';

const WIDTH = 1000;
const at = (seconds: number, axisSeconds: number) =>
  axisSeconds <= 0 ? 0 : Math.min(WIDTH, Math.max(0, (seconds / axisSeconds) * WIDTH));
const percentLeft = (percent: number): CSSProperties => ({ left: `${Math.min(100, Math.max(0, percent))}%` });

/** A drawing `WIDTH` wide and `height` high, stretched to its box, on a background of class `ground`. */
function Plot({
  className,
  height,
  ground,
  children,
}: {
  className: string;
  height: number;
  ground: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={className}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      focusable="false"
      aria-hidden="true"
    >
      <rect x={0} y={0} width={WIDTH} height={height} className={ground} />
      {children}
    </svg>
  );
}

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
      <Plot className="talk-meter__bar" height={24} ground="talk-meter__track">
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
      </Plot>
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

/** Where a moment (seconds from the start) falls on the clock's stripes, from 0 to `WIDTH`. */
type ClockX = (seconds: number) => number;

/** One row of the timeline: its name and its marks on the clock, drawn as SVG. */
interface TimeRow {
  key: string;
  name: string;
  marks: (x: ClockX) => ReactNode;
}

/**
 * The session's one clock, `axisSeconds` long, and the only place seconds become positions: a stripe per
 * row with its marks, and the clock's ticks beneath.
 */
function TimeAxis({ axisSeconds, rows }: { axisSeconds: number; rows: TimeRow[] }) {
  const x: ClockX = (seconds) => at(seconds, axisSeconds);
  return (
    <div className="talk-timeline" aria-hidden="true" data-testid="talk-timeline">
      {rows.map((row) => (
        <div className="talk-timeline__row" key={row.key}>
          <span className="talk-timeline__name">{row.name}</span>
          <Plot className="talk-timeline__stripe" height={10} ground="talk-timeline__ground">
            {row.marks(x)}
          </Plot>
        </div>
      ))}
      <div className="talk-timeline__row talk-timeline__row--axis">
        <span className="talk-timeline__name" />
        <div className="talk-timeline__ticks">
          {axisTicks(axisSeconds).map((tick) => (
            <span key={tick} className="talk-timeline__tick" style={percentLeft((x(tick) / WIDTH) * 100)}>
              {clockOf(tick)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Stretches of time (speech, a recording segment) as bars on the clock. */
const spansOn =
  (spans: TalkSpan[], kind: string) =>
  (x: ClockX): ReactNode =>
    spans.map((span) => (
      <rect
        key={`${span.from}-${span.to}`}
        x={x(span.from)}
        y={0}
        width={Math.max(1.5, x(span.to) - x(span.from))}
        height={10}
        className={`talk-timeline__span talk-timeline__span--${kind}`}
      />
    ));

/** Consent events as lines at their moments on the clock. */
const eventsOn =
  (events: SessionInsights['consentEvents']) =>
  (x: ClockX): ReactNode =>
    events.map((event, index) => (
      <line
        // biome-ignore lint/suspicious/noArrayIndexKey: events may share a moment and a kind.
        key={index}
        x1={x(event.at)}
        x2={x(event.at)}
        y1={0}
        y2={10}
        className={`talk-timeline__event talk-timeline__event--${event.kind}`}
        vectorEffect="non-scaling-stroke"
      />
    ));

/**
 * Who spoke when: one stripe per seat, the recording segments and the consent events beneath, on one
 * axis of seconds from the start of the measurement.
 */
export function TalkTimeline({ insights }: { insights: SessionInsights }) {
  const rows: TimeRow[] = [
    ...insights.speakers.map((speaker) => ({
      key: `speaker:${speaker.key}`,
      name: speaker.name,
      marks: spansOn(speaker.spans, speaker.learner ? 'learner' : 'tutor'),
    })),
    { key: 'recording', name: 'Recording', marks: spansOn(insights.recordings, 'recording') },
    { key: 'consent', name: 'Consent', marks: eventsOn(insights.consentEvents) },
  ];
  return <TimeAxis axisSeconds={insights.axisSeconds} rows={rows} />;
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
      <Plot className="talk-trend__plot" height={height} ground="talk-timeline__ground">
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
      </Plot>
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
