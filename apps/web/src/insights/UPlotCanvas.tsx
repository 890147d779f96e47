/**
 * A uPlot chart in a box as wide as its container. uPlot draws on a canvas, so the box is `aria-hidden`:
 * every chart sits beside a table of the same numbers. Where there is no canvas to draw on (jsdom in the
 * unit tests) the box stays empty rather than throwing: uPlot itself is imported only where it can draw
 * (it reads `matchMedia` as it loads), into a chunk of its own that only these pages fetch. The colours
 * come from the page's CSS.
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The CSS custom properties a chart draws with, read from its box. */
export type Palette = (name: string) => string;

/** uPlot's options without a size: the box gives the width, the chart its height. */
export type ChartOptions = (palette: Palette) => Omit<uPlot.Options, 'width' | 'height'>;

function canvasAvailable(): boolean {
  if (typeof window === 'undefined' || typeof HTMLCanvasElement === 'undefined') return false;
  if (/jsdom/i.test(window.navigator.userAgent)) return false;
  return typeof window.matchMedia === 'function';
}

export function UPlotCanvas({
  testId,
  className,
  height,
  options,
  data,
}: {
  testId: string;
  className: string;
  height: number;
  options: ChartOptions;
  data: uPlot.AlignedData;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || !canvasAvailable()) return;
    const style = getComputedStyle(element);
    const palette: Palette = (name) => style.getPropertyValue(`--${name}`).trim() || 'currentColor';
    const size = () => ({ width: Math.max(1, element.clientWidth), height });
    let chart: uPlot | null = null;
    let resize: ResizeObserver | null = null;
    let gone = false;
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (gone) return;
        chart = new UPlot({ ...options(palette), ...size() }, data, element);
        if (typeof ResizeObserver === 'undefined') return;
        resize = new ResizeObserver(() => chart?.setSize(size()));
        resize.observe(element);
      })
      .catch(() => {
        // No chart is no loss of meaning: the table beside it says the same.
      });
    return () => {
      gone = true;
      resize?.disconnect();
      chart?.destroy();
    };
  }, [options, data, height]);
  return <div ref={box} className={className} data-testid={testId} aria-hidden="true" />;
}
