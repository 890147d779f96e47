/**
 * What each talk-time chart is given, as plain data: rows of stretches and moments on one axis, or a
 * column per session. Kept apart from the drawing so it can be tested without a canvas.
 */
import type { SessionInsights, TalkBand, TalkLines } from '@assent/shared';
import { axisTicks, clockOf } from './talk-words';

/** The colour a stretch is drawn in, named for what it means; the page's CSS gives each one. */
export type ChartTone = 'tutor' | 'learner' | 'recording' | 'low' | 'middle' | 'high' | 'none';

/** One row of a timeline: stretches `[from, to]` and moments, on the chart's axis. */
export interface ChartRow {
  name: string;
  tone: ChartTone;
  spans: Array<[number, number]>;
  moments: number[];
}

/** Rows on one axis from 0 to `axisEnd`, with ticks labelled, and lines across every row. */
export interface RowsChart {
  axisEnd: number;
  ticks: Array<{ at: number; label: string }>;
  /** Ticks labelled above the rows instead, where they would crowd the ones below. */
  topTicks: Array<{ at: number; label: string }>;
  rows: ChartRow[];
  lines: number[];
}

const bandTone = (band: TalkBand | null): ChartTone => band ?? 'none';

/** The three policy lines as percents, the engaging one first. */
export const policyLines = (lines: TalkLines) => [lines.engagingPercent, lines.lowPercent, lines.highPercent];

/** Learners' share as one row from 0 to 100 %, with the policy's lines marked and labelled on the axis. */
export function shareMeterChart(percent: number | null, band: TalkBand | null, lines: TalkLines): RowsChart {
  return {
    axisEnd: 100,
    ticks: [
      { at: 0, label: '0 %' },
      { at: lines.lowPercent, label: `${lines.lowPercent} %` },
      { at: lines.highPercent, label: `${lines.highPercent} %` },
      { at: 100, label: '100 %' },
    ],
    topTicks: [{ at: lines.engagingPercent, label: `${lines.engagingPercent} % engaging` }],
    rows: [
      {
        name: 'Learners',
        tone: bandTone(band),
        spans: percent === null ? [] : [[0, Math.min(100, Math.max(0, percent))]],
        moments: [],
      },
    ],
    lines: policyLines(lines),
  };
}

/** Who spoke when: a row per seat, then the recording segments and the consent events, on one clock. */
export function timelineChart(insights: SessionInsights): RowsChart {
  const axisEnd = Math.max(1, insights.axisSeconds);
  return {
    axisEnd,
    ticks: axisTicks(insights.axisSeconds).map((at) => ({ at, label: clockOf(at) })),
    topTicks: [],
    rows: [
      ...insights.speakers.map(
        (speaker): ChartRow => ({
          name: speaker.name,
          tone: speaker.learner ? 'learner' : 'tutor',
          spans: speaker.spans.map((span) => [span.from, span.to]),
          moments: [],
        }),
      ),
      {
        name: 'Recording',
        tone: 'recording',
        spans: insights.recordings.map((span) => [span.from, span.to]),
        moments: [],
      },
      { name: 'Consent', tone: 'none', spans: [], moments: insights.consentEvents.map((event) => event.at) },
    ],
    lines: [],
  };
}

/** A column per session, oldest first: learners' share (null when nothing was measured) and its band. */
export interface TrendColumn {
  label: string;
  percent: number | null;
  tone: ChartTone;
}

export function trendColumns(
  sessions: { learnerSharePercent: number | null; band: TalkBand | null }[],
): TrendColumn[] {
  return sessions.map((session, index) => ({
    label: String(index + 1),
    percent:
      session.learnerSharePercent === null ? null : Math.min(100, Math.max(0, session.learnerSharePercent)),
    tone: bandTone(session.band),
  }));
}
