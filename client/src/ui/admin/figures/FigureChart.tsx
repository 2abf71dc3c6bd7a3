import { useEffect, useRef, useState } from 'react';
import type { ChartSpec, DrawnChart } from './drawChart.ts';

/**
 * A chart drawn by uPlot once its code has loaded. Hidden from screen readers: the table beside it
 * says the same, and a canvas says nothing.
 */
export function FigureChart({ spec }: { spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: DrawnChart | null = null;
    let gone = false;
    const observer = new ResizeObserver(() => chart?.resize(el.clientWidth));
    import('./drawChart.ts').then(
      ({ drawChart }) => {
        if (gone) return;
        chart = drawChart(el, spec, el.clientWidth);
        observer.observe(el);
      },
      // Without the chart the table still says everything.
      () => setFailed(true),
    );
    return () => {
      gone = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [spec]);
  if (failed) return null;
  return <div ref={box} className="figure-chart" aria-hidden="true" />;
}
