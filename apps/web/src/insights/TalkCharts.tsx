/**
 * The talk-time charts, drawn by uPlot (loaded only with the insights pages). uPlot has no timeline or
 * coloured-column series, so each chart draws its shapes in a `draw` hook on uPlot's scales and axes;
 * what it is given comes from `talk-chart-data`. Every chart is `aria-hidden` beside a table of the same
 * numbers; the band is said in words, never by colour alone.
 */
import type { SessionInsights, TalkBand, TalkLines } from '@assent/shared';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import {
  type ChartTone,
  policyLines,
  type RowsChart,
  shareMeterChart,
  type TrendColumn,
  timelineChart,
  trendColumns,
} from './talk-chart-data';
import { type ChartOptions, type Palette, UPlotCanvas } from './UPlotCanvas';

const ROW_HEIGHT = 24;
const AXIS_HEIGHT = 30;
const FONT = '12px system-ui, sans-serif';

const pxRatio = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

const toneColour = (palette: Palette, tone: ChartTone) => palette(`talk-${tone}`);

/** A dashed line across the plot at `value` on `scale` (vertical on x, horizontal on y). */
function drawLine(u: uPlot, scale: 'x' | 'y', value: number, colour: string) {
  const { ctx, bbox } = u;
  const at = Math.round(u.valToPos(value, scale, true));
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * pxRatio();
  ctx.setLineDash([4 * pxRatio(), 2 * pxRatio()]);
  ctx.beginPath();
  if (scale === 'x') {
    ctx.moveTo(at, bbox.top);
    ctx.lineTo(at, bbox.top + bbox.height);
  } else {
    ctx.moveTo(bbox.left, at);
    ctx.lineTo(bbox.left + bbox.width, at);
  }
  ctx.stroke();
  ctx.restore();
}

/** Rows of stretches and moments, top to bottom, on the x scale. */
function drawRows(u: uPlot, chart: RowsChart, palette: Palette) {
  const { ctx, bbox } = u;
  const rowHeight = bbox.height / chart.rows.length;
  const px = pxRatio();
  ctx.save();
  chart.rows.forEach((row, index) => {
    const top = bbox.top + index * rowHeight + rowHeight * 0.15;
    const height = rowHeight * 0.7;
    ctx.fillStyle = palette('bg');
    ctx.strokeStyle = palette('border');
    ctx.lineWidth = px;
    ctx.fillRect(bbox.left, top, bbox.width, height);
    ctx.strokeRect(bbox.left, top, bbox.width, height);
    ctx.fillStyle = toneColour(palette, row.tone);
    for (const [from, to] of row.spans) {
      const left = u.valToPos(from, 'x', true);
      ctx.fillRect(left, top, Math.max(1.5 * px, u.valToPos(to, 'x', true) - left), height);
    }
    ctx.fillStyle = palette('text');
    for (const moment of row.moments) {
      ctx.fillRect(Math.round(u.valToPos(moment, 'x', true) - px), top, 2 * px, height);
    }
  });
  ctx.restore();
  for (const line of chart.lines) drawLine(u, 'x', line, palette('text'));
}

const axisStyle = (palette: Palette) => ({
  stroke: palette('muted'),
  font: FONT,
  grid: { show: false },
  ticks: { show: false },
});

