import { describe, expect, it } from 'vitest';
import { lines, sessionInsights, tutorTrend } from './fixtures';
import { shareMeterChart, timelineChart, trendColumns } from './talk-chart-data';

describe('what the talk-time charts are given', () => {
  it('the meter: one bar to the learners’ share in its band’s colour, the three lines marked and labelled', () => {
    const chart = shareMeterChart(25, 'middle', lines);
    expect(chart.axisEnd).toBe(100);
    expect(chart.rows).toEqual([{ name: 'Learners', tone: 'middle', spans: [[0, 25]], moments: [] }]);
    expect(chart.lines).toEqual([10, 25, 50]);
    expect(chart.topTicks).toEqual([{ at: 10, label: '10 % engaging' }]);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['0 %', '25 %', '50 %', '100 %']);
  });

  it('the meter: no bar when nobody spoke, and a share past 100 % stays inside the axis', () => {
    expect(shareMeterChart(null, null, lines).rows[0]).toMatchObject({ tone: 'none', spans: [] });
    expect(shareMeterChart(130, 'high', lines).rows[0]?.spans).toEqual([[0, 100]]);
  });

  it('the timeline: a row per seat, then the recording and the consent moments, on one clock', () => {
    const chart = timelineChart(sessionInsights);
    expect(chart.axisEnd).toBe(600);
    expect(chart.rows.map((row) => [row.name, row.tone])).toEqual([
      ['Tina Tutor', 'tutor'],
      ['Sam Student', 'learner'],
      ['Lee Learner', 'learner'],
      ['Recording', 'recording'],
      ['Consent', 'none'],
    ]);
    expect(chart.rows[0]?.spans).toEqual([
      [0, 40],
      [60, 185],
      [250, 385],
    ]);
    expect(chart.rows[3]?.spans).toEqual([[120, 480]]);
    expect(chart.rows[4]?.moments).toEqual([100, 110, 120, 480]);
    expect(chart.ticks[0]).toEqual({ at: 0, label: '0:00' });
    expect(chart.ticks.every((tick) => tick.at <= 600)).toBe(true);
  });

  it('the timeline of a session not yet measured still has an axis to draw on', () => {
    expect(timelineChart({ ...sessionInsights, axisSeconds: 0 }).axisEnd).toBe(1);
  });

  it('the trend: a column per session in the order given, numbered, in its band’s colour; unmeasured ones empty', () => {
    expect(trendColumns(tutorTrend.sessions)).toEqual([
      { label: '1', percent: 50, tone: 'high' },
      { label: '2', percent: 10, tone: 'low' },
    ]);
    expect(trendColumns([{ learnerSharePercent: null, band: null }])).toEqual([
      { label: '1', percent: null, tone: 'none' },
    ]);
  });
});