/** uPlot's options and data for rows on one axis; the row names are the y axis, the ticks the x axis. */
function rowsPlot(chart: RowsChart, nameWidth: number): { options: ChartOptions; data: uPlot.AlignedData } {
  const count = chart.rows.length;
  // Value n - i - 0.5 is the middle of row i counted from the top.
  const middles = chart.rows.map((_, index) => count - index - 0.5);
  return {
    data: [
      [0, chart.axisEnd],
      [null, null],
    ],
    options: (palette) => ({
      legend: { show: false },
      cursor: { show: false },
      padding: [4, 28, 0, 0],
      scales: {
        x: { time: false, auto: false, range: [0, chart.axisEnd] },
        y: { auto: false, range: [0, count] },
      },
      series: [{}, { paths: () => null, points: { show: false } }],
      axes: [
        {
          ...axisStyle(palette),
          size: AXIS_HEIGHT,
          splits: () => chart.ticks.map((tick) => tick.at),
          values: () => chart.ticks.map((tick) => tick.label),
        },
        ...(chart.topTicks.length === 0
          ? []
          : [
              {
                ...axisStyle(palette),
                scale: 'x',
                side: 0,
                size: AXIS_HEIGHT - 8,
                splits: () => chart.topTicks.map((tick) => tick.at),
                values: () => chart.topTicks.map((tick) => tick.label),
              },
            ]),
        {
          ...axisStyle(palette),
          stroke: palette('text'),
          size: nameWidth,
          gap: 6,
          splits: () => [...middles].reverse(),
          values: () => chart.rows.map((row) => row.name).reverse(),
        },
      ],
      hooks: { draw: [(u: uPlot) => drawRows(u, chart, palette)] },
    }),
  };
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
  const plot = useMemo(() => rowsPlot(shareMeterChart(percent, band, lines), 72), [percent, band, lines]);
  return (
    <UPlotCanvas
      testId="share-meter"
      className="talk-chart talk-meter"
      height={ROW_HEIGHT * 1.5 + AXIS_HEIGHT * 2}
      options={plot.options}
      data={plot.data}
    />
  );
}

/**
 * Who spoke when: one row per seat, the recording segments and the consent events beneath, on one axis
 * of seconds from the start of the measurement.
 */
export function TalkTimeline({ insights }: { insights: SessionInsights }) {
  const chart = useMemo(() => timelineChart(insights), [insights]);
  const plot = useMemo(() => rowsPlot(chart, 96), [chart]);
  return (
    <UPlotCanvas
      testId="talk-timeline"
      className="talk-chart talk-timeline"
      height={chart.rows.length * ROW_HEIGHT + AXIS_HEIGHT + 4}
      options={plot.options}
      data={plot.data}
    />
  );
}

/** A column per session in its band's colour, on the y scale of percents. */
function drawColumns(u: uPlot, columns: TrendColumn[], lines: number[], palette: Palette) {
  const { ctx } = u;
  const slot = Math.abs(u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true));
  const bottom = u.valToPos(0, 'y', true);
  ctx.save();
  columns.forEach((column, index) => {
    if (column.percent === null) return;
    const top = u.valToPos(column.percent, 'y', true);
    ctx.fillStyle = toneColour(palette, column.tone);
    ctx.fillRect(u.valToPos(index, 'x', true) - slot * 0.35, top, slot * 0.7, Math.max(1, bottom - top));
  });
  ctx.restore();
  for (const line of lines) drawLine(u, 'y', line, palette('text'));
}

/** A tutor's sessions over time: learners' share in each, as columns, with the policy's lines across. */
export function TrendChart({
  sessions,
  lines,
}: {
  sessions: { sessionId: string; learnerSharePercent: number | null; band: TalkBand | null }[];
  lines: TalkLines;
}) {
  const plot = useMemo(() => {
    const columns = trendColumns(sessions);
    const marks = policyLines(lines);
    const every = Math.max(1, Math.ceil(columns.length / 12));
    const options: ChartOptions = (palette) => ({
      legend: { show: false },
      cursor: { show: false },
      padding: [8, 8, 0, 0],
      scales: {
        x: { time: false, auto: false, range: [-0.5, Math.max(0.5, columns.length - 0.5)] },
        y: { auto: false, range: [0, 100] },
      },
      series: [{}, { paths: () => null, points: { show: false } }],
      axes: [
        {
          ...axisStyle(palette),
          size: AXIS_HEIGHT,
          splits: () => columns.map((_, index) => index).filter((index) => index % every === 0),
          values: (_u: uPlot, splits: number[]) => splits.map((index) => columns[index]?.label ?? ''),
        },
        {
          ...axisStyle(palette),
          size: 48,
          splits: () => [0, ...marks, 100],
          values: (_u: uPlot, splits: number[]) => splits.map((percent) => `${percent} %`),
        },
      ],
      hooks: { draw: [(u: uPlot) => drawColumns(u, columns, marks, palette)] },
    });
    const data: uPlot.AlignedData = [
      columns.map((_, index) => index),
      columns.map((column) => column.percent),
    ];
    return { options, data };
  }, [sessions, lines]);
  return (
    <UPlotCanvas
      testId="trend-chart"
      className="talk-chart talk-trend"
      height={200}
      options={plot.options}
      data={plot.data}
    />
  );
}
